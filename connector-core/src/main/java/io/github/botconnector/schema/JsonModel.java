package io.github.botconnector.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.github.botconnector.internal.Json;
import io.github.botconnector.internal.Values;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Base of every model: keeps the members of a JSON object that the model does not define, so nothing is lost on a
 * read/write round trip, and writes the model as JSON.
 */
public abstract class JsonModel {

    private final Map<String, Object> properties;
    /** The JSON form, computed once: models are immutable (a racy first write is harmless, as in String.hash). */
    private String json;
    /** The UTF-8 JSON sent on the wire, computed once when first sent; volatile to publish the array's contents. */
    private volatile byte[] utf8;

    static {
        Json.setModelBytes(JsonModel::utf8);
    }

    /**
     * Takes the unknown members collected by {@code builder}.
     *
     * @param builder the builder of the concrete model
     */
    protected JsonModel(Builder<?> builder) {
        this.properties = Values.properties(builder.properties);
    }

    /**
     * Members of the JSON object that this type does not define, as received (never null, unmodifiable).
     *
     * @return the unknown members by name
     */
    public final Map<String, Object> properties() {
        return properties;
    }

    @JsonAnyGetter
    final Map<String, Object> unknownMembers() {
        return properties;
    }

    /**
     * This object as compact JSON: null members omitted, unknown members written back. Computed once per object
     * (the model is immutable), so sending the same activity many times serializes it once.
     *
     * @return the JSON text
     */
    public final String toJson() {
        String j = json;
        if (j == null) {
            byte[] b = utf8;
            j = b != null ? new String(b, StandardCharsets.UTF_8) : Json.write(this);
            json = j;
        }
        return j;
    }

    /** {@link #toJson()} as UTF-8, computed once per object; shared, so never modified. */
    private byte[] utf8() {
        byte[] b = utf8;
        if (b == null) {
            String j = json;
            b = j != null ? j.getBytes(StandardCharsets.UTF_8) : Json.writeUtf8(this);
            utf8 = b;
        }
        return b;
    }

    /** The JSON form of this object. */
    @Override
    public String toString() {
        return toJson();
    }

    /**
     * Base of the model builders: the unknown members. Not thread-safe.
     *
     * @param <B> the concrete builder
     */
    public abstract static class Builder<B extends Builder<B>> {

        private Map<String, Object> properties;

        /** An empty builder. */
        protected Builder() {
        }

        /**
         * A builder that starts with the unknown members of {@code source}.
         *
         * @param source the model to copy
         */
        protected Builder(JsonModel source) {
            this.properties = Values.mutableProperties(source.properties);
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /**
         * Sets a member this type does not define (a {@code null} value is written as JSON null).
         *
         * @param name  the member name
         * @param value the value: a string, number, boolean, map, list, model or any Jackson-writable object
         * @return this builder
         */
        @JsonAnySetter
        public final B property(String name, Object value) {
            if (properties == null) {
                properties = new LinkedHashMap<>();
            }
            properties.put(Objects.requireNonNull(name, "name"), value);
            return self();
        }

        /**
         * Removes a member this type does not define.
         *
         * @param name the member name
         * @return this builder
         */
        public final B removeProperty(String name) {
            if (properties != null) {
                properties.remove(name);
            }
            return self();
        }

        /**
         * Replaces all members this type does not define.
         *
         * @param properties the members by name, or {@code null} for none
         * @return this builder
         */
        public final B properties(Map<String, Object> properties) {
            this.properties = properties == null ? null : new LinkedHashMap<>(properties);
            return self();
        }
    }
}
