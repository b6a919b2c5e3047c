package io.github.botconnector.teams;

import io.github.botconnector.schema.JsonModel;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;

/**
 * Details of a team, from {@code GET /v3/teams/{teamId}}.
 *
 * <p>Immutable; the client reads it from the service, {@link #fromJson(String)} from JSON text. Members of the
 * JSON object that this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = TeamDetails.Builder.class)
public final class TeamDetails extends JsonModel {

    private final String id;
    private final String name;
    private final String aadGroupId;
    private final Integer channelCount;
    private final Integer memberCount;
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

    /**
     * Reads team details from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static TeamDetails fromJson(String json) {
        return parse(json, TeamDetails.class);
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
    protected Object[] values() {
        return new Object[] {id, name, aadGroupId, channelCount, memberCount, type};
    }

    /** Reads the JSON members; users only read this type, so it needs no public builder. */
    static final class Builder extends JsonModel.Builder<Builder> {

        private String id;
        private String name;
        private String aadGroupId;
        private Integer channelCount;
        private Integer memberCount;
        private String type;

        private Builder() {
        }

        TeamDetails build() {
            return new TeamDetails(this);
        }
    }
}
