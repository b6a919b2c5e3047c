package io.github.botconnector.schema;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;

/**
 * Response of {@code POST /v3/conversations}: the new conversation's id and, when an activity was posted, its id.
 *
 * <p>Immutable; the client reads it from the service, {@link #fromJson(String)} from JSON text. Members of the
 * JSON object that this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = ConversationResourceResponse.Builder.class)
public final class ConversationResourceResponse extends JsonModel {

    private final String activityId;
    private final String serviceUrl;
    private final String id;

    private ConversationResourceResponse(Builder builder) {
        super(builder);
        this.activityId = builder.activityId;
        this.serviceUrl = builder.serviceUrl;
        this.id = builder.id;
    }

    /**
     * Reads a conversation resource response from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static ConversationResourceResponse fromJson(String json) {
        return parse(json, ConversationResourceResponse.class);
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
    protected Object[] values() {
        return new Object[] {activityId, serviceUrl, id};
    }

    /** Reads the JSON members; users only read this type, so it needs no public builder. */
    static final class Builder extends JsonModel.Builder<Builder> {

        private String activityId;
        private String serviceUrl;
        private String id;

        private Builder() {
        }

        ConversationResourceResponse build() {
            return new ConversationResourceResponse(this);
        }
    }
}
