package io.github.botconnector.schema;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;

/**
 * Body of {@code POST /v3/conversations/{id}/attachments}: a file to upload, as base64 in JSON.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = AttachmentData.Builder.class)
public final class AttachmentData extends JsonModel {

    private final String type;
    private final String name;
    private final byte[] originalBase64;
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
     * Reads attachment data from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static AttachmentData fromJson(String json) {
        return parse(json, AttachmentData.class);
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
    protected Object[] values() {
        return new Object[] {type, name, originalBase64, thumbnailBase64};
    }

    /** Builder for {@link AttachmentData}; accepts every value the service accepts. Not thread-safe. */
    public static final class Builder extends JsonModel.Builder<Builder> {

        private String type;
        private String name;
        private byte[] originalBase64;
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
