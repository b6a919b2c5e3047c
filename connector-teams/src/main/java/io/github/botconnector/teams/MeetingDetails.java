package io.github.botconnector.teams;

import io.github.botconnector.schema.JsonModel;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.github.botconnector.schema.JsonFormatException;
import java.time.OffsetDateTime;

/**
 * Details of a Teams meeting ({@code details} of {@link MeetingInfo}).
 *
 * <p>Immutable; the client reads it from the service, {@link #fromJson(String)} from JSON text. Members of the
 * JSON object that this type does not define are kept in {@link #properties()} and written back unchanged.
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

    /**
     * Reads meeting details from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static MeetingDetails fromJson(String json) {
        return parse(json, MeetingDetails.class);
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
    protected Object[] values() {
        return new Object[] {id, msGraphResourceId, scheduledStartTime, scheduledEndTime, joinUrl, title, type};
    }

    /** Reads the JSON members; users only read this type, so it needs no public builder. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    static final class Builder extends JsonModel.Builder<Builder> {

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

        MeetingDetails build() {
            return new MeetingDetails(this);
        }
    }
}
