package io.github.botconnector.schema;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.github.botconnector.exception.JsonFormatException;
import io.github.botconnector.internal.Json;
import io.github.botconnector.internal.Values;
import java.util.Map;
import java.util.Objects;

/**
 * A file, image or card attached to an activity.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonDeserialize(builder = Attachment.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Attachment extends JsonModel {

    @JsonProperty("contentType")
    private final String contentType;
    @JsonProperty("contentUrl")
    private final String contentUrl;
    @JsonProperty("content")
    private final Object content;
    @JsonProperty("name")
    private final String name;
    @JsonProperty("thumbnailUrl")
    private final String thumbnailUrl;

    private Attachment(Builder builder) {
        super(builder);
        this.contentType = builder.contentType;
        this.contentUrl = builder.contentUrl;
        this.content = Values.freeze(builder.content);
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
     * Reads a Attachment from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static Attachment fromJson(String json) {
        return Json.parseObject(json, Attachment.class);
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
        return content == null ? null : Json.convert(content, type);
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
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Attachment other)) {
            return false;
        }
        return Objects.equals(contentType, other.contentType)
                && Objects.equals(contentUrl, other.contentUrl)
                && Objects.equals(content, other.content)
                && Objects.equals(name, other.name)
                && Objects.equals(thumbnailUrl, other.thumbnailUrl)
                && properties().equals(other.properties());
    }

    @Override
    public int hashCode() {
        return Objects.hash(contentType, contentUrl, content, name, thumbnailUrl, properties());
    }

    /** Builder for {@link Attachment}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("contentType")
        private String contentType;
        @JsonProperty("contentUrl")
        private String contentUrl;
        @JsonProperty("content")
        private Object content;
        @JsonProperty("name")
        private String name;
        @JsonProperty("thumbnailUrl")
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
