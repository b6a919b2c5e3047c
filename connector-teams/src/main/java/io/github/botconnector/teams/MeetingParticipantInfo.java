package io.github.botconnector.teams;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.github.botconnector.internal.Json;
import io.github.botconnector.internal.Values;
import io.github.botconnector.schema.JsonFormatException;
import java.util.LinkedHashMap;
import java.util.Map;
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
public final class MeetingParticipantInfo {

    @JsonProperty("role")
    private final String role;
    @JsonProperty("inMeeting")
    private final Boolean inMeeting;
    private final Map<String, Object> properties;

    private MeetingParticipantInfo(Builder builder) {
        this.role = builder.role;
        this.inMeeting = builder.inMeeting;
        this.properties = Values.properties(builder.properties);
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

    /** This object as compact JSON: null members omitted, unknown members written back. */
    public String toJson() {
        return Json.write(this);
    }

    /** Role: {@code Organizer}, {@code Presenter} or {@code Attendee}. */
    public String role() {
        return role;
    }

    /** Whether the participant is in the meeting now. */
    public Boolean inMeeting() {
        return inMeeting;
    }

    /** Members of the JSON object that this type does not define, as received (never null, unmodifiable). */
    public Map<String, Object> properties() {
        return properties;
    }

    @JsonAnyGetter
    Map<String, Object> unknownMembers() {
        return properties;
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
                && properties.equals(other.properties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(role, inMeeting, properties);
    }

    /** The JSON form of this object. */
    @Override
    public String toString() {
        return Json.write(this);
    }

    /** Builder for {@link MeetingParticipantInfo}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder {

        @JsonProperty("role")
        private String role;
        @JsonProperty("inMeeting")
        private Boolean inMeeting;
        private Map<String, Object> properties;

        private Builder() {
        }

        private Builder(MeetingParticipantInfo source) {
            this.role = source.role;
            this.inMeeting = source.inMeeting;
            this.properties = Values.mutableProperties(source.properties);
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

        /** Sets (or, with a {@code null} value, writes as JSON null) a member this type does not define. */
        @JsonAnySetter
        public Builder property(String name, Object value) {
            if (properties == null) {
                properties = new LinkedHashMap<>();
            }
            properties.put(Objects.requireNonNull(name, "name"), value);
            return this;
        }

        /** Removes a member this type does not define. */
        public Builder removeProperty(String name) {
            if (properties != null) {
                properties.remove(name);
            }
            return this;
        }

        /** Replaces all members this type does not define. */
        public Builder properties(Map<String, Object> properties) {
            this.properties = properties == null ? null : new LinkedHashMap<>(properties);
            return this;
        }

        /** The immutable MeetingParticipantInfo. */
        public MeetingParticipantInfo build() {
            return new MeetingParticipantInfo(this);
        }
    }
}
