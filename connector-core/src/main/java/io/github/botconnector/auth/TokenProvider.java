package io.github.botconnector.auth;

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
