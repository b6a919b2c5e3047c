package io.github.botconnector.teams;

import io.github.botconnector.schema.JsonModel;
import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;
import java.util.List;
import java.util.Map;

/**
 * Typed view of the {@code channelData} that Teams puts on activities: tenant, team, channel, event type,
 * notification settings, meeting. Read it with {@code activity.channelData(TeamsChannelData.class)} or
 * {@link TeamsActivities#teamsChannelData(io.github.botconnector.schema.Activity)}; write it with
 * {@code Activity.Builder#channelData(Object)}. Unknown members at every level are kept.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = TeamsChannelData.Builder.class)
public final class TeamsChannelData extends JsonModel {

    private final ChannelInfo channel;
    private final String eventType;
    private final TeamInfo team;
    private final NotificationInfo notification;
    private final TenantInfo tenant;
    private final TeamsMeetingInfo meeting;
    private final Object settings;
    private final List<OnBehalfOf> onBehalfOf;
    private final String teamsChannelId;
    private final String teamsTeamId;

    private TeamsChannelData(Builder builder) {
        super(builder);
        this.channel = builder.channel;
        this.eventType = builder.eventType;
        this.team = builder.team;
        this.notification = builder.notification;
        this.tenant = builder.tenant;
        this.meeting = builder.meeting;
        this.settings = freeze(builder.settings);
        this.onBehalfOf = copyOf(builder.onBehalfOf);
        this.teamsChannelId = builder.teamsChannelId;
        this.teamsTeamId = builder.teamsTeamId;
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
     * Reads Teams channel data from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static TeamsChannelData fromJson(String json) {
        return parse(json, TeamsChannelData.class);
    }

    /** The channel of a channel activity. */
    public ChannelInfo channel() {
        return channel;
    }

    /** Teams event type of a conversationUpdate ({@code teamMemberAdded}, {@code channelCreated}, ...). */
    public String eventType() {
        return eventType;
    }

    /** The team of a team activity. */
    public TeamInfo team() {
        return team;
    }

    /** Notification settings of an outgoing message. */
    public NotificationInfo notification() {
        return notification;
    }

    /** The tenant; present in all contexts. */
    public TenantInfo tenant() {
        return tenant;
    }

    /** The meeting of a meeting activity. */
    public TeamsMeetingInfo meeting() {
        return meeting;
    }

    /** Free-form settings (for example {@code selectedChannel} when the bot is added to a team). */
    public Object settings() {
        return settings;
    }

    /**
     * {@code settings} converted to {@code type} (a model class, {@code Map}, or any Jackson-readable class).
     *
     * @param <T> the target type
     * @param type the target class
     * @return the converted value, or {@code null} when absent
     * @throws JsonFormatException if the value does not fit the type
     */
    public <T> T settings(Class<T> type) {
        return convert(settings, type);
    }

    /** Users on whose behalf the bot sends (also read from {@code OnBehalfOf}). */
    public List<OnBehalfOf> onBehalfOf() {
        return orEmpty(onBehalfOf);
    }

    /** Deprecated duplicate of {@code channel.id} still sent by Teams. */
    public String teamsChannelId() {
        return teamsChannelId;
    }

    /** Deprecated duplicate of {@code team.id} still sent by Teams. */
    public String teamsTeamId() {
        return teamsTeamId;
    }

    /** Channel data with only a tenant; what a 1:1 create-conversation request carries. */
    public static TeamsChannelData ofTenant(String tenantId) {
        return builder().tenant(TenantInfo.of(tenantId)).build();
    }

    @Override
    protected Object[] values() {
        return new Object[] {
                channel, eventType, team, notification, tenant, meeting, settings, onBehalfOf, teamsChannelId,
                teamsTeamId};
    }

    /** Builder for {@link TeamsChannelData}; accepts every value the service accepts. Not thread-safe. */
    public static final class Builder extends JsonModel.Builder<Builder> {

        private ChannelInfo channel;
        private String eventType;
        private TeamInfo team;
        private NotificationInfo notification;
        private TenantInfo tenant;
        private TeamsMeetingInfo meeting;
        private Object settings;
        @JsonProperty("onBehalfOf")
        @JsonAlias({"OnBehalfOf"})
        private List<OnBehalfOf> onBehalfOf;
        private String teamsChannelId;
        private String teamsTeamId;

        private Builder() {
        }

        private Builder(TeamsChannelData source) {
            super(source);
            this.channel = source.channel;
            this.eventType = source.eventType;
            this.team = source.team;
            this.notification = source.notification;
            this.tenant = source.tenant;
            this.meeting = source.meeting;
            this.settings = source.settings;
            this.onBehalfOf = mutableCopy(source.onBehalfOf);
            this.teamsChannelId = source.teamsChannelId;
            this.teamsTeamId = source.teamsTeamId;
        }

        /** The channel of a channel activity. */
        public Builder channel(ChannelInfo channel) {
            this.channel = channel;
            return this;
        }

        /** Teams event type of a conversationUpdate ({@code teamMemberAdded}, {@code channelCreated}, ...). */
        public Builder eventType(String eventType) {
            this.eventType = eventType;
            return this;
        }

        /** The team of a team activity. */
        public Builder team(TeamInfo team) {
            this.team = team;
            return this;
        }

        /** Notification settings of an outgoing message. */
        public Builder notification(NotificationInfo notification) {
            this.notification = notification;
            return this;
        }

        /** The tenant; present in all contexts. */
        public Builder tenant(TenantInfo tenant) {
            this.tenant = tenant;
            return this;
        }

        /** The meeting of a meeting activity. */
        public Builder meeting(TeamsMeetingInfo meeting) {
            this.meeting = meeting;
            return this;
        }

        /** Free-form settings (for example {@code selectedChannel} when the bot is added to a team). */
        public Builder settings(Object settings) {
            this.settings = settings;
            return this;
        }

        /** Users on whose behalf the bot sends (also read from {@code OnBehalfOf}). */
        public Builder onBehalfOf(List<OnBehalfOf> onBehalfOf) {
            this.onBehalfOf = mutableCopy(onBehalfOf);
            return this;
        }

        /** Users on whose behalf the bot sends (also read from {@code OnBehalfOf}). */
        public Builder onBehalfOf(OnBehalfOf... onBehalfOf) {
            this.onBehalfOf = mutableCopy(onBehalfOf);
            return this;
        }

        /** Deprecated duplicate of {@code channel.id} still sent by Teams. */
        public Builder teamsChannelId(String teamsChannelId) {
            this.teamsChannelId = teamsChannelId;
            return this;
        }

        /** Deprecated duplicate of {@code team.id} still sent by Teams. */
        public Builder teamsTeamId(String teamsTeamId) {
            this.teamsTeamId = teamsTeamId;
            return this;
        }

        /** The immutable TeamsChannelData. */
        public TeamsChannelData build() {
            return new TeamsChannelData(this);
        }
    }
}
