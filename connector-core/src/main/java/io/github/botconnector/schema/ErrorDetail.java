package io.github.botconnector.schema;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;

/**
 * The {@code error} member of an {@link ErrorResponse} (named so to stay clear of {@code java.lang.Error}).
 *
 * <p>Immutable; the client reads it from the service, {@link #fromJson(String)} from JSON text. Members of the
 * JSON object that this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = ErrorDetail.Builder.class)
public final class ErrorDetail extends JsonModel {

    private final String code;
    private final String message;
    private final InnerHttpError innerHttpError;

    private ErrorDetail(Builder builder) {
        super(builder);
        this.code = builder.code;
        this.message = builder.message;
        this.innerHttpError = builder.innerHttpError;
    }

    /**
     * Reads an error detail from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static ErrorDetail fromJson(String json) {
        return parse(json, ErrorDetail.class);
    }

    /** Error code, for example {@code ConversationNotFound}. */
    public String code() {
        return code;
    }

    /** Human-readable message. */
    public String message() {
        return message;
    }

    /** Error returned by the channel behind the service, if any. */
    public InnerHttpError innerHttpError() {
        return innerHttpError;
    }

    @Override
    protected Object[] values() {
        return new Object[] {code, message, innerHttpError};
    }

    /** Reads the JSON members; users only read this type, so it needs no public builder. */
    static final class Builder extends JsonModel.Builder<Builder> {

        private String code;
        private String message;
        private InnerHttpError innerHttpError;

        private Builder() {
        }

        ErrorDetail build() {
            return new ErrorDetail(this);
        }
    }
}
