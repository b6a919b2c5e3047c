package io.github.botconnector.teams;

import io.github.botconnector.schema.JsonModel;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.github.botconnector.internal.Json;
import io.github.botconnector.schema.ConversationAccount;
import io.github.botconnector.exception.JsonFormatException;
import java.util.Objects;

/**
 * A meeting participant, from {@code GET /v1/meetings/{meetingId}/participants/{participantId}}.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonDeserialize(builder = TeamsMeetingParticipant.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class TeamsMeetingParticipant extends JsonModel {

    @JsonProperty("user")
    private final TeamsChannelAccount user;
    @JsonProperty("meeting")
    private final MeetingParticipantInfo meeting;
    @JsonProperty("conversation")
    private final ConversationAccount conversation;

    private TeamsMeetingParticipant(Builder builder) {
        super(builder);
        this.user = builder.user;
        this.meeting = builder.meeting;
        this.conversation = builder.conversation;
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
     * Reads a TeamsMeetingParticipant from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static TeamsMeetingParticipant fromJson(String json) {
        return Json.parseObject(json, TeamsMeetingParticipant.class);
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
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TeamsMeetingParticipant other)) {
            return false;
        }
        return Objects.equals(user, other.user)
                && Objects.equals(meeting, other.meeting)
                && Objects.equals(conversation, other.conversation)
                && properties().equals(other.properties());
    }

    @Override
    public int hashCode() {
        return Objects.hash(user, meeting, conversation, properties());
    }

    /** Builder for {@link TeamsMeetingParticipant}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("user")
        private TeamsChannelAccount user;
        @JsonProperty("meeting")
        private MeetingParticipantInfo meeting;
        @JsonProperty("conversation")
        private ConversationAccount conversation;

        private Builder() {
        }

        private Builder(TeamsMeetingParticipant source) {
            super(source);
            this.user = source.user;
            this.meeting = source.meeting;
            this.conversation = source.conversation;
        }

        /** The participant. */
        public Builder user(TeamsChannelAccount user) {
            this.user = user;
            return this;
        }

        /** Role and presence in the meeting. */
        public Builder meeting(MeetingParticipantInfo meeting) {
            this.meeting = meeting;
            return this;
        }

        /** The meeting chat. */
        public Builder conversation(ConversationAccount conversation) {
            this.conversation = conversation;
            return this;
        }

        /** The immutable TeamsMeetingParticipant. */
        public TeamsMeetingParticipant build() {
            return new TeamsMeetingParticipant(this);
        }
    }
}
