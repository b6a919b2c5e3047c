package io.github.botconnector.teams;

import io.github.botconnector.schema.JsonModel;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;

/**
 * The meeting a Teams activity belongs to ({@code channelData.meeting}).
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = TeamsMeetingInfo.Builder.class)
public final class TeamsMeetingInfo extends JsonModel {

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
     * Reads Teams meeting info from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static TeamsMeetingInfo fromJson(String json) {
        return parse(json, TeamsMeetingInfo.class);
    }

    /** Meeting id, usable with the meeting APIs. */
    public String id() {
        return id;
    }

    @Override
    protected Object[] values() {
        return new Object[] {id};
    }

    /** Builder for {@link TeamsMeetingInfo}; accepts every value the service accepts. Not thread-safe. */
    public static final class Builder extends JsonModel.Builder<Builder> {

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
