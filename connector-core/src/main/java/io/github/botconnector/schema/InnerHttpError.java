package io.github.botconnector.schema;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.Map;

/**
 * Status and body of an error the channel behind the Bot Connector returned.
 *
 * <p>Immutable; the client reads it from the service, {@link #fromJson(String)} from JSON text. Members of the
 * JSON object that this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonDeserialize(builder = InnerHttpError.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class InnerHttpError extends JsonModel {

    @JsonProperty("statusCode")
    private final Integer statusCode;
    @JsonProperty("body")
    private final Object body;

    private InnerHttpError(Builder builder) {
        super(builder);
        this.statusCode = builder.statusCode;
        this.body = freeze(builder.body);
    }

    /**
     * Reads an inner HTTP error from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static InnerHttpError fromJson(String json) {
        return parse(json, InnerHttpError.class);
    }

    /** HTTP status the channel returned. */
    public Integer statusCode() {
        return statusCode;
    }

    /** Body the channel returned (any JSON). */
    public Object body() {
        return body;
    }

    /**
     * {@code body} converted to {@code type} (a model class, {@code Map}, or any Jackson-readable class).
     *
     * @return the converted value, or {@code null} when absent
     * @throws JsonFormatException if the value does not fit the type
     */
    public <T> T body(Class<T> type) {
        return convert(body, type);
    }

    @Override
    protected Object[] values() {
        return new Object[] {statusCode, body};
    }

    /** Reads the JSON members; users only read this type, so it needs no public builder. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("statusCode")
        private Integer statusCode;
        @JsonProperty("body")
        private Object body;

        private Builder() {
        }

        InnerHttpError build() {
            return new InnerHttpError(this);
        }
    }
}
