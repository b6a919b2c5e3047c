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
 * Error body of the Bot Connector service: an {@code error} object with {@code code} and {@code message}.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonDeserialize(builder = ErrorResponse.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ErrorResponse extends JsonModel {

    @JsonProperty("error")
    private final ErrorDetail error;

    private ErrorResponse(Builder builder) {
        super(builder);
        this.error = builder.error;
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
     * Reads a ErrorResponse from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static ErrorResponse fromJson(String json) {
        return Json.parseObject(json, ErrorResponse.class);
    }

    /** The error. */
    public ErrorDetail error() {
        return error;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ErrorResponse other)) {
            return false;
        }
        return Objects.equals(error, other.error)
                && properties().equals(other.properties());
    }

    @Override
    public int hashCode() {
        return Objects.hash(error, properties());
    }

    /** Builder for {@link ErrorResponse}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("error")
        private ErrorDetail error;

        private Builder() {
        }

        private Builder(ErrorResponse source) {
            super(source);
            this.error = source.error;
        }

        /** The error. */
        public Builder error(ErrorDetail error) {
            this.error = error;
            return this;
        }

        /** The immutable ErrorResponse. */
        public ErrorResponse build() {
            return new ErrorResponse(this);
        }
    }
}
