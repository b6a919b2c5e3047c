package io.github.botconnector.teams;

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
import io.github.botconnector.schema.JsonFormatException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One recipient of a Teams batch message ({@code TeamMember} in the Microsoft SDKs): a user id for
 * {@code POST /v3/batch/conversation/users/}, a channel id for {@code POST /v3/batch/conversation/channels/}.
 *
 * <p>Written as {@code {"id": ...}}. Some senders write the key as {@code Id}; such an object is kept as received (the
 * key stays in {@link #properties()} and is written back unchanged) and {@link #id()} reads either spelling.
 *
 * <p>Immutable; build with {@link #builder()} or {@link #of(String)}, change with {@link #toBuilder()}.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonDeserialize(builder = BatchMember.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class BatchMember {

    /** The PascalCase spelling of {@code id} some senders use. */
    static final String PASCAL_ID = "Id";

    @JsonProperty("id")
    private final String id;
    private final Map<String, Object> properties;

    private BatchMember(Builder builder) {
        this.id = builder.id;
        this.properties = Values.properties(builder.properties);
    }

    /** A member with only an id. */
    public static BatchMember of(String id) {
        return builder().id(id).build();
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
     * Reads a BatchMember from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static BatchMember fromJson(String json) {
        return Json.parseObject(json, BatchMember.class);
    }

    /** This object as compact JSON: null members omitted, unknown members written back. */
    public String toJson() {
        return Json.write(this);
    }

    /**
     * The user or channel id: the {@code id} member, or when absent a textual {@code Id} member.
     */
    public String id() {
        if (id != null) {
            return id;
        }
        return properties.get(PASCAL_ID) instanceof String s ? s : null;
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
        if (!(o instanceof BatchMember other)) {
            return false;
        }
        return Objects.equals(id, other.id)
                && properties.equals(other.properties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, properties);
    }

    /** The JSON form of this object. */
    @Override
    public String toString() {
        return Json.write(this);
    }

    /** Builder for {@link BatchMember}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder {

        @JsonProperty("id")
        private String id;
        private Map<String, Object> properties;

        private Builder() {
        }

        private Builder(BatchMember source) {
            this.id = source.id;
            this.properties = Values.mutableProperties(source.properties);
        }

        /** The user or channel id, written as {@code id} (a PascalCase {@code Id} received earlier is dropped). */
        public Builder id(String id) {
            this.id = id;
            removeProperty(PASCAL_ID);
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

        /** The immutable BatchMember. */
        public BatchMember build() {
            return new BatchMember(this);
        }
    }
}
