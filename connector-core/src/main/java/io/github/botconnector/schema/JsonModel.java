package io.github.botconnector.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.botconnector.exception.JsonFormatException;
import io.github.botconnector.internal.Json;
import io.github.botconnector.internal.Values;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Base of every model: keeps the members of a JSON object that the model does not define, so nothing is lost on a
 * read/write round trip, and writes the model as JSON.
 *
 * <p>A model in any module needs only what this class offers: {@link #parse(String, Class)} for its
 * {@code fromJson}, {@link #copyOf(List)} and {@link #freeze(Object)} to keep its state immutable,
 * {@link #convert(Object, Class)} for typed views of JSON trees, and {@link #values()} for {@code equals} and
 * {@code hashCode}.
 *
 * <p>Every field of a model and of its builder is the JSON member of the same name, written when not null; no
 * accessor is read by Jackson. A field that is not a member is {@code transient}, like the two here, so a model
 * needs only {@code @JsonDeserialize(builder = ...)} (and {@code @JsonAlias} where a member has other spellings).
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class JsonModel {

    private final transient Map<String, Object> properties;
    /** The JSON form, computed once: models are immutable (a racy first write is harmless, as in String.hash). */
    private transient String json;
    /** The UTF-8 JSON sent on the wire, computed once when first sent; volatile to publish the array's contents. */
    private transient volatile byte[] utf8;

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
     * The values of the members this type defines, always in the same order: what {@link #equals(Object)} and
     * {@link #hashCode()} compare besides {@link #properties()}.
     *
     * @return a new array of the member values
     */
    protected abstract Object[] values();

    /**
     * Whether {@code o} is a model of the same class with equal member values and equal unknown members.
     *
     * @param o the object to compare with
     * @return whether both hold the same JSON content
     */
    @Override
    public final boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || o.getClass() != getClass()) {
            return false;
        }
        JsonModel other = (JsonModel) o;
        return Arrays.deepEquals(values(), other.values()) && properties.equals(other.properties);
    }

    /**
     * A hash of the member values and the unknown members, consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public final int hashCode() {
        return 31 * Arrays.deepHashCode(values()) + properties.hashCode();
    }

    /**
     * Parses {@code json} as a JSON object of {@code type}; the body of every model's {@code fromJson}.
     *
     * @param json the JSON text
     * @param type the model class
     * @param <T>  the model type
     * @return the model, unknown members kept
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    protected static <T extends JsonModel> T parse(String json, Class<T> type) {
        return Json.parseObject(json, type);
    }

    /**
     * Converts a JSON tree (or any Jackson-writable value) to {@code type}: the typed views of free-form members.
     *
     * @param value the value, or {@code null}
     * @param type  a model class, {@code Map}, or any Jackson-readable class
     * @param <T>   the target type
     * @return the converted value, or {@code null} when {@code value} is {@code null}
     * @throws JsonFormatException if the value does not fit the type
     */
    protected static <T> T convert(Object value, Class<T> type) {
        return value == null ? null : Json.convert(value, type);
    }

    /**
     * An unmodifiable copy of a list member (null elements kept), for a model's constructor.
     *
     * @param list the builder's list, or {@code null}
     * @param <T>  the element type
     * @return the copy, or {@code null} when {@code list} is {@code null} (so the member stays absent in JSON)
     */
    protected static <T> List<T> copyOf(List<? extends T> list) {
        return Values.list(list);
    }

    /**
     * {@code list}, or an empty list when the member is absent: what list accessors return.
     *
     * @param list the stored list, or {@code null}
     * @param <T>  the element type
     * @return never {@code null}
     */
    protected static <T> List<T> orEmpty(List<T> list) {
        return Values.orEmpty(list);
    }

    /**
     * Freezes a free-form JSON member ({@code channelData}, {@code value}, card content): maps and lists become
     * unmodifiable deep copies, JSON scalars stay, any other object is converted to its JSON tree first.
     *
     * @param value the value, or {@code null}
     * @return the frozen value
     * @throws IllegalArgumentException if the value contains itself or is nested deeper than JSON allows
     */
    protected static Object freeze(Object value) {
        return Values.freeze(value);
    }

    /**
     * A mutable copy of a list for a builder.
     *
     * @param list the list, or {@code null}
     * @param <T>  the element type
     * @return a new list, or {@code null} when {@code list} is {@code null}
     */
    protected static <T> List<T> mutableCopy(Collection<? extends T> list) {
        return list == null ? null : new ArrayList<>(list);
    }

    /**
     * A mutable list of the elements of a builder's varargs parameter.
     *
     * @param elements the elements, or {@code null}
     * @param <T>      the element type
     * @return a new list, or {@code null} when {@code elements} is {@code null}
     */
    protected static <T> List<T> mutableCopy(T[] elements) {
        return elements == null ? null : new ArrayList<>(Arrays.asList(elements));
    }

    /**
     * Base of the model builders: the unknown members. Not thread-safe.
     *
     * @param <B> the concrete builder
     */
    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE,
            creatorVisibility = Visibility.NONE)
    public abstract static class Builder<B extends Builder<B>> {

        private transient Map<String, Object> properties;

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
