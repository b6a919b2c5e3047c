package io.github.botconnector.schema;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.github.botconnector.exception.JsonFormatException;
import io.github.botconnector.internal.Json;
import java.util.Objects;

/**
 * The {@code error} member of an {@link ErrorResponse} (named so to stay clear of {@code java.lang.Error}).
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonDeserialize(builder = ErrorDetail.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ErrorDetail extends JsonModel {

    @JsonProperty("code")
    private final String code;
    @JsonProperty("message")
    private final String message;
    @JsonProperty("innerHttpError")
    private final InnerHttpError innerHttpError;

    private ErrorDetail(Builder builder) {
        super(builder);
        this.code = builder.code;
        this.message = builder.message;
        this.innerHttpError = builder.innerHttpError;
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
     * Reads a ErrorDetail from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static ErrorDetail fromJson(String json) {
        return Json.parseObject(json, ErrorDetail.class);
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
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ErrorDetail other)) {
            return false;
        }
        return Objects.equals(code, other.code)
                && Objects.equals(message, other.message)
                && Objects.equals(innerHttpError, other.innerHttpError)
                && properties().equals(other.properties());
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, message, innerHttpError, properties());
    }

    /** Builder for {@link ErrorDetail}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("code")
        private String code;
        @JsonProperty("message")
        private String message;
        @JsonProperty("innerHttpError")
        private InnerHttpError innerHttpError;

        private Builder() {
        }

        private Builder(ErrorDetail source) {
            super(source);
            this.code = source.code;
            this.message = source.message;
            this.innerHttpError = source.innerHttpError;
        }

        /** Error code, for example {@code ConversationNotFound}. */
        public Builder code(String code) {
            this.code = code;
            return this;
        }

        /** Human-readable message. */
        public Builder message(String message) {
            this.message = message;
            return this;
        }

        /** Error returned by the channel behind the service, if any. */
        public Builder innerHttpError(InnerHttpError innerHttpError) {
            this.innerHttpError = innerHttpError;
            return this;
        }

        /** The immutable ErrorDetail. */
        public ErrorDetail build() {
            return new ErrorDetail(this);
        }
    }
}
