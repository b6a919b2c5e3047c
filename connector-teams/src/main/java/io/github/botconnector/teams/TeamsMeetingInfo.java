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
 * The meeting a Teams activity belongs to ({@code channelData.meeting}).
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonDeserialize(builder = TeamsMeetingInfo.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class TeamsMeetingInfo extends JsonModel {

    @JsonProperty("id")
    private final String id;

    private TeamsMeetingInfo(Builder builder) {
        super(builder);
        this.id = builder.id;
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
     * Reads a TeamsMeetingInfo from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static TeamsMeetingInfo fromJson(String json) {
        return Json.parseObject(json, TeamsMeetingInfo.class);
    }

    /** Meeting id, usable with the meeting APIs. */
    public String id() {
        return id;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TeamsMeetingInfo other)) {
            return false;
        }
        return Objects.equals(id, other.id)
                && properties().equals(other.properties());
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, properties());
    }

    /** Builder for {@link TeamsMeetingInfo}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("id")
        private String id;

        private Builder() {
        }

        private Builder(TeamsMeetingInfo source) {
            super(source);
            this.id = source.id;
        }

        /** Meeting id, usable with the meeting APIs. */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** The immutable TeamsMeetingInfo. */
        public TeamsMeetingInfo build() {
            return new TeamsMeetingInfo(this);
        }
    }
}
