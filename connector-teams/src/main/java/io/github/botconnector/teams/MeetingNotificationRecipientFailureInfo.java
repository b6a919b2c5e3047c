package io.github.botconnector.teams;

import io.github.botconnector.schema.JsonModel;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.github.botconnector.schema.JsonFormatException;

/**
 * A recipient that did not get a meeting notification (part of a 207 response).
 *
 * <p>Immutable; the client reads it from the service, {@link #fromJson(String)} from JSON text. Members of the
 * JSON object that this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonDeserialize(builder = MeetingNotificationRecipientFailureInfo.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class MeetingNotificationRecipientFailureInfo extends JsonModel {

    @JsonProperty("recipientMri")
    private final String recipientMri;
    @JsonProperty("errorcode")
    private final String errorCode;
    @JsonProperty("failureReason")
    private final String failureReason;

    private MeetingNotificationRecipientFailureInfo(Builder builder) {
        super(builder);
        this.recipientMri = builder.recipientMri;
        this.errorCode = builder.errorCode;
        this.failureReason = builder.failureReason;
    }

    /**
     * Reads meeting notification recipient failure info from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static MeetingNotificationRecipientFailureInfo fromJson(String json) {
        return parse(json, MeetingNotificationRecipientFailureInfo.class);
    }

    /** Teams user id of the recipient. */
    public String recipientMri() {
        return recipientMri;
    }

    /** Error code, for example {@code MemberNotFoundInConversation}. */
    public String errorCode() {
        return errorCode;
    }

    /** Reason given by the service. */
    public String failureReason() {
        return failureReason;
    }

    @Override
    protected Object[] values() {
        return new Object[] {recipientMri, errorCode, failureReason};
    }

    /** Reads the JSON members; users only read this type, so it needs no public builder. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("recipientMri")
        private String recipientMri;
        @JsonProperty("errorcode")
        private String errorCode;
        @JsonProperty("failureReason")
        private String failureReason;

        private Builder() {
        }

        MeetingNotificationRecipientFailureInfo build() {
            return new MeetingNotificationRecipientFailureInfo(this);
        }
    }
}
