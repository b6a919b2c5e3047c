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
 * One view of an uploaded attachment ({@code original}, {@code thumbnail}).
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonDeserialize(builder = AttachmentView.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class AttachmentView extends JsonModel {

    @JsonProperty("viewId")
    private final String viewId;
    @JsonProperty("size")
    private final Integer size;

    private AttachmentView(Builder builder) {
        super(builder);
        this.viewId = builder.viewId;
        this.size = builder.size;
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
     * Reads a AttachmentView from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static AttachmentView fromJson(String json) {
        return Json.parseObject(json, AttachmentView.class);
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
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AttachmentView other)) {
            return false;
        }
        return Objects.equals(viewId, other.viewId)
                && Objects.equals(size, other.size)
                && properties().equals(other.properties());
    }

    @Override
    public int hashCode() {
        return Objects.hash(viewId, size, properties());
    }

    /** Builder for {@link AttachmentView}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("viewId")
        private String viewId;
        @JsonProperty("size")
        private Integer size;

        private Builder() {
        }

        private Builder(AttachmentView source) {
            super(source);
            this.viewId = source.viewId;
            this.size = source.size;
        }

        /** Id of the view. */
        public Builder viewId(String viewId) {
            this.viewId = viewId;
            return this;
        }

        /** Size of the view in bytes. */
        public Builder size(Integer size) {
            this.size = size;
            return this;
        }

        /** The immutable AttachmentView. */
        public AttachmentView build() {
            return new AttachmentView(this);
        }
    }
}
