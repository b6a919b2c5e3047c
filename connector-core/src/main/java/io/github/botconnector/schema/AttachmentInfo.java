package io.github.botconnector.schema;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;
import java.util.List;

/**
 * Metadata of an uploaded attachment: {@code GET /v3/attachments/{id}}.
 *
 * <p>Immutable; the client reads it from the service, {@link #fromJson(String)} from JSON text. Members of the
 * JSON object that this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = AttachmentInfo.Builder.class)
public final class AttachmentInfo extends JsonModel {

    private final String name;
    private final String type;
    private final List<AttachmentView> views;

    private AttachmentInfo(Builder builder) {
        super(builder);
        this.name = builder.name;
        this.type = builder.type;
        this.views = copyOf(builder.views);
    }

    /**
     * Reads attachment info from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static AttachmentInfo fromJson(String json) {
        return parse(json, AttachmentInfo.class);
    }

    /** Name of the attachment. */
    public String name() {
        return name;
    }

    /** Content type of the attachment. */
    public String type() {
        return type;
    }

    /** Available views of the attachment. */
    public List<AttachmentView> views() {
        return orEmpty(views);
    }

    @Override
    protected Object[] values() {
        return new Object[] {name, type, views};
    }

    /** Reads the JSON members; users only read this type, so it needs no public builder. */
    static final class Builder extends JsonModel.Builder<Builder> {

        private String name;
        private String type;
        private List<AttachmentView> views;

        private Builder() {
        }

        AttachmentInfo build() {
            return new AttachmentInfo(this);
        }
    }
}
