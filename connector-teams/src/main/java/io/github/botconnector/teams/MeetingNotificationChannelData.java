package io.github.botconnector.teams;

import io.github.botconnector.schema.JsonModel;
import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;
import java.util.List;

/**
 * The {@code channelData} of a targeted meeting notification. Reads {@code onBehalfOf} and the
 * {@code OnBehalfOf} spelling some SDKs send.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = MeetingNotificationChannelData.Builder.class)
public final class MeetingNotificationChannelData extends JsonModel {

    private final List<OnBehalfOf> onBehalfOf;

    private MeetingNotificationChannelData(Builder builder) {
        super(builder);
        this.onBehalfOf = copyOf(builder.onBehalfOf);
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
     * Reads meeting notification channel data from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static MeetingNotificationChannelData fromJson(String json) {
        return parse(json, MeetingNotificationChannelData.class);
    }

    /** Users on whose behalf the notification is sent. */
    public List<OnBehalfOf> onBehalfOf() {
        return orEmpty(onBehalfOf);
    }

    @Override
    protected Object[] values() {
        return new Object[] {onBehalfOf};
    }

    /** Builder for {@link MeetingNotificationChannelData}; accepts every value the service accepts. Not thread-safe. */
    public static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("onBehalfOf")
        @JsonAlias({"OnBehalfOf"})
        private List<OnBehalfOf> onBehalfOf;

        private Builder() {
        }

        private Builder(MeetingNotificationChannelData source) {
            super(source);
            this.onBehalfOf = mutableCopy(source.onBehalfOf);
        }

        /** Users on whose behalf the notification is sent. */
        public Builder onBehalfOf(List<OnBehalfOf> onBehalfOf) {
            this.onBehalfOf = mutableCopy(onBehalfOf);
            return this;
        }

        /** Users on whose behalf the notification is sent. */
        public Builder onBehalfOf(OnBehalfOf... onBehalfOf) {
            this.onBehalfOf = mutableCopy(onBehalfOf);
            return this;
        }

        /** The immutable MeetingNotificationChannelData. */
        public MeetingNotificationChannelData build() {
            return new MeetingNotificationChannelData(this);
        }
    }
}
