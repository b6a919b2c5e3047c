package io.github.botconnector.schema;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.github.botconnector.exception.JsonFormatException;
import io.github.botconnector.internal.Json;
import java.util.Arrays;
import java.util.Objects;

/**
 * Body of {@code POST /v3/conversations/{id}/attachments}: a file to upload, as base64 in JSON.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonDeserialize(builder = AttachmentData.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class AttachmentData extends JsonModel {

    @JsonProperty("type")
    private final String type;
    @JsonProperty("name")
    private final String name;
    @JsonProperty("originalBase64")
    private final byte[] originalBase64;
    @JsonProperty("thumbnailBase64")
    private final byte[] thumbnailBase64;

    private AttachmentData(Builder builder) {
        super(builder);
        this.type = builder.type;
        this.name = builder.name;
        this.originalBase64 = builder.originalBase64 == null ? null : builder.originalBase64.clone();
        this.thumbnailBase64 = builder.thumbnailBase64 == null ? null : builder.thumbnailBase64.clone();
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
     * Reads a AttachmentData from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static AttachmentData fromJson(String json) {
        return Json.parseObject(json, AttachmentData.class);
    }

    /** Content type of the attachment. */
    public String type() {
        return type;
    }

    /** Name of the attachment. */
    public String name() {
        return name;
    }

    /** Bytes of the original file (base64 on the wire); a copy is returned. */
    public byte[] originalBase64() {
        return originalBase64 == null ? null : originalBase64.clone();
    }

    /** Bytes of the thumbnail (base64 on the wire); a copy is returned. */
    public byte[] thumbnailBase64() {
        return thumbnailBase64 == null ? null : thumbnailBase64.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AttachmentData other)) {
            return false;
        }
        return Objects.equals(type, other.type)
                && Objects.equals(name, other.name)
                && Arrays.equals(originalBase64, other.originalBase64)
                && Arrays.equals(thumbnailBase64, other.thumbnailBase64)
                && properties().equals(other.properties());
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(type, name, properties()) + Arrays.hashCode(originalBase64) + Arrays.hashCode(thumbnailBase64);
    }

    /** Builder for {@link AttachmentData}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("type")
        private String type;
        @JsonProperty("name")
        private String name;
        @JsonProperty("originalBase64")
        private byte[] originalBase64;
        @JsonProperty("thumbnailBase64")
        private byte[] thumbnailBase64;

        private Builder() {
        }

        private Builder(AttachmentData source) {
            super(source);
            this.type = source.type;
            this.name = source.name;
            this.originalBase64 = source.originalBase64;
            this.thumbnailBase64 = source.thumbnailBase64;
        }

        /** Content type of the attachment. */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        /** Name of the attachment. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Bytes of the original file (base64 on the wire); a copy is returned. */
        public Builder originalBase64(byte[] originalBase64) {
            this.originalBase64 = originalBase64 == null ? null : originalBase64.clone();
            return this;
        }

        /** Bytes of the thumbnail (base64 on the wire); a copy is returned. */
        public Builder thumbnailBase64(byte[] thumbnailBase64) {
            this.thumbnailBase64 = thumbnailBase64 == null ? null : thumbnailBase64.clone();
            return this;
        }

        /** The immutable AttachmentData. */
        public AttachmentData build() {
            return new AttachmentData(this);
        }
    }
}
