package io.github.botconnector.schema;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;

/**
 * One view of an uploaded attachment ({@code original}, {@code thumbnail}).
 *
 * <p>Immutable; the client reads it from the service, {@link #fromJson(String)} from JSON text. Members of the
 * JSON object that this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = AttachmentView.Builder.class)
public final class AttachmentView extends JsonModel {

    private final String viewId;
    private final Integer size;

    private AttachmentView(Builder builder) {
        super(builder);
        this.viewId = builder.viewId;
        this.size = builder.size;
    }

    /**
     * Reads an attachment view from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static AttachmentView fromJson(String json) {
        return parse(json, AttachmentView.class);
    }

    /** Id of the view. */
    public String viewId() {
        return viewId;
    }

    /** Size of the view in bytes. */
    public Integer size() {
        return size;
    }

    @Override
    protected Object[] values() {
        return new Object[] {viewId, size};
    }

    /** Reads the JSON members; users only read this type, so it needs no public builder. */
    static final class Builder extends JsonModel.Builder<Builder> {

        private String viewId;
        private Integer size;

        private Builder() {
        }

        AttachmentView build() {
            return new AttachmentView(this);
        }
    }
}
