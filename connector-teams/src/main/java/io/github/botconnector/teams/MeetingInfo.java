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
 * A Teams meeting, from {@code GET /v1/meetings/{meetingId}}.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonDeserialize(builder = MeetingInfo.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class MeetingInfo extends JsonModel {

    @JsonProperty("details")
    private final MeetingDetails details;
    @JsonProperty("conversation")
    private final ConversationAccount conversation;
    @JsonProperty("organizer")
    private final TeamsChannelAccount organizer;

    private MeetingInfo(Builder builder) {
        super(builder);
        this.details = builder.details;
        this.conversation = builder.conversation;
        this.organizer = builder.organizer;
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
     * Reads a MeetingInfo from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static MeetingInfo fromJson(String json) {
        return Json.parseObject(json, MeetingInfo.class);
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
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MeetingInfo other)) {
            return false;
        }
        return Objects.equals(details, other.details)
                && Objects.equals(conversation, other.conversation)
                && Objects.equals(organizer, other.organizer)
                && properties().equals(other.properties());
    }

    @Override
    public int hashCode() {
        return Objects.hash(details, conversation, organizer, properties());
    }

    /** Builder for {@link MeetingInfo}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("details")
        private MeetingDetails details;
        @JsonProperty("conversation")
        private ConversationAccount conversation;
        @JsonProperty("organizer")
        private TeamsChannelAccount organizer;

        private Builder() {
        }

        private Builder(MeetingInfo source) {
            super(source);
            this.details = source.details;
            this.conversation = source.conversation;
            this.organizer = source.organizer;
        }

        /** Meeting details. */
        public Builder details(MeetingDetails details) {
            this.details = details;
            return this;
        }

        /** The meeting chat. */
        public Builder conversation(ConversationAccount conversation) {
            this.conversation = conversation;
            return this;
        }

        /** The organizer. */
        public Builder organizer(TeamsChannelAccount organizer) {
            this.organizer = organizer;
            return this;
        }

        /** The immutable MeetingInfo. */
        public MeetingInfo build() {
            return new MeetingInfo(this);
        }
    }
}
