package io.github.botconnector.teams;

import io.github.botconnector.schema.JsonModel;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.schema.ConversationAccount;
import io.github.botconnector.exception.JsonFormatException;

/**
 * A Teams meeting, from {@code GET /v1/meetings/{meetingId}}.
 *
 * <p>Immutable; the client reads it from the service, {@link #fromJson(String)} from JSON text. Members of the
 * JSON object that this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = MeetingInfo.Builder.class)
public final class MeetingInfo extends JsonModel {

    private final MeetingDetails details;
    private final ConversationAccount conversation;
    private final TeamsChannelAccount organizer;

    private MeetingInfo(Builder builder) {
        super(builder);
        this.details = builder.details;
        this.conversation = builder.conversation;
        this.organizer = builder.organizer;
    }

    /**
     * Reads meeting info from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static MeetingInfo fromJson(String json) {
        return parse(json, MeetingInfo.class);
    }

    /** Meeting details. */
    public MeetingDetails details() {
        return details;
    }

    /** The meeting chat. */
    public ConversationAccount conversation() {
        return conversation;
    }

    /** The organizer. */
    public TeamsChannelAccount organizer() {
        return organizer;
    }

    @Override
    protected Object[] values() {
        return new Object[] {details, conversation, organizer};
    }

    /** Reads the JSON members; users only read this type, so it needs no public builder. */
    static final class Builder extends JsonModel.Builder<Builder> {

        private MeetingDetails details;
        private ConversationAccount conversation;
        private TeamsChannelAccount organizer;

        private Builder() {
        }

        MeetingInfo build() {
            return new MeetingInfo(this);
        }
    }
}
