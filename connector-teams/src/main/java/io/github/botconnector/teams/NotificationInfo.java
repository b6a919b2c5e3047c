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
 * Notification settings of an outgoing Teams message ({@code channelData.notification}).
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonDeserialize(builder = NotificationInfo.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class NotificationInfo extends JsonModel {

    @JsonProperty("alert")
    private final Boolean alert;
    @JsonProperty("alertInMeeting")
    private final Boolean alertInMeeting;
    @JsonProperty("externalResourceUrl")
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
     * Reads a NotificationInfo from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static NotificationInfo fromJson(String json) {
        return Json.parseObject(json, NotificationInfo.class);
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
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof NotificationInfo other)) {
            return false;
        }
        return Objects.equals(alert, other.alert)
                && Objects.equals(alertInMeeting, other.alertInMeeting)
                && Objects.equals(externalResourceUrl, other.externalResourceUrl)
                && properties().equals(other.properties());
    }

    @Override
    public int hashCode() {
        return Objects.hash(alert, alertInMeeting, externalResourceUrl, properties());
    }

    /** Builder for {@link NotificationInfo}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("alert")
        private Boolean alert;
        @JsonProperty("alertInMeeting")
        private Boolean alertInMeeting;
        @JsonProperty("externalResourceUrl")
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
