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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A programmatic action the activity carries.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonDeserialize(builder = SemanticAction.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class SemanticAction {

    @JsonProperty("id")
    private final String id;
    @JsonProperty("state")
    private final String state;
    @JsonProperty("entities")
    private final Map<String, Entity> entities;
    private final Map<String, Object> properties;

    private SemanticAction(Builder builder) {
        this.id = builder.id;
        this.state = builder.state;
        this.entities = builder.entities == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(builder.entities));
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
     * Reads a SemanticAction from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static SemanticAction fromJson(String json) {
        return Json.parseObject(json, SemanticAction.class);
    }

    /** This object as compact JSON: null members omitted, unknown members written back. */
    public String toJson() {
        return Json.write(this);
    }

    /** Id of the action. */
    public String id() {
        return id;
    }

    /** State of the action ({@code start}, {@code continue}, {@code done}). */
    public String state() {
        return state;
    }

    /** Entities of the action, by name. */
    public Map<String, Entity> entities() {
        return entities == null ? Map.of() : entities;
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
        if (!(o instanceof SemanticAction other)) {
            return false;
        }
        return Objects.equals(id, other.id)
                && Objects.equals(state, other.state)
                && Objects.equals(entities, other.entities)
                && properties.equals(other.properties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, state, entities, properties);
    }

    /** The JSON form of this object. */
    @Override
    public String toString() {
        return Json.write(this);
    }

    /** Builder for {@link SemanticAction}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder {

        @JsonProperty("id")
        private String id;
        @JsonProperty("state")
        private String state;
        @JsonProperty("entities")
        private Map<String, Entity> entities;
        private Map<String, Object> properties;

        private Builder() {
        }

        private Builder(SemanticAction source) {
            this.id = source.id;
            this.state = source.state;
            this.entities = source.entities == null ? null : new LinkedHashMap<>(source.entities);
            this.properties = Values.mutableProperties(source.properties);
        }

        /** Id of the action. */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** State of the action ({@code start}, {@code continue}, {@code done}). */
        public Builder state(String state) {
            this.state = state;
            return this;
        }

        /** Entities of the action, by name. */
        public Builder entities(Map<String, Entity> entities) {
            this.entities = entities == null ? null : new LinkedHashMap<>(entities);
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

        /** The immutable SemanticAction. */
        public SemanticAction build() {
            return new SemanticAction(this);
        }
    }
}
