package io.github.botconnector.teams;

import io.github.botconnector.schema.JsonModel;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;
import java.time.OffsetDateTime;

/**
 * Details of a Teams meeting ({@code details} of {@link MeetingInfo}).
 *
 * <p>Immutable; the client reads it from the service, {@link #fromJson(String)} from JSON text. Members of the
 * JSON object that this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = MeetingDetails.Builder.class)
public final class MeetingDetails extends JsonModel {

    private final String id;
    private final String msGraphResourceId;
    private final OffsetDateTime scheduledStartTime;
    private final OffsetDateTime scheduledEndTime;
    private final String joinUrl;
    private final String title;
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
    static final class Builder extends JsonModel.Builder<Builder> {

        private String id;
        private String msGraphResourceId;
        private OffsetDateTime scheduledStartTime;
        private OffsetDateTime scheduledEndTime;
        private String joinUrl;
        private String title;
        private String type;

        private Builder() {
        }

        MeetingDetails build() {
            return new MeetingDetails(this);
        }
    }
}
