package io.github.botconnector.schema;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.github.botconnector.exception.JsonFormatException;
import io.github.botconnector.internal.Json;
import io.github.botconnector.internal.Values;
import java.util.Map;
import java.util.Objects;

/**
 * Status and body of an error the channel behind the Bot Connector returned.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
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
        this.body = Values.freeze(builder.body);
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts with this object's values, unknown members included. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Reads a InnerHttpError from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static InnerHttpError fromJson(String json) {
        return Json.parseObject(json, InnerHttpError.class);
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
        return body == null ? null : Json.convert(body, type);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof InnerHttpError other)) {
            return false;
        }
        return Objects.equals(statusCode, other.statusCode)
                && Objects.equals(body, other.body)
                && properties().equals(other.properties());
    }

    @Override
    public int hashCode() {
        return Objects.hash(statusCode, body, properties());
    }

    /** Builder for {@link InnerHttpError}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("statusCode")
        private Integer statusCode;
        @JsonProperty("body")
        private Object body;

        private Builder() {
        }

        private Builder(InnerHttpError source) {
            super(source);
            this.statusCode = source.statusCode;
            this.body = source.body;
        }

        /** HTTP status the channel returned. */
        public Builder statusCode(Integer statusCode) {
            this.statusCode = statusCode;
            return this;
        }

        /** Body the channel returned (any JSON). */
        public Builder body(Object body) {
            this.body = body;
            return this;
        }

        /** The immutable InnerHttpError. */
        public InnerHttpError build() {
            return new InnerHttpError(this);
        }
    }
}
