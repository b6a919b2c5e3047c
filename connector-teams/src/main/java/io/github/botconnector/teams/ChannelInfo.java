package io.github.botconnector.teams;

import io.github.botconnector.schema.JsonModel;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;

/**
 * A channel of a team ({@code channelData.channel}, or an entry of the channel list).
 *
 * <p>The General channel has the team's id and, in the channel list, no name (Teams localizes it).
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = ChannelInfo.Builder.class)
public final class ChannelInfo extends JsonModel {

    private final String id;
    private final String name;
    private final String type;

    private ChannelInfo(Builder builder) {
        super(builder);
        this.id = builder.id;
        this.name = builder.name;
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
     * Reads channel info from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static ChannelInfo fromJson(String json) {
        return parse(json, ChannelInfo.class);
    }

    /** Channel id ({@code 19:...@thread.tacv2}, older {@code 19:...@thread.skype}). */
    public String id() {
        return id;
    }

    /** Display name; {@code null} for the General channel in the channel list. */
    public String name() {
        return name;
    }

    /** Channel type when Teams supplies it: {@code standard}, {@code private} or {@code shared}. */
    public String type() {
        return type;
    }

    /** The channel type of private channels, to which bots cannot post. */
    public static final String TYPE_PRIVATE = "private";

    /** The channel type of shared channels. */
    public static final String TYPE_SHARED = "shared";

    /** The channel type of standard channels. */
    public static final String TYPE_STANDARD = "standard";

    /** A channel with only an id. */
    public static ChannelInfo of(String id) {
        return builder().id(id).build();
    }

    /** Whether Teams marks this channel as private ({@link #type()} is {@code private}); bots cannot post there. */
    public boolean isPrivate() {
        return TYPE_PRIVATE.equalsIgnoreCase(type);
    }

    @Override
    protected Object[] values() {
        return new Object[] {id, name, type};
    }

    /** Builder for {@link ChannelInfo}; accepts every value the service accepts. Not thread-safe. */
    public static final class Builder extends JsonModel.Builder<Builder> {

        private String id;
        private String name;
        private String type;

        private Builder() {
        }

        private Builder(ChannelInfo source) {
            super(source);
            this.id = source.id;
            this.name = source.name;
            this.type = source.type;
        }

        /** Channel id ({@code 19:...@thread.tacv2}, older {@code 19:...@thread.skype}). */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** Display name; {@code null} for the General channel in the channel list. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Channel type when Teams supplies it: {@code standard}, {@code private} or {@code shared}. */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        /** The immutable ChannelInfo. */
        public ChannelInfo build() {
            return new ChannelInfo(this);
        }
    }
}
