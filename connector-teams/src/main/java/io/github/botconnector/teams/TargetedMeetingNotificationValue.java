package io.github.botconnector.teams;

import io.github.botconnector.schema.JsonModel;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.github.botconnector.internal.Json;
import io.github.botconnector.internal.Values;
import io.github.botconnector.exception.JsonFormatException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The {@code value} of a targeted meeting notification: recipients and surfaces.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonDeserialize(builder = TargetedMeetingNotificationValue.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class TargetedMeetingNotificationValue extends JsonModel {

    @JsonProperty("recipients")
    private final List<String> recipients;
    @JsonProperty("surfaces")
    private final List<MeetingSurface> surfaces;

    private TargetedMeetingNotificationValue(Builder builder) {
        super(builder);
        this.recipients = Values.list(builder.recipients);
        this.surfaces = Values.list(builder.surfaces);
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
     * Reads a TargetedMeetingNotificationValue from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static TargetedMeetingNotificationValue fromJson(String json) {
        return Json.parseObject(json, TargetedMeetingNotificationValue.class);
    }

    /** Teams user ids ({@code 29:...}) of the recipients; at most 50 per call. */
    public List<String> recipients() {
        return Values.orEmpty(recipients);
    }

    /** Where the notification appears. */
    public List<MeetingSurface> surfaces() {
        return Values.orEmpty(surfaces);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TargetedMeetingNotificationValue other)) {
            return false;
        }
        return Objects.equals(recipients, other.recipients)
                && Objects.equals(surfaces, other.surfaces)
                && properties().equals(other.properties());
    }

    @Override
    public int hashCode() {
        return Objects.hash(recipients, surfaces, properties());
    }

    /** Builder for {@link TargetedMeetingNotificationValue}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("recipients")
        private List<String> recipients;
        @JsonProperty("surfaces")
        private List<MeetingSurface> surfaces;

        private Builder() {
        }

        private Builder(TargetedMeetingNotificationValue source) {
            super(source);
            this.recipients = source.recipients == null ? null : new ArrayList<>(source.recipients);
            this.surfaces = source.surfaces == null ? null : new ArrayList<>(source.surfaces);
        }

        /** Teams user ids ({@code 29:...}) of the recipients; at most 50 per call. */
        public Builder recipients(List<String> recipients) {
            this.recipients = recipients == null ? null : new ArrayList<>(recipients);
            return this;
        }

        /** Teams user ids ({@code 29:...}) of the recipients; at most 50 per call. */
        public Builder recipients(String... recipients) {
            this.recipients = recipients == null ? null : new ArrayList<>(Arrays.asList(recipients));
            return this;
        }

        /** Where the notification appears. */
        public Builder surfaces(List<MeetingSurface> surfaces) {
            this.surfaces = surfaces == null ? null : new ArrayList<>(surfaces);
            return this;
        }

        /** Where the notification appears. */
        public Builder surfaces(MeetingSurface... surfaces) {
            this.surfaces = surfaces == null ? null : new ArrayList<>(Arrays.asList(surfaces));
            return this;
        }

        /** The immutable TargetedMeetingNotificationValue. */
        public TargetedMeetingNotificationValue build() {
            return new TargetedMeetingNotificationValue(this);
        }
    }
}
