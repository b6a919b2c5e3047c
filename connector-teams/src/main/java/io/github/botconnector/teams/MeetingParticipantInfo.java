package io.github.botconnector.teams;

import io.github.botconnector.schema.JsonModel;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;

/**
 * A participant's role in a meeting ({@code meeting} of {@link TeamsMeetingParticipant}).
 *
 * <p>Immutable; the client reads it from the service, {@link #fromJson(String)} from JSON text. Members of the
 * JSON object that this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = MeetingParticipantInfo.Builder.class)
public final class MeetingParticipantInfo extends JsonModel {

    private final String role;
    private final Boolean inMeeting;

    private MeetingParticipantInfo(Builder builder) {
        super(builder);
        this.role = builder.role;
        this.inMeeting = builder.inMeeting;
    }

    /**
     * Reads meeting participant info from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static MeetingParticipantInfo fromJson(String json) {
        return parse(json, MeetingParticipantInfo.class);
    }

    /** Role: {@code Organizer}, {@code Presenter} or {@code Attendee}. */
    public String role() {
        return role;
    }

    /** Whether the participant is in the meeting now. */
    public Boolean inMeeting() {
        return inMeeting;
    }

    @Override
    protected Object[] values() {
        return new Object[] {role, inMeeting};
    }

    /** Reads the JSON members; users only read this type, so it needs no public builder. */
    static final class Builder extends JsonModel.Builder<Builder> {

        private String role;
        private Boolean inMeeting;

        private Builder() {
        }

        MeetingParticipantInfo build() {
            return new MeetingParticipantInfo(this);
        }
    }
}
