package io.github.botconnector.teams;

import io.github.botconnector.schema.JsonModel;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;

/**
 * A recipient that did not get a meeting notification (part of a 207 response).
 *
 * <p>Immutable; the client reads it from the service, {@link #fromJson(String)} from JSON text. Members of the
 * JSON object that this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = MeetingNotificationRecipientFailureInfo.Builder.class)
public final class MeetingNotificationRecipientFailureInfo extends JsonModel {

    private final String recipientMri;
    private final String errorcode; // spelled as the JSON member
    private final String failureReason;

    private MeetingNotificationRecipientFailureInfo(Builder builder) {
        super(builder);
        this.recipientMri = builder.recipientMri;
        this.errorcode = builder.errorcode;
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
        return errorcode;
    }

    /** Reason given by the service. */
    public String failureReason() {
        return failureReason;
    }

    @Override
    protected Object[] values() {
        return new Object[] {recipientMri, errorcode, failureReason};
    }

    /** Reads the JSON members; users only read this type, so it needs no public builder. */
    static final class Builder extends JsonModel.Builder<Builder> {

        private String recipientMri;
        private String errorcode;
        private String failureReason;

        private Builder() {
        }

        MeetingNotificationRecipientFailureInfo build() {
            return new MeetingNotificationRecipientFailureInfo(this);
        }
    }
}
