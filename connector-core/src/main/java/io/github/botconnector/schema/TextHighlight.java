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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Part of a referenced text to highlight.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonDeserialize(builder = TextHighlight.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class TextHighlight {

    @JsonProperty("text")
    private final String text;
    @JsonProperty("occurrence")
    private final Integer occurrence;
    private final Map<String, Object> properties;

    private TextHighlight(Builder builder) {
        this.text = builder.text;
        this.occurrence = builder.occurrence;
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
     * Reads a TextHighlight from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static TextHighlight fromJson(String json) {
        return Json.parseObject(json, TextHighlight.class);
    }

    /** This object as compact JSON: null members omitted, unknown members written back. */
    public String toJson() {
        return Json.write(this);
    }

    /** Text to highlight. */
    public String text() {
        return text;
    }

    /** Which occurrence of the text, starting at 1. */
    public Integer occurrence() {
        return occurrence;
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
        if (!(o instanceof TextHighlight other)) {
            return false;
        }
        return Objects.equals(text, other.text)
                && Objects.equals(occurrence, other.occurrence)
                && properties.equals(other.properties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, occurrence, properties);
    }

    /** The JSON form of this object. */
    @Override
    public String toString() {
        return Json.write(this);
    }

    /** Builder for {@link TextHighlight}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder {

        @JsonProperty("text")
        private String text;
        @JsonProperty("occurrence")
        private Integer occurrence;
        private Map<String, Object> properties;

        private Builder() {
        }

        private Builder(TextHighlight source) {
            this.text = source.text;
            this.occurrence = source.occurrence;
            this.properties = Values.mutableProperties(source.properties);
        }

        /** Text to highlight. */
        public Builder text(String text) {
            this.text = text;
            return this;
        }

        /** Which occurrence of the text, starting at 1. */
        public Builder occurrence(Integer occurrence) {
            this.occurrence = occurrence;
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

        /** The immutable TextHighlight. */
        public TextHighlight build() {
            return new TextHighlight(this);
        }
    }
}
