package io.github.botconnector.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.github.botconnector.internal.Json;
import io.github.botconnector.internal.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
public final class SuggestedActions {

    @JsonProperty("to")
    private final List<String> to;
    @JsonProperty("actions")
    private final List<CardAction> actions;
    private final Map<String, Object> properties;

    private SuggestedActions(Builder builder) {
        this.to = Values.list(builder.to);
        this.actions = Values.list(builder.actions);
        this.properties = Values.properties(builder.properties);
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

    /** This object as compact JSON: null members omitted, unknown members written back. */
    public String toJson() {
        return Json.write(this);
    }

    /** Ids of the recipients who see the actions (empty: everyone). */
    public List<String> to() {
        return Values.orEmpty(to);
    }

    /** The actions. */
    public List<CardAction> actions() {
        return Values.orEmpty(actions);
    }

    /** Members of the JSON object that this type does not define, as received (never null, unmodifiable). */
    public Map<String, Object> properties() {
        return properties;
    }

    @JsonAnyGetter
    Map<String, Object> unknownMembers() {
        return properties;
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
                && properties.equals(other.properties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(to, actions, properties);
    }

    /** The JSON form of this object. */
    @Override
    public String toString() {
        return Json.write(this);
    }

    /** Builder for {@link SuggestedActions}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder {

        @JsonProperty("to")
        private List<String> to;
        @JsonProperty("actions")
        private List<CardAction> actions;
        private Map<String, Object> properties;

        private Builder() {
        }

        private Builder(SuggestedActions source) {
            this.to = source.to == null ? null : new ArrayList<>(source.to);
            this.actions = source.actions == null ? null : new ArrayList<>(source.actions);
            this.properties = Values.mutableProperties(source.properties);
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

        /** Sets (or, with a {@code null} value, writes as JSON null) a member this type does not define. */
        @JsonAnySetter
        public Builder property(String name, Object value) {
            if (properties == null) {
                properties = new LinkedHashMap<>();
            }
            properties.put(Objects.requireNonNull(name, "name"), value);
            return this;
        }

        /** Removes a member this type does not define. */
        public Builder removeProperty(String name) {
            if (properties != null) {
                properties.remove(name);
            }
            return this;
        }

        /** Replaces all members this type does not define. */
        public Builder properties(Map<String, Object> properties) {
            this.properties = properties == null ? null : new LinkedHashMap<>(properties);
            return this;
        }

        /** The immutable SuggestedActions. */
        public SuggestedActions build() {
            return new SuggestedActions(this);
        }
    }
}
