package io.github.botconnector.auth;

import io.github.botconnector.internal.auth.TokenRequester;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import okhttp3.OkHttpClient;

/**
 * Settings every credential builder shares: cloud, HTTP client, clock, refresh margin and retry pacing.
 *
 * @param <B> the concrete builder
 */
abstract class CredentialBuilder<B extends CredentialBuilder<B>> {

    BotCloud cloud = BotCloud.PUBLIC;
    OkHttpClient httpClient;
    Clock clock = Clock.systemUTC();
    Duration refreshMargin = Duration.ofMinutes(5);
    Function<Duration, ? extends CompletionStage<?>> retryDelay;
    int maxAttempts = TokenRequester.DEFAULT_MAX_ATTEMPTS;
    DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();

    CredentialBuilder() {
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * The cloud whose login host, token endpoint and scope are used; default {@link BotCloud#PUBLIC}.
     *
     * @param cloud a preset or custom cloud
     * @return this builder
     */
    public B cloud(BotCloud cloud) {
        this.cloud = Objects.requireNonNull(cloud, "cloud");
        return self();
    }

    /**
     * The OkHttp client for token requests; share the application's client to share its connection pool, proxy
     * and TLS settings. Its interceptors are not used for token requests (a logging interceptor could record the
     * secret or assertion, and one that attaches Bot Connector tokens would call back into this credential), and
     * redirects are never followed. Default: a client with 10 s connect, 20 s read and 60 s call timeouts.
     *
     * @param httpClient the client
     * @return this builder
     */
    public B httpClient(OkHttpClient httpClient) {
        this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
        return self();
    }

    /**
     * The clock that decides when cached tokens are stale; default the system UTC clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public B clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return self();
    }

    /**
     * How long before its expiry a cached token stops being used; default 5 minutes. A background refresh starts at
     * a random point up to one margin earlier (at half-life for tokens that live longer than two hours).
     *
     * @param refreshMargin zero or positive
     * @return this builder
     */
    public B refreshMargin(Duration refreshMargin) {
        Objects.requireNonNull(refreshMargin, "refreshMargin");
        if (refreshMargin.isNegative()) {
            throw new IllegalArgumentException("refreshMargin must not be negative, got " + refreshMargin);
        }
        this.refreshMargin = refreshMargin;
        return self();
    }

    /**
     * How many times one token fetch is attempted when the token service answers 429, 5xx or
     * {@code temporarily_unavailable}, or cannot be reached; default 3. 4xx errors such as {@code invalid_client}
     * are never retried.
     *
     * @param maxAttempts at least 1
     * @return this builder
     */
    public B maxAttempts(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        return self();
    }

    /**
     * How a retry waits (the {@code Retry-After} of the token service, or an exponential backoff): a function that
     * returns a stage completing after the given duration. Default: a non-blocking delayed completion. Tests pass a
     * function that records the duration and completes at once.
     *
     * @param retryDelay the delay function
     * @return this builder
     */
    public B retryDelay(Function<Duration, ? extends CompletionStage<?>> retryDelay) {
        this.retryDelay = Objects.requireNonNull(retryDelay, "retryDelay");
        return self();
    }

    /** Source of jitter in [0, 1); tests in this package pin it. */
    B jitter(DoubleSupplier jitter) {
        this.jitter = Objects.requireNonNull(jitter, "jitter");
        return self();
    }

    OkHttpClient httpClientOrDefault() {
        return httpClient != null ? httpClient : TokenRequester.defaultClient();
    }
}
