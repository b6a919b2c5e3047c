package io.github.botconnector.schema;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A programmatic action the activity carries.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = SemanticAction.Builder.class)
public final class SemanticAction extends JsonModel {

    private final String id;
    private final String state;
    private final Map<String, Entity> entities;

    private SemanticAction(Builder builder) {
        super(builder);
        this.id = builder.id;
        this.state = builder.state;
        this.entities = builder.entities == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(builder.entities));
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
     * Reads a semantic action from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static SemanticAction fromJson(String json) {
        return parse(json, SemanticAction.class);
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

    @Override
    protected Object[] values() {
        return new Object[] {id, state, entities};
    }

    /** Builder for {@link SemanticAction}; accepts every value the service accepts. Not thread-safe. */
    public static final class Builder extends JsonModel.Builder<Builder> {

        private String id;
        private String state;
        private Map<String, Entity> entities;

        private Builder() {
        }

        private Builder(SemanticAction source) {
            super(source);
            this.id = source.id;
            this.state = source.state;
            this.entities = source.entities == null ? null : new LinkedHashMap<>(source.entities);
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

        /** The immutable SemanticAction. */
        public SemanticAction build() {
            return new SemanticAction(this);
        }
    }
}
