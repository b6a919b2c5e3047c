package io.github.botconnector.schema;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;

/**
 * Part of a referenced text to highlight.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = TextHighlight.Builder.class)
public final class TextHighlight extends JsonModel {

    private final String text;
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
     * Reads a text highlight from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static TextHighlight fromJson(String json) {
        return parse(json, TextHighlight.class);
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
    protected Object[] values() {
        return new Object[] {text, occurrence};
    }

    /** Builder for {@link TextHighlight}; accepts every value the service accepts. Not thread-safe. */
    public static final class Builder extends JsonModel.Builder<Builder> {

        private String text;
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
