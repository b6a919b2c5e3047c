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
 * A reaction to a message ({@code like}, {@code heart}, ...).
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonDeserialize(builder = MessageReaction.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class MessageReaction extends JsonModel {

    @JsonProperty("type")
    private final String type;

    private MessageReaction(Builder builder) {
        super(builder);
        this.type = builder.type;
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
     * Reads a MessageReaction from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static MessageReaction fromJson(String json) {
        return Json.parseObject(json, MessageReaction.class);
    }

    /** Reaction type. */
    public String type() {
        return type;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MessageReaction other)) {
            return false;
        }
        return Objects.equals(type, other.type)
                && properties().equals(other.properties());
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, properties());
    }

    /** Builder for {@link MessageReaction}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("type")
        private String type;

        private Builder() {
        }

        private Builder(MessageReaction source) {
            super(source);
            this.type = source.type;
        }

        /** Reaction type. */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        /** The immutable MessageReaction. */
        public MessageReaction build() {
            return new MessageReaction(this);
        }
    }
}
