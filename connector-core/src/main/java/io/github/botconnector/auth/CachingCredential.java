package io.github.botconnector.auth;

import io.github.botconnector.internal.auth.TokenCache;
import io.github.botconnector.internal.auth.TokenRequester;
import java.util.concurrent.CompletableFuture;

/** Base of the Azure AD credentials: a shared token cache in front of an asynchronous fetch. */
abstract class CachingCredential implements TokenProvider {

    final TokenRequester requester;
    private final TokenCache cache;

    CachingCredential(CredentialBuilder<?> b, String description) {
        this(b, description, false);
    }

    CachingCredential(CredentialBuilder<?> b, String description, boolean noProxy) {
        this.requester = new TokenRequester(b.httpClientOrDefault(), b.clock, b.retryDelay, b.maxAttempts, noProxy);
        this.cache = new TokenCache(this::fetch, b.clock, b.refreshMargin, b.jitter, description);
    }

    /** Starts one token request without blocking. */
    abstract CompletableFuture<AccessToken> fetch();

    /**
     * A valid token from the shared cache, waiting for a fetch when none is cached (all concurrent callers share
     * one fetch).
     *
     * @throws TokenAcquisitionException with the Azure AD error code and a hint when no token can be obtained
     */
    @Override
    public AccessToken getToken() {
        return cache.get();
    }

    /** A valid token; completes at once when one is cached and never blocks the calling thread. */
    @Override
    public CompletableFuture<AccessToken> getTokenAsync() {
        return cache.getAsync();
    }

    /** Completes when no token fetch is in flight (tests use it to await a background refresh). */
    CompletableFuture<Void> idle() {
        return cache.idle();
    }

    /** Drops {@code token} from the cache if it is still the cached one, so the next call fetches a new token. */
    @Override
    public void tokenRejected(AccessToken token) {
        cache.rejected(token);
    }
}
