package io.github.botconnector.auth;

import java.util.regex.Pattern;

/**
 * Settings of credentials that authenticate an app registration at the Azure AD token endpoint: app id and tenant.
 *
 * @param <B> the concrete builder
 */
abstract class AppCredentialBuilder<B extends AppCredentialBuilder<B>> extends CredentialBuilder<B> {

    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,252}");

    String appId;
    String tenantId;

    AppCredentialBuilder() {
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * The bot's Microsoft App ID (the app registration's client id). Required.
     *
     * @param appId the app id
     * @return this builder
     */
    public B appId(String appId) {
        this.appId = appId;
        return self();
    }

    /**
     * The tenant of a single-tenant bot (its directory id GUID or a verified domain). Without it the bot is treated
     * as multi-tenant and tokens come from the cloud's multi-tenant authority ({@code botframework.com} in the
     * public cloud), which fails with {@code AADSTS700016} for single-tenant apps.
     *
     * @param tenantId the tenant id, or {@code null} for multi-tenant
     * @return this builder
     */
    public B tenantId(String tenantId) {
        this.tenantId = tenantId;
        return self();
    }

    /**
     * Uses the cloud's multi-tenant authority (the default when no tenant id is set).
     *
     * @return this builder
     */
    public B multiTenant() {
        this.tenantId = null;
        return self();
    }

    /** Whether {@code tenant} looks like a directory id or domain name. */
    static boolean isTenant(String tenant) {
        return TENANT.matcher(tenant).matches();
    }

    String requireAppId(String credential) {
        if (appId == null || appId.isBlank()) {
            throw new IllegalArgumentException(credential + ": appId must be set to the bot's Microsoft App ID");
        }
        return appId.trim();
    }

    String tenantOrAuthority(String credential) {
        if (tenantId == null) {
            return cloud.multiTenantAuthority();
        }
        String t = tenantId.trim();
        if (!isTenant(t)) {
            throw new IllegalArgumentException(credential + ": tenantId must be a directory id (GUID) or domain name,"
                    + " got '" + t + "'");
        }
        return t;
    }
}
