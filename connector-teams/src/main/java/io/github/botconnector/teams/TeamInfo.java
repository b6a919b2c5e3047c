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
 * A team as Teams describes it in {@code channelData.team}.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonDeserialize(builder = TeamInfo.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class TeamInfo extends JsonModel {

    @JsonProperty("id")
    private final String id;
    @JsonProperty("name")
    private final String name;
    @JsonProperty("aadGroupId")
    private final String aadGroupId;

    private TeamInfo(Builder builder) {
        super(builder);
        this.id = builder.id;
        this.name = builder.name;
        this.aadGroupId = builder.aadGroupId;
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
     * Reads a TeamInfo from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static TeamInfo fromJson(String json) {
        return Json.parseObject(json, TeamInfo.class);
    }

    /** Team id ({@code 19:...@thread.tacv2}); equals the id of the team's General channel. */
    public String id() {
        return id;
    }

    /** Display name of the team. */
    public String name() {
        return name;
    }

    /** Microsoft Entra group id of the team (the Microsoft Graph team id). */
    public String aadGroupId() {
        return aadGroupId;
    }

    /** A team with only an id. */
    public static TeamInfo of(String id) {
        return builder().id(id).build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TeamInfo other)) {
            return false;
        }
        return Objects.equals(id, other.id)
                && Objects.equals(name, other.name)
                && Objects.equals(aadGroupId, other.aadGroupId)
                && properties().equals(other.properties());
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, aadGroupId, properties());
    }

    /** Builder for {@link TeamInfo}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("id")
        private String id;
        @JsonProperty("name")
        private String name;
        @JsonProperty("aadGroupId")
        private String aadGroupId;

        private Builder() {
        }

        private Builder(TeamInfo source) {
            super(source);
            this.id = source.id;
            this.name = source.name;
            this.aadGroupId = source.aadGroupId;
        }

        /** Team id ({@code 19:...@thread.tacv2}); equals the id of the team's General channel. */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** Display name of the team. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Microsoft Entra group id of the team (the Microsoft Graph team id). */
        public Builder aadGroupId(String aadGroupId) {
            this.aadGroupId = aadGroupId;
            return this;
        }

        /** The immutable TeamInfo. */
        public TeamInfo build() {
            return new TeamInfo(this);
        }
    }
}
