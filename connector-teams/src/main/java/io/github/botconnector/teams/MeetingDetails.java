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
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * Details of a Teams meeting ({@code details} of {@link MeetingInfo}).
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonDeserialize(builder = MeetingDetails.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class MeetingDetails extends JsonModel {

    @JsonProperty("id")
    private final String id;
    @JsonProperty("msGraphResourceId")
    private final String msGraphResourceId;
    @JsonProperty("scheduledStartTime")
    private final OffsetDateTime scheduledStartTime;
    @JsonProperty("scheduledEndTime")
    private final OffsetDateTime scheduledEndTime;
    @JsonProperty("joinUrl")
    private final String joinUrl;
    @JsonProperty("title")
    private final String title;
    @JsonProperty("type")
    private final String type;

    private MeetingDetails(Builder builder) {
        super(builder);
        this.id = builder.id;
        this.msGraphResourceId = builder.msGraphResourceId;
        this.scheduledStartTime = builder.scheduledStartTime;
        this.scheduledEndTime = builder.scheduledEndTime;
        this.joinUrl = builder.joinUrl;
        this.title = builder.title;
        this.type = builder.type;
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
     * Reads a MeetingDetails from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static MeetingDetails fromJson(String json) {
        return Json.parseObject(json, MeetingDetails.class);
    }

    /** Meeting id. */
    public String id() {
        return id;
    }

    /** Microsoft Graph id of the online meeting. */
    public String msGraphResourceId() {
        return msGraphResourceId;
    }

    /** Scheduled start. */
    public OffsetDateTime scheduledStartTime() {
        return scheduledStartTime;
    }

    /** Scheduled end. */
    public OffsetDateTime scheduledEndTime() {
        return scheduledEndTime;
    }

    /** URL to join the meeting. */
    public String joinUrl() {
        return joinUrl;
    }

    /** Title of the meeting. */
    public String title() {
        return title;
    }

    /** Meeting type: {@code OneToOneCall}, {@code GroupCall}, {@code Scheduled}, {@code Recurring}, {@code MeetNow}, {@code ChannelScheduled}, {@code ChannelRecurring}. */
    public String type() {
        return type;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MeetingDetails other)) {
            return false;
        }
        return Objects.equals(id, other.id)
                && Objects.equals(msGraphResourceId, other.msGraphResourceId)
                && Objects.equals(scheduledStartTime, other.scheduledStartTime)
                && Objects.equals(scheduledEndTime, other.scheduledEndTime)
                && Objects.equals(joinUrl, other.joinUrl)
                && Objects.equals(title, other.title)
                && Objects.equals(type, other.type)
                && properties().equals(other.properties());
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, msGraphResourceId, scheduledStartTime, scheduledEndTime, joinUrl, title, type, properties());
    }

    /** Builder for {@link MeetingDetails}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("id")
        private String id;
        @JsonProperty("msGraphResourceId")
        private String msGraphResourceId;
        @JsonProperty("scheduledStartTime")
        private OffsetDateTime scheduledStartTime;
        @JsonProperty("scheduledEndTime")
        private OffsetDateTime scheduledEndTime;
        @JsonProperty("joinUrl")
        private String joinUrl;
        @JsonProperty("title")
        private String title;
        @JsonProperty("type")
        private String type;

        private Builder() {
        }

        private Builder(MeetingDetails source) {
            super(source);
            this.id = source.id;
            this.msGraphResourceId = source.msGraphResourceId;
            this.scheduledStartTime = source.scheduledStartTime;
            this.scheduledEndTime = source.scheduledEndTime;
            this.joinUrl = source.joinUrl;
            this.title = source.title;
            this.type = source.type;
        }

        /** Meeting id. */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** Microsoft Graph id of the online meeting. */
        public Builder msGraphResourceId(String msGraphResourceId) {
            this.msGraphResourceId = msGraphResourceId;
            return this;
        }

        /** Scheduled start. */
        public Builder scheduledStartTime(OffsetDateTime scheduledStartTime) {
            this.scheduledStartTime = scheduledStartTime;
            return this;
        }

        /** Scheduled end. */
        public Builder scheduledEndTime(OffsetDateTime scheduledEndTime) {
            this.scheduledEndTime = scheduledEndTime;
            return this;
        }

        /** URL to join the meeting. */
        public Builder joinUrl(String joinUrl) {
            this.joinUrl = joinUrl;
            return this;
        }

        /** Title of the meeting. */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** Meeting type: {@code OneToOneCall}, {@code GroupCall}, {@code Scheduled}, {@code Recurring}, {@code MeetNow}, {@code ChannelScheduled}, {@code ChannelRecurring}. */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        /** The immutable MeetingDetails. */
        public MeetingDetails build() {
            return new MeetingDetails(this);
        }
    }
}
