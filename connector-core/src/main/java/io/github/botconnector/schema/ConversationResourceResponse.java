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
 * Response of {@code POST /v3/conversations}: the new conversation's id and, when an activity was posted, its id.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonDeserialize(builder = ConversationResourceResponse.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ConversationResourceResponse extends JsonModel {

    @JsonProperty("activityId")
    private final String activityId;
    @JsonProperty("serviceUrl")
    private final String serviceUrl;
    @JsonProperty("id")
    private final String id;

    private ConversationResourceResponse(Builder builder) {
        super(builder);
        this.activityId = builder.activityId;
        this.serviceUrl = builder.serviceUrl;
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
     * Reads a ConversationResourceResponse from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static ConversationResourceResponse fromJson(String json) {
        return Json.parseObject(json, ConversationResourceResponse.class);
    }

    /** Id of the activity posted with the conversation, if any (Teams returns it for channel threads). */
    public String activityId() {
        return activityId;
    }

    /** Service URL to use for the new conversation, when the service returns one. */
    public String serviceUrl() {
        return serviceUrl;
    }

    /** Id of the conversation. */
    public String id() {
        return id;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ConversationResourceResponse other)) {
            return false;
        }
        return Objects.equals(activityId, other.activityId)
                && Objects.equals(serviceUrl, other.serviceUrl)
                && Objects.equals(id, other.id)
                && properties().equals(other.properties());
    }

    @Override
    public int hashCode() {
        return Objects.hash(activityId, serviceUrl, id, properties());
    }

    /** Builder for {@link ConversationResourceResponse}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("activityId")
        private String activityId;
        @JsonProperty("serviceUrl")
        private String serviceUrl;
        @JsonProperty("id")
        private String id;

        private Builder() {
        }

        private Builder(ConversationResourceResponse source) {
            super(source);
            this.activityId = source.activityId;
            this.serviceUrl = source.serviceUrl;
            this.id = source.id;
        }

        /** Id of the activity posted with the conversation, if any (Teams returns it for channel threads). */
        public Builder activityId(String activityId) {
            this.activityId = activityId;
            return this;
        }

        /** Service URL to use for the new conversation, when the service returns one. */
        public Builder serviceUrl(String serviceUrl) {
            this.serviceUrl = serviceUrl;
            return this;
        }

        /** Id of the conversation. */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** The immutable ConversationResourceResponse. */
        public ConversationResourceResponse build() {
            return new ConversationResourceResponse(this);
        }
    }
}
