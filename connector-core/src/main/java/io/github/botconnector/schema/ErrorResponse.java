package io.github.botconnector.schema;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;

/**
 * Error body of the Bot Connector service: an {@code error} object with {@code code} and {@code message}.
 *
 * <p>Immutable; the client reads it from the service, {@link #fromJson(String)} from JSON text. Members of the
 * JSON object that this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = ErrorResponse.Builder.class)
public final class ErrorResponse extends JsonModel {

    private final ErrorDetail error;

    private ErrorResponse(Builder builder) {
        super(builder);
        this.error = builder.error;
    }

    /**
     * Reads an error response from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static ErrorResponse fromJson(String json) {
        return parse(json, ErrorResponse.class);
    }

    /** The error. */
    public ErrorDetail error() {
        return error;
    }

    @Override
    protected Object[] values() {
        return new Object[] {error};
    }

    /** Reads the JSON members; users only read this type, so it needs no public builder. */
    static final class Builder extends JsonModel.Builder<Builder> {

        private ErrorDetail error;

        private Builder() {
        }

        ErrorResponse build() {
            return new ErrorResponse(this);
        }
    }
}
