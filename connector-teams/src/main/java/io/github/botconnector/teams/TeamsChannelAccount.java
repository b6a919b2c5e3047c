package io.github.botconnector.teams;

import io.github.botconnector.schema.JsonModel;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.exception.JsonFormatException;
import java.util.Objects;

/**
 * A Teams user as the member and meeting APIs return it: the Bot Framework account plus name parts, e-mail,
 * UPN, user role and tenant.
 *
 * <p>The member APIs call the Entra object id {@code objectId}, activities call it {@code aadObjectId}:
 * {@link #aadObjectId()} reads either, and both are written back as received.
 *
 * <p>Immutable; build with {@link #builder()}, change with {@link #toBuilder()}. Members of the JSON object that
 * this type does not define are kept in {@link #properties()} and written back unchanged.
 */
@JsonDeserialize(builder = TeamsChannelAccount.Builder.class)
public final class TeamsChannelAccount extends JsonModel {

    private final String id;
    private final String name;
    private final String aadObjectId;
    private final String objectId;
    private final String role;
    private final String givenName;
    private final String surname;
    private final String email;
    private final String userPrincipalName;
    private final String userRole;
    private final String tenantId;

    private TeamsChannelAccount(Builder builder) {
        super(builder);
        this.id = builder.id;
        this.name = builder.name;
        this.aadObjectId = builder.aadObjectId;
        this.objectId = builder.objectId;
        this.role = builder.role;
        this.givenName = builder.givenName;
        this.surname = builder.surname;
        this.email = builder.email;
        this.userPrincipalName = builder.userPrincipalName;
        this.userRole = builder.userRole;
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
     * Reads a Teams channel account from JSON text; unknown members are kept.
     *
     * @throws JsonFormatException if the text is not a JSON object of this shape; the message names the JSON path
     */
    public static TeamsChannelAccount fromJson(String json) {
        return parse(json, TeamsChannelAccount.class);
    }

    /** Teams user id ({@code 29:...}). */
    public String id() {
        return id;
    }

    /** Display name. */
    public String name() {
        return name;
    }

    /** Microsoft Entra object id: {@code aadObjectId}, or {@code objectId} when only that was received. */
    public String aadObjectId() {
        return aadObjectId != null ? aadObjectId : objectId;
    }

    /** The {@code objectId} member exactly as received (the member APIs' name for the Entra object id). */
    public String objectId() {
        return objectId;
    }

    /** Role of the account ({@code user} or {@code bot}). */
    public String role() {
        return role;
    }

    /** Given name. */
    public String givenName() {
        return givenName;
    }

    /** Surname. */
    public String surname() {
        return surname;
    }

    /** E-mail address; never usable as a recipient id. */
    public String email() {
        return email;
    }

    /** User principal name; never usable as a recipient id. */
    public String userPrincipalName() {
        return userPrincipalName;
    }

    /** Teams user role: {@code user}, {@code guest}, {@code anonymous} (meetings also {@code admin}). */
    public String userRole() {
        return userRole;
    }

    /** Tenant of the user. */
    public String tenantId() {
        return tenantId;
    }

    /** This member as a plain {@link ChannelAccount} (id, name, Entra object id, role), for requests and references. */
    public ChannelAccount toChannelAccount() {
        return ChannelAccount.builder().id(id).name(name).aadObjectId(aadObjectId()).role(role).build();
    }

    /** A Teams account with the fields of {@code account}; its unknown members are kept. */
    public static TeamsChannelAccount from(ChannelAccount account) {
        Objects.requireNonNull(account, "account");
        return convert(account, TeamsChannelAccount.class);
    }

    @Override
    protected Object[] values() {
        return new Object[] {id, name, aadObjectId, objectId, role, givenName, surname, email, userPrincipalName,
                userRole, tenantId};
    }

    /** Builder for {@link TeamsChannelAccount}; accepts every value the service accepts. Not thread-safe. */
    public static final class Builder extends JsonModel.Builder<Builder> {

        private String id;
        private String name;
        private String aadObjectId;
        private String objectId;
        private String role;
        private String givenName;
        private String surname;
        private String email;
        private String userPrincipalName;
        private String userRole;
        private String tenantId;

        private Builder() {
        }

        private Builder(TeamsChannelAccount source) {
            super(source);
            this.id = source.id;
            this.name = source.name;
            this.aadObjectId = source.aadObjectId;
            this.objectId = source.objectId;
            this.role = source.role;
            this.givenName = source.givenName;
            this.surname = source.surname;
            this.email = source.email;
            this.userPrincipalName = source.userPrincipalName;
            this.userRole = source.userRole;
            this.tenantId = source.tenantId;
        }

        /** Teams user id ({@code 29:...}). */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** Display name. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Microsoft Entra object id, written as {@code aadObjectId}. */
        public Builder aadObjectId(String aadObjectId) {
            this.aadObjectId = aadObjectId;
            return this;
        }

        /** The {@code objectId} member exactly as received (the member APIs' name for the Entra object id). */
        public Builder objectId(String objectId) {
            this.objectId = objectId;
            return this;
        }

        /** Role of the account ({@code user} or {@code bot}). */
        public Builder role(String role) {
            this.role = role;
            return this;
        }

        /** Given name. */
        public Builder givenName(String givenName) {
            this.givenName = givenName;
            return this;
        }

        /** Surname. */
        public Builder surname(String surname) {
            this.surname = surname;
            return this;
        }

        /** E-mail address; never usable as a recipient id. */
        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /** User principal name; never usable as a recipient id. */
        public Builder userPrincipalName(String userPrincipalName) {
            this.userPrincipalName = userPrincipalName;
            return this;
        }

        /** Teams user role: {@code user}, {@code guest}, {@code anonymous} (meetings also {@code admin}). */
        public Builder userRole(String userRole) {
            this.userRole = userRole;
            return this;
        }

        /** Tenant of the user. */
        public Builder tenantId(String tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        /** The immutable TeamsChannelAccount. */
        public TeamsChannelAccount build() {
            return new TeamsChannelAccount(this);
        }
    }
}
