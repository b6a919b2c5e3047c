package io.github.botconnector.schema;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;

/**
 * A reaction to a message ({@code like}, {@code heart}, ...).
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = MessageReaction.Builder.class)
public final class MessageReaction extends JsonModel {

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
     * Reads a message reaction from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static MessageReaction fromJson(String json) {
        return parse(json, MessageReaction.class);
    }

    /** Reaction type. */
    public String type() {
        return type;
    }

    @Override
    protected Object[] values() {
        return new Object[] {type};
    }

    /** Builder for {@link MessageReaction}; accepts every value the service accepts. Not thread-safe. */
    public static final class Builder extends JsonModel.Builder<Builder> {

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
