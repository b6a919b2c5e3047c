package io.github.botconnector.teams;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.github.botconnector.internal.Json;
import io.github.botconnector.internal.Values;
import io.github.botconnector.schema.JsonFormatException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
public final class MeetingNotificationResponse {

    @JsonProperty("recipientsFailureInfo")
    private final List<MeetingNotificationRecipientFailureInfo> recipientsFailureInfo;
    private final Map<String, Object> properties;

    private MeetingNotificationResponse(Builder builder) {
        this.recipientsFailureInfo = Values.list(builder.recipientsFailureInfo);
        this.properties = Values.properties(builder.properties);
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

    /** This object as compact JSON: null members omitted, unknown members written back. */
    public String toJson() {
        return Json.write(this);
    }

    /** Recipients that were not notified; empty when all were. */
    public List<MeetingNotificationRecipientFailureInfo> recipientsFailureInfo() {
        return Values.orEmpty(recipientsFailureInfo);
    }

    /** Members of the JSON object that this type does not define, as received (never null, unmodifiable). */
    public Map<String, Object> properties() {
        return properties;
    }

    @JsonAnyGetter
    Map<String, Object> unknownMembers() {
        return properties;
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
                && properties.equals(other.properties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(recipientsFailureInfo, properties);
    }

    /** The JSON form of this object. */
    @Override
    public String toString() {
        return Json.write(this);
    }

    /** Builder for {@link MeetingNotificationResponse}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder {

        @JsonProperty("recipientsFailureInfo")
        private List<MeetingNotificationRecipientFailureInfo> recipientsFailureInfo;
        private Map<String, Object> properties;

        private Builder() {
        }

        private Builder(MeetingNotificationResponse source) {
            this.recipientsFailureInfo = source.recipientsFailureInfo == null ? null : new ArrayList<>(source.recipientsFailureInfo);
            this.properties = Values.mutableProperties(source.properties);
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

        /** Sets (or, with a {@code null} value, writes as JSON null) a member this type does not define. */
        @JsonAnySetter
        public Builder property(String name, Object value) {
            if (properties == null) {
                properties = new LinkedHashMap<>();
            }
            properties.put(Objects.requireNonNull(name, "name"), value);
            return this;
        }

        /** Removes a member this type does not define. */
        public Builder removeProperty(String name) {
            if (properties != null) {
                properties.remove(name);
            }
            return this;
        }

        /** Replaces all members this type does not define. */
        public Builder properties(Map<String, Object> properties) {
            this.properties = properties == null ? null : new LinkedHashMap<>(properties);
            return this;
        }

        /** The immutable MeetingNotificationResponse. */
        public MeetingNotificationResponse build() {
            return new MeetingNotificationResponse(this);
        }
    }
}
