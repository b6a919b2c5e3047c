package io.github.botconnector.internal.auth;

import io.github.botconnector.auth.AccessToken;
import io.github.botconnector.exception.TokenAcquisitionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token cache inside one credential, shared by every client that uses the credential.
 *
 * <ul>
 *   <li>Single flight: at most one fetch is in progress; every caller that needs a token while it runs waits for
 *       that same fetch.</li>
 *   <li>A token is stale at {@code expiresAt - refreshMargin}; stale tokens are never handed out.</li>
 *   <li>From a jittered instant before it becomes stale (within one margin; at half-life for tokens that live longer
 *       than two hours) a background refresh starts while callers keep getting the still-valid token.</li>
 *   <li>{@link #rejected(AccessToken)} drops the token only if it is still the cached one, so a burst of 401s for
 *       the same token causes one refresh.</li>
 *   <li>{@link #getAsync()} never blocks: a cached token is returned completed, otherwise the shared fetch's
 *       future (driven by OkHttp's asynchronous calls).</li>
 * </ul>
 * Not public API.
 */
public final class TokenCache {

    private static final Logger LOG = LoggerFactory.getLogger(TokenCache.class);
    private static final Duration LONG_LIVED = Duration.ofHours(2);
    private static final Duration BACKGROUND_RETRY = Duration.ofSeconds(30);

    private final Supplier<CompletableFuture<AccessToken>> fetcher;
    private final Clock clock;
    private final Duration refreshMargin;
    private final DoubleSupplier random;
    private final String description;

    private final Object lock = new Object();
    private AccessToken current;
    private Instant staleAt;
    private Instant refreshAt;
    private CompletableFuture<AccessToken> inFlight;
    private Instant backgroundNotBefore = Instant.MIN;

    /**
     * @param fetcher       starts one token request; must not block
     * @param clock         time source
     * @param refreshMargin how long before expiry a token stops being handed out
     * @param random        source of jitter in [0, 1)
     * @param description   safe text naming the credential for logs (app id, tenant, cloud; never a secret)
     */
    public TokenCache(Supplier<CompletableFuture<AccessToken>> fetcher, Clock clock, Duration refreshMargin,
                      DoubleSupplier random, String description) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refreshMargin = Objects.requireNonNull(refreshMargin, "refreshMargin");
        this.random = Objects.requireNonNull(random, "random");
        this.description = description;
        if (refreshMargin.isNegative()) {
            throw new IllegalArgumentException("refreshMargin must not be negative");
        }
    }

    /** A valid token, blocking while a fetch is needed. */
    public AccessToken get() {
        try {
            return getAsync().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenAcquisitionException("Interrupted while waiting for a token for " + description, e);
        } catch (ExecutionException e) {
            throw rethrowable(e.getCause());
        }
    }

    /** A valid token; completes immediately when one is cached. */
    public CompletableFuture<AccessToken> getAsync() {
        Instant now = clock.instant();
        CompletableFuture<AccessToken> start = null;
        CompletableFuture<AccessToken> wait = null;
        AccessToken cached = null;
        synchronized (lock) {
            if (current != null && now.isBefore(staleAt)) {
                cached = current;
                if (!now.isBefore(refreshAt) && inFlight == null && !now.isBefore(backgroundNotBefore)) {
                    inFlight = new CompletableFuture<>();
                    start = inFlight;
                }
            } else {
                if (inFlight == null) {
                    inFlight = new CompletableFuture<>();
                    start = inFlight;
                }
                wait = inFlight;
            }
        }
        if (start != null) {
            if (cached != null) {
                LOG.debug("Refreshing the token for {} in the background before it expires", description);
            }
            start(start, cached != null);
        }
        return cached != null ? CompletableFuture.completedFuture(cached) : wait.copy();
    }

    /**
     * Completes (normally, even if the fetch fails) when the fetch in flight, if any, has finished and its result is
     * cached; for tests and orderly shutdown.
     */
    public CompletableFuture<Void> idle() {
        CompletableFuture<AccessToken> f;
        synchronized (lock) {
            f = inFlight;
        }
        return f == null ? CompletableFuture.completedFuture(null) : f.handle((t, e) -> null);
    }

    /** Drops {@code token} if it is still the cached one, so the next request fetches a new token. */
    public void rejected(AccessToken token) {
        if (token == null) {
            return;
        }
        synchronized (lock) {
            if (current != null && current.token().equals(token.token())) {
                LOG.debug("Token for {} was rejected by the service; the next request fetches a new one", description);
                current = null;
            }
        }
    }

    private void start(CompletableFuture<AccessToken> promise, boolean background) {
        CompletableFuture<AccessToken> fetch;
        try {
            fetch = Objects.requireNonNull(fetcher.get(), "fetch");
        } catch (RuntimeException e) {
            fetch = CompletableFuture.failedFuture(e);
        }
        fetch.whenComplete((token, error) -> {
            Throwable cause = unwrap(error);
            if (cause == null && token == null) {
                cause = new TokenAcquisitionException("The token source returned no token for " + description, null);
            }
            synchronized (lock) {
                if (cause == null) {
                    remember(token);
                } else if (background) {
                    backgroundNotBefore = clock.instant().plus(BACKGROUND_RETRY);
                }
                inFlight = null;
            }
            if (cause == null) {
                promise.complete(token);
            } else {
                if (background) {
                    LOG.warn("Background token refresh for {} failed; the cached token stays in use until it expires: {}",
                            description, cause.getMessage());
                }
                promise.completeExceptionally(cause);
            }
        });
    }

    private void remember(AccessToken token) {
        Instant now = clock.instant();
        Instant expires = token.expiresAt();
        Duration lifetime = Duration.between(now, expires);
        Instant stale = expires.minus(refreshMargin);
        if (!stale.isAfter(now)) {
            // Shorter than the margin: use it for half of what is left rather than never.
            stale = now.plus(lifetime.isNegative() ? Duration.ZERO : lifetime.dividedBy(2));
        }
        Duration usable = Duration.between(now, stale);
        Duration window = refreshMargin.compareTo(usable.dividedBy(2)) < 0 ? refreshMargin : usable.dividedBy(2);
        double r = Math.max(0.0, Math.min(1.0, random.getAsDouble()));
        Duration lead = Duration.ofMillis((long) (window.toMillis() * (0.1 + 0.9 * r)));
        Instant refresh = stale.minus(lead);
        if (lifetime.compareTo(LONG_LIVED) > 0) {
            Instant halfLife = now.plus(lifetime.dividedBy(2));
            if (halfLife.isBefore(refresh)) {
                refresh = halfLife;
            }
        }
        current = token;
        staleAt = stale;
        refreshAt = refresh;
        backgroundNotBefore = Instant.MIN;
        LOG.debug("Cached a token for {} expiring at {}; background refresh from {}", description, expires, refresh);
    }

    private static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private RuntimeException rethrowable(Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof TokenAcquisitionException t) {
            // A fresh exception per caller keeps the caller's stack trace; the shared one is the cause.
            return new TokenAcquisitionException(t.getMessage(), t.errorCode(), t.statusCode(), t);
        }
        if (e instanceof RuntimeException r) {
            return r;
        }
        return new TokenAcquisitionException("Could not get a token for " + description + ": " + e, e);
    }
}
