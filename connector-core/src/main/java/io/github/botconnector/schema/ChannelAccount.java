package io.github.botconnector.schema;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;

/**
 * A user or bot on a channel (Teams: user ids start with {@code 29:}, bot ids with {@code 28:}).
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = ChannelAccount.Builder.class)
public final class ChannelAccount extends JsonModel {

    private final String id;
    private final String name;
    private final String aadObjectId;
    private final String role;

    private ChannelAccount(Builder builder) {
        super(builder);
        this.id = builder.id;
        this.name = builder.name;
        this.aadObjectId = builder.aadObjectId;
        this.role = builder.role;
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
     * Reads a channel account from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static ChannelAccount fromJson(String json) {
        return parse(json, ChannelAccount.class);
    }

    /** Channel-specific id of the account ({@code 29:...} for a Teams user, {@code 28:<appId>} for a bot). */
    public String id() {
        return id;
    }

    /** Display name. */
    public String name() {
        return name;
    }

    /**
     * Microsoft Entra object id of the account, when the channel supplies it: {@code aadObjectId} as activities call
     * it, or else {@code objectId} as the member APIs ({@code GET .../members}, paged members) call it. Both stay
     * as received in the JSON ({@code objectId} in {@link #properties()}).
     */
    public String aadObjectId() {
        if (aadObjectId == null && properties().get("objectId") instanceof String objectId) {
            return objectId;
        }
        return aadObjectId;
    }

    /** Role of the account ({@link RoleTypes#USER} or {@link RoleTypes#BOT}). */
    public String role() {
        return role;
    }

    /** An account with only an id. */
    public static ChannelAccount of(String id) {
        return builder().id(id).build();
    }

    /** An account with an id and a display name. */
    public static ChannelAccount of(String id, String name) {
        return builder().id(id).name(name).build();
    }

    @Override
    protected Object[] values() {
        return new Object[] {id, name, aadObjectId, role};
    }

    /** Builder for {@link ChannelAccount}; accepts every value the service accepts. Not thread-safe. */
    public static final class Builder extends JsonModel.Builder<Builder> {

        private String id;
        private String name;
        private String aadObjectId;
        private String role;

        private Builder() {
        }

        private Builder(ChannelAccount source) {
            super(source);
            this.id = source.id;
            this.name = source.name;
            this.aadObjectId = source.aadObjectId;
            this.role = source.role;
        }

        /** Channel-specific id of the account ({@code 29:...} for a Teams user, {@code 28:<appId>} for a bot). */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** Display name. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Microsoft Entra object id of the account, when the channel supplies it. */
        public Builder aadObjectId(String aadObjectId) {
            this.aadObjectId = aadObjectId;
            return this;
        }

        /** Role of the account ({@link RoleTypes#USER} or {@link RoleTypes#BOT}). */
        public Builder role(String role) {
            this.role = role;
            return this;
        }

        /** The immutable ChannelAccount. */
        public ChannelAccount build() {
            return new ChannelAccount(this);
        }
    }
}
