package io.github.botconnector.auth;

import io.github.botconnector.internal.auth.TokenErrors;
import java.util.concurrent.CompletableFuture;

/**
 * Client-secret credential of a bot's app registration: client-credentials grant at the Azure AD token endpoint of
 * the bot's cloud, for the Bot Connector scope. Multi-tenant bots (no tenant id) use the cloud's multi-tenant
 * authority; single-tenant bots set {@link Builder#tenantId(String)}.
 *
 * <pre>{@code
 * TokenProvider tokens = ClientSecretCredential.builder()
 *         .appId(appId).secret(secret).tenantId(tenantId)
 *         .cloud(BotCloud.PUBLIC)
 *         .build();
 * }</pre>
 *
 * Thread-safe; share one instance among all clients of the bot. {@link #toString()} never shows the secret.
 */
public final class ClientSecretCredential extends AppCredential {

    private final String secret;

    private ClientSecretCredential(Builder b, String appId, String tenant, String secret) {
        super(b, appId, tenant, TokenErrors.Kind.CLIENT_SECRET, null);
        this.secret = secret;
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    CompletableFuture<AccessToken> fetch(Target target, TokenErrors.Context ctx) {
        return requester.fetch(() -> secretRequest(secret, target, ctx), ctx);
    }

    @Override
    public String toString() {
        return "ClientSecretCredential[appId=" + appId + ", tenant=" + tenant + ", cloud=" + cloud.name()
                + ", secret=<redacted>]";
    }

    /** Builder of {@link ClientSecretCredential}. */
    public static final class Builder extends AppCredentialBuilder<Builder> {
        private String secret;

        private Builder() {
        }

        /**
         * The client secret's value (not its Secret ID). Required.
         *
         * @param secret the secret
         * @return this builder
         */
        public Builder secret(String secret) {
            this.secret = secret;
            return this;
        }

        /**
         * Builds the credential.
         *
         * @return the credential
         * @throws IllegalArgumentException when the app id or secret is missing, or the tenant id is malformed
         */
        public ClientSecretCredential build() {
            String id = requireAppId("ClientSecretCredential");
            if (secret == null || secret.isEmpty()) {
                throw new IllegalArgumentException("ClientSecretCredential: secret must be set to the client secret's"
                        + " Value from the app registration");
            }
            return new ClientSecretCredential(this, id, tenantOrAuthority("ClientSecretCredential"), secret);
        }

        @Override
        public String toString() {
            return "ClientSecretCredential.Builder[appId=" + appId + ", tenantId=" + tenantId + ", secret=<redacted>]";
        }
    }
}
