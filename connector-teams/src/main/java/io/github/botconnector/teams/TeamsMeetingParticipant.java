package io.github.botconnector.teams;

import io.github.botconnector.schema.JsonModel;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.schema.ConversationAccount;
import io.github.botconnector.exception.JsonFormatException;

/**
 * A meeting participant, from {@code GET /v1/meetings/{meetingId}/participants/{participantId}}.
 *
 * <p>Immutable; the client reads it from the service, {@link #fromJson(String)} from JSON text. Members of the
 * JSON object that this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = TeamsMeetingParticipant.Builder.class)
public final class TeamsMeetingParticipant extends JsonModel {

    private final TeamsChannelAccount user;
    private final MeetingParticipantInfo meeting;
    private final ConversationAccount conversation;

    private TeamsMeetingParticipant(Builder builder) {
        super(builder);
        this.user = builder.user;
        this.meeting = builder.meeting;
        this.conversation = builder.conversation;
    }

    /**
     * Reads a Teams meeting participant from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static TeamsMeetingParticipant fromJson(String json) {
        return parse(json, TeamsMeetingParticipant.class);
    }

    /** The participant. */
    public TeamsChannelAccount user() {
        return user;
    }

    /** Role and presence in the meeting. */
    public MeetingParticipantInfo meeting() {
        return meeting;
    }

    /** The meeting chat. */
    public ConversationAccount conversation() {
        return conversation;
    }

    @Override
    protected Object[] values() {
        return new Object[] {user, meeting, conversation};
    }

    /** Reads the JSON members; users only read this type, so it needs no public builder. */
    static final class Builder extends JsonModel.Builder<Builder> {

        private TeamsChannelAccount user;
        private MeetingParticipantInfo meeting;
        private ConversationAccount conversation;

        private Builder() {
        }

        TeamsMeetingParticipant build() {
            return new TeamsMeetingParticipant(this);
        }
    }
}
