package io.github.botconnector.schema;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.github.botconnector.exception.JsonFormatException;
import io.github.botconnector.internal.Json;
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
public final class TextHighlight extends JsonModel {

    @JsonProperty("text")
    private final String text;
    @JsonProperty("occurrence")
    private final Integer occurrence;

    private TextHighlight(Builder builder) {
        super(builder);
        this.text = builder.text;
        this.occurrence = builder.occurrence;
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

    /** Text to highlight. */
    public String text() {
        return text;
    }

    /** Which occurrence of the text, starting at 1. */
    public Integer occurrence() {
        return occurrence;
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
                && properties().equals(other.properties());
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, occurrence, properties());
    }

    /** Builder for {@link TextHighlight}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("text")
        private String text;
        @JsonProperty("occurrence")
        private Integer occurrence;

        private Builder() {
        }

        private Builder(TextHighlight source) {
            super(source);
            this.text = source.text;
            this.occurrence = source.occurrence;
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

        /** The immutable TextHighlight. */
        public TextHighlight build() {
            return new TextHighlight(this);
        }
    }
}
