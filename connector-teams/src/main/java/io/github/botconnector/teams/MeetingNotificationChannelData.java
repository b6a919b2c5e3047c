package io.github.botconnector.teams;

import io.github.botconnector.schema.JsonModel;
import com.fasterxml.jackson.annotation.JsonAlias;
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
 * The {@code channelData} of a targeted meeting notification. Reads {@code onBehalfOf} and the
 * {@code OnBehalfOf} spelling some SDKs send.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonDeserialize(builder = MeetingNotificationChannelData.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class MeetingNotificationChannelData extends JsonModel {

    @JsonProperty("onBehalfOf")
    private final List<OnBehalfOf> onBehalfOf;

    private MeetingNotificationChannelData(Builder builder) {
        super(builder);
        this.onBehalfOf = Values.list(builder.onBehalfOf);
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
     * Reads a MeetingNotificationChannelData from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static MeetingNotificationChannelData fromJson(String json) {
        return Json.parseObject(json, MeetingNotificationChannelData.class);
    }

    /** Users on whose behalf the notification is sent. */
    public List<OnBehalfOf> onBehalfOf() {
        return Values.orEmpty(onBehalfOf);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MeetingNotificationChannelData other)) {
            return false;
        }
        return Objects.equals(onBehalfOf, other.onBehalfOf)
                && properties().equals(other.properties());
    }

    @Override
    public int hashCode() {
        return Objects.hash(onBehalfOf, properties());
    }

    /** Builder for {@link MeetingNotificationChannelData}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("onBehalfOf")
        @JsonAlias({"OnBehalfOf"})
        private List<OnBehalfOf> onBehalfOf;

        private Builder() {
        }

        private Builder(MeetingNotificationChannelData source) {
            super(source);
            this.onBehalfOf = source.onBehalfOf == null ? null : new ArrayList<>(source.onBehalfOf);
        }

        /** Users on whose behalf the notification is sent. */
        public Builder onBehalfOf(List<OnBehalfOf> onBehalfOf) {
            this.onBehalfOf = onBehalfOf == null ? null : new ArrayList<>(onBehalfOf);
            return this;
        }

        /** Users on whose behalf the notification is sent. */
        public Builder onBehalfOf(OnBehalfOf... onBehalfOf) {
            this.onBehalfOf = onBehalfOf == null ? null : new ArrayList<>(Arrays.asList(onBehalfOf));
            return this;
        }

        /** The immutable MeetingNotificationChannelData. */
        public MeetingNotificationChannelData build() {
            return new MeetingNotificationChannelData(this);
        }
    }
}
