package io.github.botconnector.schema;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;
import java.util.List;

/**
 * Quick-reply buttons shown with a message.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = SuggestedActions.Builder.class)
public final class SuggestedActions extends JsonModel {

    private final List<String> to;
    private final List<CardAction> actions;

    private SuggestedActions(Builder builder) {
        super(builder);
        this.to = copyOf(builder.to);
        this.actions = copyOf(builder.actions);
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
     * Reads suggested actions from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static SuggestedActions fromJson(String json) {
        return parse(json, SuggestedActions.class);
    }

    /** Ids of the recipients who see the actions (empty: everyone). */
    public List<String> to() {
        return orEmpty(to);
    }

    /** The actions. */
    public List<CardAction> actions() {
        return orEmpty(actions);
    }

    @Override
    protected Object[] values() {
        return new Object[] {to, actions};
    }

    /** Builder for {@link SuggestedActions}; accepts every value the service accepts. Not thread-safe. */
    public static final class Builder extends JsonModel.Builder<Builder> {

        private List<String> to;
        private List<CardAction> actions;

        private Builder() {
        }

        private Builder(SuggestedActions source) {
            super(source);
            this.to = mutableCopy(source.to);
            this.actions = mutableCopy(source.actions);
        }

        /** Ids of the recipients who see the actions (empty: everyone). */
        public Builder to(List<String> to) {
            this.to = mutableCopy(to);
            return this;
        }

        /** Ids of the recipients who see the actions (empty: everyone). */
        public Builder to(String... to) {
            this.to = mutableCopy(to);
            return this;
        }

        /** The actions. */
        public Builder actions(List<CardAction> actions) {
            this.actions = mutableCopy(actions);
            return this;
        }

        /** The actions. */
        public Builder actions(CardAction... actions) {
            this.actions = mutableCopy(actions);
            return this;
        }

        /** The immutable SuggestedActions. */
        public SuggestedActions build() {
            return new SuggestedActions(this);
        }
    }
}
