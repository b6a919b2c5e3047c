package io.github.botconnector.teams;

import io.github.botconnector.schema.JsonModel;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;

/**
 * A team as Teams describes it in {@code channelData.team}.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = TeamInfo.Builder.class)
public final class TeamInfo extends JsonModel {

    private final String id;
    private final String name;
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
     * Reads team info from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static TeamInfo fromJson(String json) {
        return parse(json, TeamInfo.class);
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
    protected Object[] values() {
        return new Object[] {id, name, aadGroupId};
    }

    /** Builder for {@link TeamInfo}; accepts every value the service accepts. Not thread-safe. */
    public static final class Builder extends JsonModel.Builder<Builder> {

        private String id;
        private String name;
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
