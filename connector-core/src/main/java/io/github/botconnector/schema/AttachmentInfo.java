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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Metadata of an uploaded attachment: {@code GET /v3/attachments/{id}}.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonDeserialize(builder = AttachmentInfo.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class AttachmentInfo extends JsonModel {

    @JsonProperty("name")
    private final String name;
    @JsonProperty("type")
    private final String type;
    @JsonProperty("views")
    private final List<AttachmentView> views;

    private AttachmentInfo(Builder builder) {
        super(builder);
        this.name = builder.name;
        this.type = builder.type;
        this.views = Values.list(builder.views);
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
     * Reads a AttachmentInfo from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static AttachmentInfo fromJson(String json) {
        return Json.parseObject(json, AttachmentInfo.class);
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
        return Values.orEmpty(views);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AttachmentInfo other)) {
            return false;
        }
        return Objects.equals(name, other.name)
                && Objects.equals(type, other.type)
                && Objects.equals(views, other.views)
                && properties().equals(other.properties());
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, views, properties());
    }

    /** Builder for {@link AttachmentInfo}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("name")
        private String name;
        @JsonProperty("type")
        private String type;
        @JsonProperty("views")
        private List<AttachmentView> views;

        private Builder() {
        }

        private Builder(AttachmentInfo source) {
            super(source);
            this.name = source.name;
            this.type = source.type;
            this.views = source.views == null ? null : new ArrayList<>(source.views);
        }

        /** Name of the attachment. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Content type of the attachment. */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        /** Available views of the attachment. */
        public Builder views(List<AttachmentView> views) {
            this.views = views == null ? null : new ArrayList<>(views);
            return this;
        }

        /** Available views of the attachment. */
        public Builder views(AttachmentView... views) {
            this.views = views == null ? null : new ArrayList<>(Arrays.asList(views));
            return this;
        }

        /** The immutable AttachmentInfo. */
        public AttachmentInfo build() {
            return new AttachmentInfo(this);
        }
    }
}
