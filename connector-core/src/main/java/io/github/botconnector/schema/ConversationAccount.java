package io.github.botconnector.schema;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.exception.JsonFormatException;

/**
 * A conversation: a 1:1 chat ({@code a:...}), a group chat or a channel thread ({@code 19:...}).
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = ConversationAccount.Builder.class)
public final class ConversationAccount extends JsonModel {

    private final Boolean isGroup;
    private final String conversationType;
    private final String id;
    private final String name;
    private final String aadObjectId;
    private final String role;
    private final String tenantId;

    private ConversationAccount(Builder builder) {
        super(builder);
        this.isGroup = builder.isGroup;
        this.conversationType = builder.conversationType;
        this.id = builder.id;
        this.name = builder.name;
        this.aadObjectId = builder.aadObjectId;
        this.role = builder.role;
        this.tenantId = builder.tenantId;
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
     * Reads a conversation account from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static ConversationAccount fromJson(String json) {
        return parse(json, ConversationAccount.class);
    }

    /** Whether the conversation has more than two participants. */
    public Boolean isGroup() {
        return isGroup;
    }

    /** Teams conversation type: {@code personal}, {@code groupChat} or {@code channel}. */
    public String conversationType() {
        return conversationType;
    }

    /** Conversation id. */
    public String id() {
        return id;
    }

    /** Display name of the conversation (channel name in Teams). */
    public String name() {
        return name;
    }

    /** Microsoft Entra object id of the conversation, when supplied. */
    public String aadObjectId() {
        return aadObjectId;
    }

    /** Role of the conversation account. */
    public String role() {
        return role;
    }

    /** Tenant id of the conversation (Teams). */
    public String tenantId() {
        return tenantId;
    }

    /** A conversation account with only an id. */
    public static ConversationAccount of(String id) {
        return builder().id(id).build();
    }

    @Override
    protected Object[] values() {
        return new Object[] {isGroup, conversationType, id, name, aadObjectId, role, tenantId};
    }

    /** Builder for {@link ConversationAccount}; accepts every value the service accepts. Not thread-safe. */
    public static final class Builder extends JsonModel.Builder<Builder> {

        private Boolean isGroup;
        private String conversationType;
        private String id;
        private String name;
        private String aadObjectId;
        private String role;
        private String tenantId;

        private Builder() {
        }

        private Builder(ConversationAccount source) {
            super(source);
            this.isGroup = source.isGroup;
            this.conversationType = source.conversationType;
            this.id = source.id;
            this.name = source.name;
            this.aadObjectId = source.aadObjectId;
            this.role = source.role;
            this.tenantId = source.tenantId;
        }

        /** Whether the conversation has more than two participants. */
        public Builder isGroup(Boolean isGroup) {
            this.isGroup = isGroup;
            return this;
        }

        /** Teams conversation type: {@code personal}, {@code groupChat} or {@code channel}. */
        public Builder conversationType(String conversationType) {
            this.conversationType = conversationType;
            return this;
        }

        /** Conversation id. */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** Display name of the conversation (channel name in Teams). */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Microsoft Entra object id of the conversation, when supplied. */
        public Builder aadObjectId(String aadObjectId) {
            this.aadObjectId = aadObjectId;
            return this;
        }

        /** Role of the conversation account. */
        public Builder role(String role) {
            this.role = role;
            return this;
        }

        /** Tenant id of the conversation (Teams). */
        public Builder tenantId(String tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        /** The immutable ConversationAccount. */
        public ConversationAccount build() {
            return new ConversationAccount(this);
        }
    }
}
