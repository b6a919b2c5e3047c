package io.github.botconnector.auth;

import io.github.botconnector.exception.TokenAcquisitionException;
import java.util.concurrent.CompletableFuture;

/**
 * Source of the bearer token that the {@code ConnectorClient} attaches to Bot Connector requests.
 *
 * <p>Implementations are thread-safe and cache tokens: {@link #getToken()} is called for every request. The client
 * calls {@link #tokenRejected(AccessToken)} when the service answers 401 with a token, then asks for a new one once.
 * Credentials for Azure AD (secret, certificate, managed identity, federated) implement this interface; use
 * {@link #fixed(String)} in tests or when tokens are managed elsewhere.
 */
public interface TokenProvider {

    /**
     * A valid token, fetching one if none is cached.
     *
     * @throws TokenAcquisitionException if no token can be obtained
     */
    AccessToken getToken();

    /**
     * A valid token without blocking the calling thread when one is cached; the default runs
     * {@link #getToken()} on the calling thread.
     */
    default CompletableFuture<AccessToken> getTokenAsync() {
        try {
            return CompletableFuture.completedFuture(getToken());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Tells the provider the service rejected {@code token} (HTTP 401); the next {@link #getToken()} must not
     * return it again.
     */
    void tokenRejected(AccessToken token);

    /**
     * Tokens for another resource from the same identity, for example Microsoft Graph
     * ({@link BotCloud#graphScope()}), cached and refreshed per scope and tenant like the Bot Connector token (one
     * request in flight per scope). The Azure AD credentials support it: a single-tenant app and a managed identity
     * get tokens from their own tenant, a multi-tenant app from the authority of {@code tenantId} (the customer
     * tenant the resource belongs to). Asking again for the same scope and tenant returns a provider sharing the same
     * cache; asking for this provider's own scope and tenant returns this provider.
     *
     * <pre>{@code
     * TokenProvider graph = credentials.forScope(BotCloud.PUBLIC.graphScope(), tenantId);
     * }</pre>
     *
     * @param scope    the scope, for example {@code https://graph.microsoft.com/.default}
     * @param tenantId the customer tenant (used by multi-tenant apps), or {@code null} for the credential's own
     * @return a provider of tokens for {@code scope}
     * @throws UnsupportedOperationException when this provider serves one scope only (the default, and
     *                                       {@link #fixed(String)}); pass a provider for the other scope directly
     * @throws IllegalArgumentException      when {@code scope} or {@code tenantId} is blank or malformed
     */
    default TokenProvider forScope(String scope, String tenantId) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " serves one scope only and cannot get a"
                + " token for '" + scope + "'. Use an Azure AD credential (ClientSecretCredential,"
                + " CertificateCredential, ManagedIdentityCredential, FederatedCredential) or pass a TokenProvider for"
                + " that scope directly.");
    }

    /**
     * A provider that always returns {@code token} (valid for a year from now); for tests and for callers who manage
     * tokens themselves. Rejections are ignored, so a rejected fixed token fails again.
     */
    static TokenProvider fixed(String token) {
        AccessToken fixed = new AccessToken(token, java.time.Instant.now().plus(java.time.Duration.ofDays(365)));
        return new TokenProvider() {
            @Override
            public AccessToken getToken() {
                return fixed;
            }

            @Override
            public void tokenRejected(AccessToken rejected) {
                // A fixed token cannot be refreshed.
            }

            @Override
            public String toString() {
                return "TokenProvider.fixed(<redacted>)";
            }
        };
    }
}
