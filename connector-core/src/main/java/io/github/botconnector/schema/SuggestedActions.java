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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Quick-reply buttons shown with a message.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonDeserialize(builder = SuggestedActions.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class SuggestedActions extends JsonModel {

    @JsonProperty("to")
    private final List<String> to;
    @JsonProperty("actions")
    private final List<CardAction> actions;

    private SuggestedActions(Builder builder) {
        super(builder);
        this.to = Values.list(builder.to);
        this.actions = Values.list(builder.actions);
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
     * Reads a SuggestedActions from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static SuggestedActions fromJson(String json) {
        return Json.parseObject(json, SuggestedActions.class);
    }

    /** Ids of the recipients who see the actions (empty: everyone). */
    public List<String> to() {
        return Values.orEmpty(to);
    }

    /** The actions. */
    public List<CardAction> actions() {
        return Values.orEmpty(actions);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SuggestedActions other)) {
            return false;
        }
        return Objects.equals(to, other.to)
                && Objects.equals(actions, other.actions)
                && properties().equals(other.properties());
    }

    @Override
    public int hashCode() {
        return Objects.hash(to, actions, properties());
    }

    /** Builder for {@link SuggestedActions}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("to")
        private List<String> to;
        @JsonProperty("actions")
        private List<CardAction> actions;

        private Builder() {
        }

        private Builder(SuggestedActions source) {
            super(source);
            this.to = source.to == null ? null : new ArrayList<>(source.to);
            this.actions = source.actions == null ? null : new ArrayList<>(source.actions);
        }

        /** Ids of the recipients who see the actions (empty: everyone). */
        public Builder to(List<String> to) {
            this.to = to == null ? null : new ArrayList<>(to);
            return this;
        }

        /** Ids of the recipients who see the actions (empty: everyone). */
        public Builder to(String... to) {
            this.to = to == null ? null : new ArrayList<>(Arrays.asList(to));
            return this;
        }

        /** The actions. */
        public Builder actions(List<CardAction> actions) {
            this.actions = actions == null ? null : new ArrayList<>(actions);
            return this;
        }

        /** The actions. */
        public Builder actions(CardAction... actions) {
            this.actions = actions == null ? null : new ArrayList<>(Arrays.asList(actions));
            return this;
        }

        /** The immutable SuggestedActions. */
        public SuggestedActions build() {
            return new SuggestedActions(this);
        }
    }
}
