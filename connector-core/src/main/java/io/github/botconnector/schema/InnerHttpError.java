package io.github.botconnector.schema;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;
import java.util.Map;

/**
 * Status and body of an error the channel behind the Bot Connector returned.
 *
 * <p>Immutable; the client reads it from the service, {@link #fromJson(String)} from JSON text. Members of the
 * JSON object that this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = InnerHttpError.Builder.class)
public final class InnerHttpError extends JsonModel {

    private final Integer statusCode;
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
    static final class Builder extends JsonModel.Builder<Builder> {

        private Integer statusCode;
        private Object body;

        private Builder() {
        }

        InnerHttpError build() {
            return new InnerHttpError(this);
        }
    }
}
