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
 * A recipient that did not get a meeting notification (part of a 207 response).
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonDeserialize(builder = MeetingNotificationRecipientFailureInfo.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class MeetingNotificationRecipientFailureInfo extends JsonModel {

    @JsonProperty("recipientMri")
    private final String recipientMri;
    @JsonProperty("errorcode")
    private final String errorCode;
    @JsonProperty("failureReason")
    private final String failureReason;

    private MeetingNotificationRecipientFailureInfo(Builder builder) {
        super(builder);
        this.recipientMri = builder.recipientMri;
        this.errorCode = builder.errorCode;
        this.failureReason = builder.failureReason;
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
     * Reads a MeetingNotificationRecipientFailureInfo from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static MeetingNotificationRecipientFailureInfo fromJson(String json) {
        return Json.parseObject(json, MeetingNotificationRecipientFailureInfo.class);
    }

    /** Teams user id of the recipient. */
    public String recipientMri() {
        return recipientMri;
    }

    /** Error code, for example {@code MemberNotFoundInConversation}. */
    public String errorCode() {
        return errorCode;
    }

    /** Reason given by the service. */
    public String failureReason() {
        return failureReason;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MeetingNotificationRecipientFailureInfo other)) {
            return false;
        }
        return Objects.equals(recipientMri, other.recipientMri)
                && Objects.equals(errorCode, other.errorCode)
                && Objects.equals(failureReason, other.failureReason)
                && properties().equals(other.properties());
    }

    @Override
    public int hashCode() {
        return Objects.hash(recipientMri, errorCode, failureReason, properties());
    }

    /** Builder for {@link MeetingNotificationRecipientFailureInfo}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("recipientMri")
        private String recipientMri;
        @JsonProperty("errorcode")
        private String errorCode;
        @JsonProperty("failureReason")
        private String failureReason;

        private Builder() {
        }

        private Builder(MeetingNotificationRecipientFailureInfo source) {
            super(source);
            this.recipientMri = source.recipientMri;
            this.errorCode = source.errorCode;
            this.failureReason = source.failureReason;
        }

        /** Teams user id of the recipient. */
        public Builder recipientMri(String recipientMri) {
            this.recipientMri = recipientMri;
            return this;
        }

        /** Error code, for example {@code MemberNotFoundInConversation}. */
        public Builder errorCode(String errorCode) {
            this.errorCode = errorCode;
            return this;
        }

        /** Reason given by the service. */
        public Builder failureReason(String failureReason) {
            this.failureReason = failureReason;
            return this;
        }

        /** The immutable MeetingNotificationRecipientFailureInfo. */
        public MeetingNotificationRecipientFailureInfo build() {
            return new MeetingNotificationRecipientFailureInfo(this);
        }
    }
}
