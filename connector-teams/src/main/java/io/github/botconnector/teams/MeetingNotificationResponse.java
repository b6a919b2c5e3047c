package io.github.botconnector.teams;

import io.github.botconnector.schema.JsonModel;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;
import java.util.List;

/**
 * Response body of a meeting notification: empty when every recipient was notified (202), otherwise the
 * recipients that were not (207).
 *
 * <p>Immutable; the client reads it from the service, {@link #fromJson(String)} from JSON text. Members of the
 * JSON object that this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = MeetingNotificationResponse.Builder.class)
public final class MeetingNotificationResponse extends JsonModel {

    private final List<MeetingNotificationRecipientFailureInfo> recipientsFailureInfo;

    private MeetingNotificationResponse(Builder builder) {
        super(builder);
        this.recipientsFailureInfo = copyOf(builder.recipientsFailureInfo);
    }

    /**
     * Reads a meeting notification response from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static MeetingNotificationResponse fromJson(String json) {
        return parse(json, MeetingNotificationResponse.class);
    }

    /** Recipients that were not notified; empty when all were. */
    public List<MeetingNotificationRecipientFailureInfo> recipientsFailureInfo() {
        return orEmpty(recipientsFailureInfo);
    }

    /** Whether every recipient was notified (no failure listed). */
    public boolean allSent() {
        return recipientsFailureInfo == null || recipientsFailureInfo.isEmpty();
    }

    @Override
    protected Object[] values() {
        return new Object[] {recipientsFailureInfo};
    }

    /** Reads the JSON members; users only read this type, so it needs no public builder. */
    static final class Builder extends JsonModel.Builder<Builder> {

        private List<MeetingNotificationRecipientFailureInfo> recipientsFailureInfo;

        private Builder() {
        }

        MeetingNotificationResponse build() {
            return new MeetingNotificationResponse(this);
        }
    }
}
