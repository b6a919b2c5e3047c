package io.github.botconnector.auth;

import io.github.botconnector.exception.TokenAcquisitionException;
import io.github.botconnector.internal.auth.TokenCache;
import io.github.botconnector.internal.auth.TokenRequester;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.DoubleSupplier;

/**
 * Base of the Azure AD credentials: a shared token cache in front of an asynchronous fetch, one cache per
 * (tenant, scope) the credential is asked for (the Bot Connector scope of its own tenant, and any other scope through
 * {@link #forScope(String, String)}).
 */
abstract class CachingCredential implements TokenProvider {

    /**
     * What a token is for: the tenant whose authority issues it and the scope (a managed identity's resource is the
     * scope without {@code /.default}).
     */
    record Target(String tenant, String scope) {
    }

    final TokenRequester requester;
    private final TokenCache cache;
    private final Clock clock;
    private final Duration refreshMargin;
    private final DoubleSupplier jitter;
    private final String description;
    private final ConcurrentMap<Target, ScopedProvider> scoped = new ConcurrentHashMap<>();

    CachingCredential(CredentialBuilder<?> b, String description) {
        this(b, description, false);
    }

    CachingCredential(CredentialBuilder<?> b, String description, boolean noProxy) {
        this.requester = new TokenRequester(b.httpClientOrDefault(), b.clock, b.retryDelay, b.maxAttempts, noProxy);
        this.clock = b.clock;
        this.refreshMargin = b.refreshMargin;
        this.jitter = b.jitter;
        this.description = description;
        this.cache = new TokenCache(() -> fetch(defaultTarget()), clock, refreshMargin, jitter, description);
    }

    /** The tenant and scope of the tokens {@link #getToken()} returns (the Bot Connector scope). */
    abstract Target defaultTarget();

    /** The target for {@code scope} asked for on behalf of {@code tenantId} (may be {@code null}). */
    abstract Target target(String scope, String tenantId);

    /** Starts one token request for {@code target} without blocking. */
    abstract CompletableFuture<AccessToken> fetch(Target target);

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

    /**
     * Tokens for another scope from this credential, cached and refreshed per scope and tenant with one request in
     * flight per scope; see {@link TokenProvider#forScope(String, String)}.
     *
     * @param scope    the scope, for example {@link BotCloud#graphScope()}
     * @param tenantId the customer tenant for a multi-tenant app, or {@code null}
     * @return the provider for that scope and tenant (this credential for its own scope and tenant)
     * @throws IllegalArgumentException when {@code scope} is blank or {@code tenantId} is malformed
     */
    @Override
    public TokenProvider forScope(String scope, String tenantId) {
        if (scope == null || scope.isBlank() || scope.strip().contains(" ")) {
            throw new IllegalArgumentException("scope must be one resource scope such as"
                    + " https://graph.microsoft.com/.default, got '" + scope + "'");
        }
        if (tenantId != null && !AppCredentialBuilder.isTenant(tenantId.strip())) {
            throw new IllegalArgumentException("tenantId must be a directory id (GUID) or domain name, got '"
                    + tenantId + "'");
        }
        Target target = target(scope.strip(), tenantId == null ? null : tenantId.strip());
        if (target.equals(defaultTarget())) {
            return this;
        }
        return scoped.computeIfAbsent(target, ScopedProvider::new);
    }

    /** The tokens of one other (tenant, scope). */
    private final class ScopedProvider implements TokenProvider {
        private final Target target;
        private final TokenCache tokens;

        ScopedProvider(Target target) {
            this.target = target;
            this.tokens = new TokenCache(() -> fetch(target), clock, refreshMargin, jitter,
                    description + " for scope '" + target.scope() + "' in tenant '" + target.tenant() + "'");
        }

        @Override
        public AccessToken getToken() {
            return tokens.get();
        }

        @Override
        public CompletableFuture<AccessToken> getTokenAsync() {
            return tokens.getAsync();
        }

        @Override
        public void tokenRejected(AccessToken token) {
            tokens.rejected(token);
        }

        @Override
        public TokenProvider forScope(String scope, String tenantId) {
            return CachingCredential.this.forScope(scope, tenantId);
        }

        @Override
        public String toString() {
            return CachingCredential.this + ".forScope(" + target.scope() + ", tenant " + target.tenant() + ")";
        }
    }
}
