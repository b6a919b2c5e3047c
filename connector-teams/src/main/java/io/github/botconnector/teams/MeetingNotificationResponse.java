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
 * Response body of a meeting notification: empty when every recipient was notified (202), otherwise the
 * recipients that were not (207).
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonDeserialize(builder = MeetingNotificationResponse.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class MeetingNotificationResponse extends JsonModel {

    @JsonProperty("recipientsFailureInfo")
    private final List<MeetingNotificationRecipientFailureInfo> recipientsFailureInfo;

    private MeetingNotificationResponse(Builder builder) {
        super(builder);
        this.recipientsFailureInfo = Values.list(builder.recipientsFailureInfo);
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
     * Reads a MeetingNotificationResponse from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static MeetingNotificationResponse fromJson(String json) {
        return Json.parseObject(json, MeetingNotificationResponse.class);
    }

    /** Recipients that were not notified; empty when all were. */
    public List<MeetingNotificationRecipientFailureInfo> recipientsFailureInfo() {
        return Values.orEmpty(recipientsFailureInfo);
    }

    /** Whether every recipient was notified (no failure listed). */
    public boolean allSent() {
        return recipientsFailureInfo == null || recipientsFailureInfo.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MeetingNotificationResponse other)) {
            return false;
        }
        return Objects.equals(recipientsFailureInfo, other.recipientsFailureInfo)
                && properties().equals(other.properties());
    }

    @Override
    public int hashCode() {
        return Objects.hash(recipientsFailureInfo, properties());
    }

    /** Builder for {@link MeetingNotificationResponse}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("recipientsFailureInfo")
        private List<MeetingNotificationRecipientFailureInfo> recipientsFailureInfo;

        private Builder() {
        }

        private Builder(MeetingNotificationResponse source) {
            super(source);
            this.recipientsFailureInfo = source.recipientsFailureInfo == null ? null : new ArrayList<>(source.recipientsFailureInfo);
        }

        /** Recipients that were not notified; empty when all were. */
        public Builder recipientsFailureInfo(List<MeetingNotificationRecipientFailureInfo> recipientsFailureInfo) {
            this.recipientsFailureInfo = recipientsFailureInfo == null ? null : new ArrayList<>(recipientsFailureInfo);
            return this;
        }

        /** Recipients that were not notified; empty when all were. */
        public Builder recipientsFailureInfo(MeetingNotificationRecipientFailureInfo... recipientsFailureInfo) {
            this.recipientsFailureInfo = recipientsFailureInfo == null ? null : new ArrayList<>(Arrays.asList(recipientsFailureInfo));
            return this;
        }

        /** The immutable MeetingNotificationResponse. */
        public MeetingNotificationResponse build() {
            return new MeetingNotificationResponse(this);
        }
    }
}
