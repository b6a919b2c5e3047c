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
 * Id of a resource the service created (an activity, an attachment). Teams activity ids are numeric strings.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonDeserialize(builder = ResourceResponse.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ResourceResponse extends JsonModel {

    @JsonProperty("id")
    private final String id;

    private ResourceResponse(Builder builder) {
        super(builder);
        this.id = builder.id;
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
     * Reads a ResourceResponse from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static ResourceResponse fromJson(String json) {
        return Json.parseObject(json, ResourceResponse.class);
    }

    /** Id of the created resource. */
    public String id() {
        return id;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ResourceResponse other)) {
            return false;
        }
        return Objects.equals(id, other.id)
                && properties().equals(other.properties());
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, properties());
    }

    /** Builder for {@link ResourceResponse}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("id")
        private String id;

        private Builder() {
        }

        private Builder(ResourceResponse source) {
            super(source);
            this.id = source.id;
        }

        /** Id of the created resource. */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** The immutable ResourceResponse. */
        public ResourceResponse build() {
            return new ResourceResponse(this);
        }
    }
}
