package io.github.botconnector.teams;

import io.github.botconnector.schema.JsonModel;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.github.botconnector.internal.Json;
import io.github.botconnector.exception.JsonFormatException;
import java.util.Objects;

/**
 * A participant's role in a meeting ({@code meeting} of {@link TeamsMeetingParticipant}).
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonDeserialize(builder = MeetingParticipantInfo.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class MeetingParticipantInfo extends JsonModel {

    @JsonProperty("role")
    private final String role;
    @JsonProperty("inMeeting")
    private final Boolean inMeeting;

    private MeetingParticipantInfo(Builder builder) {
        super(builder);
        this.role = builder.role;
        this.inMeeting = builder.inMeeting;
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
     * Reads a MeetingParticipantInfo from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static MeetingParticipantInfo fromJson(String json) {
        return Json.parseObject(json, MeetingParticipantInfo.class);
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
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MeetingParticipantInfo other)) {
            return false;
        }
        return Objects.equals(role, other.role)
                && Objects.equals(inMeeting, other.inMeeting)
                && properties().equals(other.properties());
    }

    @Override
    public int hashCode() {
        return Objects.hash(role, inMeeting, properties());
    }

    /** Builder for {@link MeetingParticipantInfo}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("role")
        private String role;
        @JsonProperty("inMeeting")
        private Boolean inMeeting;

        private Builder() {
        }

        private Builder(MeetingParticipantInfo source) {
            super(source);
            this.role = source.role;
            this.inMeeting = source.inMeeting;
        }

        /** Role: {@code Organizer}, {@code Presenter} or {@code Attendee}. */
        public Builder role(String role) {
            this.role = role;
            return this;
        }

        /** Whether the participant is in the meeting now. */
        public Builder inMeeting(Boolean inMeeting) {
            this.inMeeting = inMeeting;
            return this;
        }

        /** The immutable MeetingParticipantInfo. */
        public MeetingParticipantInfo build() {
            return new MeetingParticipantInfo(this);
        }
    }
}
