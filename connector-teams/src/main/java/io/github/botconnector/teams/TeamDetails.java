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
 * Details of a team, from {@code GET /v3/teams/{teamId}}.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonDeserialize(builder = TeamDetails.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class TeamDetails extends JsonModel {

    @JsonProperty("id")
    private final String id;
    @JsonProperty("name")
    private final String name;
    @JsonProperty("aadGroupId")
    private final String aadGroupId;
    @JsonProperty("channelCount")
    private final Integer channelCount;
    @JsonProperty("memberCount")
    private final Integer memberCount;
    @JsonProperty("type")
    private final String type;

    private TeamDetails(Builder builder) {
        super(builder);
        this.id = builder.id;
        this.name = builder.name;
        this.aadGroupId = builder.aadGroupId;
        this.channelCount = builder.channelCount;
        this.memberCount = builder.memberCount;
        this.type = builder.type;
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
     * Reads a TeamDetails from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static TeamDetails fromJson(String json) {
        return Json.parseObject(json, TeamDetails.class);
    }

    /** Team id (equals the General channel id). */
    public String id() {
        return id;
    }

    /** Display name. */
    public String name() {
        return name;
    }

    /** Microsoft Entra group id (the Microsoft Graph team id). */
    public String aadGroupId() {
        return aadGroupId;
    }

    /** Number of channels. */
    public Integer channelCount() {
        return channelCount;
    }

    /** Number of members. */
    public Integer memberCount() {
        return memberCount;
    }

    /** Team type, for example {@code standard}. */
    public String type() {
        return type;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TeamDetails other)) {
            return false;
        }
        return Objects.equals(id, other.id)
                && Objects.equals(name, other.name)
                && Objects.equals(aadGroupId, other.aadGroupId)
                && Objects.equals(channelCount, other.channelCount)
                && Objects.equals(memberCount, other.memberCount)
                && Objects.equals(type, other.type)
                && properties().equals(other.properties());
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, aadGroupId, channelCount, memberCount, type, properties());
    }

    /** Builder for {@link TeamDetails}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("id")
        private String id;
        @JsonProperty("name")
        private String name;
        @JsonProperty("aadGroupId")
        private String aadGroupId;
        @JsonProperty("channelCount")
        private Integer channelCount;
        @JsonProperty("memberCount")
        private Integer memberCount;
        @JsonProperty("type")
        private String type;

        private Builder() {
        }

        private Builder(TeamDetails source) {
            super(source);
            this.id = source.id;
            this.name = source.name;
            this.aadGroupId = source.aadGroupId;
            this.channelCount = source.channelCount;
            this.memberCount = source.memberCount;
            this.type = source.type;
        }

        /** Team id (equals the General channel id). */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** Display name. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Microsoft Entra group id (the Microsoft Graph team id). */
        public Builder aadGroupId(String aadGroupId) {
            this.aadGroupId = aadGroupId;
            return this;
        }

        /** Number of channels. */
        public Builder channelCount(Integer channelCount) {
            this.channelCount = channelCount;
            return this;
        }

        /** Number of members. */
        public Builder memberCount(Integer memberCount) {
            this.memberCount = memberCount;
            return this;
        }

        /** Team type, for example {@code standard}. */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        /** The immutable TeamDetails. */
        public TeamDetails build() {
            return new TeamDetails(this);
        }
    }
}
