package io.github.botconnector.schema;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.github.botconnector.exception.JsonFormatException;
import io.github.botconnector.internal.Json;
import java.util.Objects;

/**
 * A conversation: a 1:1 chat ({@code a:...}), a group chat or a channel thread ({@code 19:...}).
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonDeserialize(builder = ConversationAccount.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ConversationAccount extends JsonModel {

    @JsonProperty("isGroup")
    private final Boolean isGroup;
    @JsonProperty("conversationType")
    private final String conversationType;
    @JsonProperty("id")
    private final String id;
    @JsonProperty("name")
    private final String name;
    @JsonProperty("aadObjectId")
    private final String aadObjectId;
    @JsonProperty("role")
    private final String role;
    @JsonProperty("tenantId")
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
     * Reads a ConversationAccount from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static ConversationAccount fromJson(String json) {
        return Json.parseObject(json, ConversationAccount.class);
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
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ConversationAccount other)) {
            return false;
        }
        return Objects.equals(isGroup, other.isGroup)
                && Objects.equals(conversationType, other.conversationType)
                && Objects.equals(id, other.id)
                && Objects.equals(name, other.name)
                && Objects.equals(aadObjectId, other.aadObjectId)
                && Objects.equals(role, other.role)
                && Objects.equals(tenantId, other.tenantId)
                && properties().equals(other.properties());
    }

    @Override
    public int hashCode() {
        return Objects.hash(isGroup, conversationType, id, name, aadObjectId, role, tenantId, properties());
    }

    /** Builder for {@link ConversationAccount}; accepts every value the service accepts. Not thread-safe. */
    @JsonPOJOBuilder(buildMethodName = "build", withPrefix = "with")
    public static final class Builder extends JsonModel.Builder<Builder> {

        @JsonProperty("isGroup")
        private Boolean isGroup;
        @JsonProperty("conversationType")
        private String conversationType;
        @JsonProperty("id")
        private String id;
        @JsonProperty("name")
        private String name;
        @JsonProperty("aadObjectId")
        private String aadObjectId;
        @JsonProperty("role")
        private String role;
        @JsonProperty("tenantId")
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
