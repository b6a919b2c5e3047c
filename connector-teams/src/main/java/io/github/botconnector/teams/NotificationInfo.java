package io.github.botconnector.teams;

import io.github.botconnector.schema.JsonModel;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;

/**
 * Notification settings of an outgoing Teams message ({@code channelData.notification}).
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = NotificationInfo.Builder.class)
public final class NotificationInfo extends JsonModel {

    private final Boolean alert;
    private final Boolean alertInMeeting;
    private final String externalResourceUrl;

    private NotificationInfo(Builder builder) {
        super(builder);
        this.alert = builder.alert;
        this.alertInMeeting = builder.alertInMeeting;
        this.externalResourceUrl = builder.externalResourceUrl;
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
     * Reads notification info from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static NotificationInfo fromJson(String json) {
        return parse(json, NotificationInfo.class);
    }

    /** {@code true} to raise an activity-feed alert for the recipient. */
    public Boolean alert() {
        return alert;
    }

    /** {@code true} to show the message as an in-meeting notification. */
    public Boolean alertInMeeting() {
        return alertInMeeting;
    }

    /** Content of the in-meeting notification ({@code https://teams.microsoft.com/l/bubble/...}). */
    public String externalResourceUrl() {
        return externalResourceUrl;
    }

    /** Notification settings with only {@code alert = true}. */
    public static NotificationInfo alertUser() {
        return builder().alert(Boolean.TRUE).build();
    }

    @Override
    protected Object[] values() {
        return new Object[] {alert, alertInMeeting, externalResourceUrl};
    }

    /** Builder for {@link NotificationInfo}; accepts every value the service accepts. Not thread-safe. */
    public static final class Builder extends JsonModel.Builder<Builder> {

        private Boolean alert;
        private Boolean alertInMeeting;
        private String externalResourceUrl;

        private Builder() {
        }

        private Builder(NotificationInfo source) {
            super(source);
            this.alert = source.alert;
            this.alertInMeeting = source.alertInMeeting;
            this.externalResourceUrl = source.externalResourceUrl;
        }

        /** {@code true} to raise an activity-feed alert for the recipient. */
        public Builder alert(Boolean alert) {
            this.alert = alert;
            return this;
        }

        /** {@code true} to show the message as an in-meeting notification. */
        public Builder alertInMeeting(Boolean alertInMeeting) {
            this.alertInMeeting = alertInMeeting;
            return this;
        }

        /** Content of the in-meeting notification ({@code https://teams.microsoft.com/l/bubble/...}). */
        public Builder externalResourceUrl(String externalResourceUrl) {
            this.externalResourceUrl = externalResourceUrl;
            return this;
        }

        /** The immutable NotificationInfo. */
        public NotificationInfo build() {
            return new NotificationInfo(this);
        }
    }
}
