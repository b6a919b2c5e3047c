package io.github.botconnector.schema;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;
import java.util.Map;

/**
 * A file, image or card attached to an activity.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = Attachment.Builder.class)
public final class Attachment extends JsonModel {

    private final String contentType;
    private final String contentUrl;
    private final Object content;
    private final String name;
    private final String thumbnailUrl;

    private Attachment(Builder builder) {
        super(builder);
        this.contentType = builder.contentType;
        this.contentUrl = builder.contentUrl;
        this.content = freeze(builder.content);
        this.name = builder.name;
        this.thumbnailUrl = builder.thumbnailUrl;
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
     * Reads an attachment from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static Attachment fromJson(String json) {
        return parse(json, Attachment.class);
    }

    /** MIME type or card type ({@code application/vnd.microsoft.card.adaptive}). */
    public String contentType() {
        return contentType;
    }

    /** URL of the content. */
    public String contentUrl() {
        return contentUrl;
    }

    /** Embedded content, for example an Adaptive Card as a JSON object. */
    public Object content() {
        return content;
    }

    /**
     * {@code content} converted to {@code type} (a model class, {@code Map}, or any Jackson-readable class).
     *
     * @return the converted value, or {@code null} when absent
     * @throws JsonFormatException if the value does not fit the type
     */
    public <T> T content(Class<T> type) {
        return convert(content, type);
    }

    /** Name of the attachment. */
    public String name() {
        return name;
    }

    /** URL of a thumbnail. */
    public String thumbnailUrl() {
        return thumbnailUrl;
    }

    /** An attachment with a content type and embedded content (for example an Adaptive Card map or POJO). */
    public static Attachment of(String contentType, Object content) {
        return builder().contentType(contentType).content(content).build();
    }

    @Override
    protected Object[] values() {
        return new Object[] {contentType, contentUrl, content, name, thumbnailUrl};
    }

    /** Builder for {@link Attachment}; accepts every value the service accepts. Not thread-safe. */
    public static final class Builder extends JsonModel.Builder<Builder> {

        private String contentType;
        private String contentUrl;
        private Object content;
        private String name;
        private String thumbnailUrl;

        private Builder() {
        }

        private Builder(Attachment source) {
            super(source);
            this.contentType = source.contentType;
            this.contentUrl = source.contentUrl;
            this.content = source.content;
            this.name = source.name;
            this.thumbnailUrl = source.thumbnailUrl;
        }

        /** MIME type or card type ({@code application/vnd.microsoft.card.adaptive}). */
        public Builder contentType(String contentType) {
            this.contentType = contentType;
            return this;
        }

        /** URL of the content. */
        public Builder contentUrl(String contentUrl) {
            this.contentUrl = contentUrl;
            return this;
        }

        /** Embedded content, for example an Adaptive Card as a JSON object. */
        public Builder content(Object content) {
            this.content = content;
            return this;
        }

        /** Name of the attachment. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** URL of a thumbnail. */
        public Builder thumbnailUrl(String thumbnailUrl) {
            this.thumbnailUrl = thumbnailUrl;
            return this;
        }

        /** The immutable Attachment. */
        public Attachment build() {
            return new Attachment(this);
        }
    }
}
