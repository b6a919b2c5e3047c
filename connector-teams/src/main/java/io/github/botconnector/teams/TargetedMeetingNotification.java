package io.github.botconnector.teams;

import io.github.botconnector.schema.JsonModel;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;

/**
 * Body of {@code POST /v1/meetings/{meetingId}/notification}: a notification shown to some participants of a
 * meeting. Create it with {@link #of(java.util.List, MeetingSurface...)}.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = TargetedMeetingNotification.Builder.class)
public final class TargetedMeetingNotification extends JsonModel {

    private final String type;
    private final TargetedMeetingNotificationValue value;
    private final MeetingNotificationChannelData channelData;

    private TargetedMeetingNotification(Builder builder) {
        super(builder);
        this.type = builder.type;
        this.value = builder.value;
        this.channelData = builder.channelData;
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
     * Reads a targeted meeting notification from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static TargetedMeetingNotification fromJson(String json) {
        return parse(json, TargetedMeetingNotification.class);
    }

    /** Always {@code targetedMeetingNotification}. */
    public String type() {
        return type;
    }

    /** Recipients and surfaces. */
    public TargetedMeetingNotificationValue value() {
        return value;
    }

    /** Users on whose behalf the notification is sent. */
    public MeetingNotificationChannelData channelData() {
        return channelData;
    }

    /** The notification type. */
    public static final String TYPE = "targetedMeetingNotification";

    /** A notification of type {@code targetedMeetingNotification} to {@code recipients} on {@code surfaces}. */
    public static TargetedMeetingNotification of(java.util.List<String> recipients, MeetingSurface... surfaces) {
        return builder().type(TYPE)
                .value(TargetedMeetingNotificationValue.builder().recipients(recipients).surfaces(surfaces).build())
                .build();
    }

    @Override
    protected Object[] values() {
        return new Object[] {type, value, channelData};
    }

    /** Builder for {@link TargetedMeetingNotification}; accepts every value the service accepts. Not thread-safe. */
    public static final class Builder extends JsonModel.Builder<Builder> {

        private String type;
        private TargetedMeetingNotificationValue value;
        private MeetingNotificationChannelData channelData;

        private Builder() {
        }

        private Builder(TargetedMeetingNotification source) {
            super(source);
            this.type = source.type;
            this.value = source.value;
            this.channelData = source.channelData;
        }

        /** Always {@code targetedMeetingNotification}. */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        /** Recipients and surfaces. */
        public Builder value(TargetedMeetingNotificationValue value) {
            this.value = value;
            return this;
        }

        /** Users on whose behalf the notification is sent. */
        public Builder channelData(MeetingNotificationChannelData channelData) {
            this.channelData = channelData;
            return this;
        }

        /** The immutable TargetedMeetingNotification. */
        public TargetedMeetingNotification build() {
            return new TargetedMeetingNotification(this);
        }
    }
}
