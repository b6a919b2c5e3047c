package io.github.botconnector.teams;

import io.github.botconnector.schema.JsonModel;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;
import java.util.List;

/**
 * The {@code value} of a targeted meeting notification: recipients and surfaces.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = TargetedMeetingNotificationValue.Builder.class)
public final class TargetedMeetingNotificationValue extends JsonModel {

    private final List<String> recipients;
    private final List<MeetingSurface> surfaces;

    private TargetedMeetingNotificationValue(Builder builder) {
        super(builder);
        this.recipients = copyOf(builder.recipients);
        this.surfaces = copyOf(builder.surfaces);
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
     * Reads a targeted meeting notification value from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static TargetedMeetingNotificationValue fromJson(String json) {
        return parse(json, TargetedMeetingNotificationValue.class);
    }

    /** Teams user ids ({@code 29:...}) of the recipients; at most 50 per call. */
    public List<String> recipients() {
        return orEmpty(recipients);
    }

    /** Where the notification appears. */
    public List<MeetingSurface> surfaces() {
        return orEmpty(surfaces);
    }

    @Override
    protected Object[] values() {
        return new Object[] {recipients, surfaces};
    }

    /** Builder for {@link TargetedMeetingNotificationValue}; accepts every value the service accepts. Not thread-safe. */
    public static final class Builder extends JsonModel.Builder<Builder> {

        private List<String> recipients;
        private List<MeetingSurface> surfaces;

        private Builder() {
        }

        private Builder(TargetedMeetingNotificationValue source) {
            super(source);
            this.recipients = mutableCopy(source.recipients);
            this.surfaces = mutableCopy(source.surfaces);
        }

        /** Teams user ids ({@code 29:...}) of the recipients; at most 50 per call. */
        public Builder recipients(List<String> recipients) {
            this.recipients = mutableCopy(recipients);
            return this;
        }

        /** Teams user ids ({@code 29:...}) of the recipients; at most 50 per call. */
        public Builder recipients(String... recipients) {
            this.recipients = mutableCopy(recipients);
            return this;
        }

        /** Where the notification appears. */
        public Builder surfaces(List<MeetingSurface> surfaces) {
            this.surfaces = mutableCopy(surfaces);
            return this;
        }

        /** Where the notification appears. */
        public Builder surfaces(MeetingSurface... surfaces) {
            this.surfaces = mutableCopy(surfaces);
            return this;
        }

        /** The immutable TargetedMeetingNotificationValue. */
        public TargetedMeetingNotificationValue build() {
            return new TargetedMeetingNotificationValue(this);
        }
    }
}
