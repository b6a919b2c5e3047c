package io.github.botconnector.schema;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;

/**
 * Metadata attached to an activity: a {@code mention}, {@code clientInfo}, or any other type. All members except
 * {@code type} are in {@link #properties()}; {@link Mention} is the typed view of a mention.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = Entity.Builder.class)
public final class Entity extends JsonModel {

    private final String type;

    private Entity(Builder builder) {
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
     * Reads an entity from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static Entity fromJson(String json) {
        return parse(json, Entity.class);
    }

    /** Type of the entity ({@code mention}, {@code clientInfo}, ...). */
    public String type() {
        return type;
    }

    /** An entity of the given type with no other members. */
    public static Entity of(String type) {
        return builder().type(type).build();
    }

    /** Whether this entity is a {@code mention}. */
    public boolean isMention() {
        return Mention.TYPE.equalsIgnoreCase(type);
    }

    /**
     * This entity converted to {@code type} (for example {@link Mention}).
     *
     * @throws JsonFormatException if the members do not fit the type
     */
    public <T> T as(Class<T> type) {
        return convert(this, type);
    }

    @Override
    protected Object[] values() {
        return new Object[] {type};
    }

    /** Builder for {@link Entity}; accepts every value the service accepts. Not thread-safe. */
    public static final class Builder extends JsonModel.Builder<Builder> {

        private String type;

        private Builder() {
        }

        private Builder(Entity source) {
            super(source);
            this.type = source.type;
        }

        /** Type of the entity ({@code mention}, {@code clientInfo}, ...). */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        /** The immutable Entity. */
        public Entity build() {
            return new Entity(this);
        }
    }
}
