package io.github.botconnector.internal;

import io.github.botconnector.exception.ConnectorException;
import io.github.botconnector.exception.ConnectorIOException;
import io.github.botconnector.ConnectorListener;
import io.github.botconnector.exception.PossiblyDeliveredException;
import io.github.botconnector.RetryPolicy;
import io.github.botconnector.exception.UntrustedHostException;
import io.github.botconnector.auth.AccessToken;
import io.github.botconnector.auth.BotCloud;
import io.github.botconnector.auth.TokenProvider;
import io.github.botconnector.auth.TrustedHosts;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request pipeline shared by a client and its siblings. Per request, outermost first: user agent and client
 * request id (kept across retries); retry (every decision asked of the {@link RetryPolicy}); trusted-host check
 * (before a token is requested); bearer token (on 401 the token is reported as rejected, a new one fetched and the
 * request sent once more); a stale-connection check before a non-idempotent request is written to a reused
 * connection ({@link StaleConnections}); debug logging without headers or bodies.
 *
 * <p>Two drivers run the same steps. Blocking ({@code Call.execute()}): every exchange, the token wait and the retry
 * delay happen on the calling thread. Asynchronous: OkHttp's {@code enqueue}, the token provider's
 * {@code getTokenAsync()} and the retry policy's sleeper; no thread waits. Not public API.
 */
public final class HttpPipeline {

    static final Logger LOG = LoggerFactory.getLogger("io.github.botconnector.http");
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final int MAX_REDIRECTS = 5;
    /** A stale connection is closed before the request is written; more in a row than this means a broken pool. */
    private static final int MAX_STALE_RESENDS = 16;
    private static final AtomicInteger DISPATCHER_THREADS = new AtomicInteger();
    /**
     * Read and write timeout of the client built here. Both are the same on purpose (see where a configured read
     * timeout is applied): with a shorter write timeout every send wakes Okio's timeout watchdog thread.
     */
    private static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Settings of a pipeline.
     *
     * @param httpClient      caller's client to derive from (its pool is shared), or {@code null}
     * @param connectTimeout  connect timeout or {@code null} for the client's
     * @param readTimeout     read timeout or {@code null} for the client's
     * @param callTimeout     per-attempt call timeout or {@code null} for the client's
     * @param maxInFlight     maximum concurrent requests, in total and per host
     * @param tokens          source of bearer tokens
     * @param trustedHosts    which URLs may receive the token
     * @param retryPolicy     retry rules
     * @param cloud           the cloud (for 401 diagnostics)
     * @param userAgentSuffix appended to the User-Agent, or {@code null}
     * @param staleCheckAfter idle time after which a reused HTTP/1 connection is checked before a non-idempotent
     *                        request is written to it
     * @param listener        receives request, retry and token events ({@link ConnectorListener#NONE} for none)
     */
    public record Config(OkHttpClient httpClient, Duration connectTimeout, Duration readTimeout, Duration callTimeout,
                         int maxInFlight, TokenProvider tokens, TrustedHosts trustedHosts, RetryPolicy retryPolicy,
                         BotCloud cloud, String userAgentSuffix, Duration staleCheckAfter, ConnectorListener listener) {
    }

    /**
     * One logical request.
     *
     * @param method HTTP method
     * @param url    full URL
     * @param body   JSON body bytes or {@code null}
     * @param stream whether the successful body is handed over unread (and redirects followed hop by hop)
     */
    public record Exchange(String method, HttpUrl url, byte[] body, boolean stream) {
    }

    /**
     * The final answer of a request (any status).
     *
     * @param status            HTTP status
     * @param headers           response headers
     * @param body              body bytes ({@code null} when streamed)
     * @param stream            the unread body of a streamed success, or {@code null}
     * @param attempts          attempts made
     * @param token             the token sent with the last attempt, or {@code null}
     * @param possiblyDelivered whether an earlier attempt failed after the request was written (it may have been
     *                          processed); an error status must then be reported as possibly delivered
     */
    public record Result(int status, Headers headers, byte[] body, ResponseBody stream, int attempts,
                         AccessToken token, boolean possiblyDelivered) {
    }

    private final OkHttpClient http;
    private final boolean ownsClient;
    private final Config config;
    private final String userAgent;
    /** User-Agent and Accept of requests whose answer is read as JSON, or streamed. */
    private final Headers jsonHeaders;
    private final Headers streamHeaders;
    /** The fixed headers with the last token used (most requests use the same token until it expires). */
    private volatile BearerHeaders lastJsonBearer;
    private volatile BearerHeaders lastStreamBearer;
    private final StaleConnections staleConnections;
    private final RetryLog retryLog;
    private final ConnectorListener listener;
    /** Whether a listener is set; without one no event object is built. */
    private final boolean listening;
    /** The last token the provider returned, to tell a first fetch from a refresh. */
    private final AtomicReference<String> lastToken = new AtomicReference<>();
    private volatile boolean closed;

    /** Builds the OkHttp client (own dispatcher, redirects off, auth and logging interceptors). */
    public HttpPipeline(Config config) {
        this.config = Objects.requireNonNull(config, "config");
        this.staleConnections = new StaleConnections(config.staleCheckAfter(), config.retryPolicy());
        this.retryLog = new RetryLog(config.retryPolicy().clock());
        this.listener = GuardedListener.of(config.listener());
        this.listening = listener != ConnectorListener.NONE;
        // Named daemon threads: an idle dispatcher must not keep the JVM alive, and logs show whose thread it is.
        Dispatcher dispatcher = new Dispatcher(new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "bot-connector-dispatcher-"
                            + DISPATCHER_THREADS.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }));
        dispatcher.setMaxRequests(config.maxInFlight());
        dispatcher.setMaxRequestsPerHost(config.maxInFlight());
        OkHttpClient.Builder b;
        if (config.httpClient() != null) {
            b = config.httpClient().newBuilder();
            ownsClient = false;
        } else {
            // Keep as many idle connections as requests may run at once (OkHttp keeps 5 by default, so more
            // concurrent senders would open and close connections all the time; a broadcast at Teams' latency has
            // hundreds in flight, each answer would close a connection the next request opens again).
            b = new OkHttpClient.Builder()
                    .connectionPool(new ConnectionPool(Math.max(5, config.maxInFlight()), 5,
                            TimeUnit.MINUTES))
                    .connectTimeout(Duration.ofSeconds(10))
                    .readTimeout(DEFAULT_READ_TIMEOUT)
                    .writeTimeout(DEFAULT_READ_TIMEOUT);
            ownsClient = true;
        }
        if (config.connectTimeout() != null) {
            b.connectTimeout(config.connectTimeout());
        }
        if (config.readTimeout() != null) {
            // The write timeout follows the read timeout. Okio times reads and writes with one watchdog thread,
            // woken whenever a new deadline is earlier than all pending ones: a write timeout shorter than the read
            // timeout makes every request's write the earliest deadline (the other senders wait in reads), so each
            // send would wake that thread once for nothing, a context switch per send under concurrent sends.
            b.readTimeout(config.readTimeout()).writeTimeout(config.readTimeout());
        }
        if (config.callTimeout() != null) {
            b.callTimeout(config.callTimeout());
        }
        this.http = b.dispatcher(dispatcher)
                .followRedirects(false)
                .followSslRedirects(false)
                .addInterceptor(PipelineInterceptors::authorizeAndLog)
                .addNetworkInterceptor(staleConnections::beforeWrite)
                .build();
        this.userAgent = SdkInfo.userAgent(config.userAgentSuffix());
        this.jsonHeaders = Headers.of("User-Agent", userAgent, "Accept", "application/json");
        this.streamHeaders = Headers.of("User-Agent", userAgent, "Accept", "*/*");
    }

    /** The settings. */
    public Config config() {
        return config;
    }

    /** The User-Agent header value. */
    public String userAgent() {
        return userAgent;
    }

    /** The derived OkHttp client (shared by siblings). */
    public OkHttpClient httpClient() {
        return http;
    }

    /** Stops the dispatcher's threads and, when the OkHttp client was created here, its idle connections. */
    public void close() {
        closed = true;
        http.dispatcher().cancelAll();
        http.dispatcher().executorService().shutdown();
        if (ownsClient) {
            http.connectionPool().evictAll();
        }
    }

    /** Runs {@code exchange} through the pipeline without blocking; the future fails with the SDK's exceptions. */
    public CompletableFuture<Result> execute(Exchange exchange) {
        return execute(exchange, false);
    }

    /**
     * Runs {@code exchange} through the pipeline. With {@code blocking} everything runs on the calling thread (each
     * HTTP exchange with {@code Call.execute()}, token waits and retry delays included) and the returned future is
     * complete. Without it, OkHttp's {@code enqueue} drives the request and no thread waits.
     */
    public CompletableFuture<Result> execute(Exchange exchange, boolean blocking) {
        if (blocking) {
            try {
                return CompletableFuture.completedFuture(executeBlocking(exchange));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        Operation op = new Operation(exchange, clientRequestId(), config.retryPolicy().clock().instant());
        op.promise.whenComplete((r, e) -> {
            if (op.promise.isCancelled()) {
                op.cancel();
            }
            callDone(op, r, e);
        });
        startAttempt(op);
        return op.promise;
    }

    /**
     * Runs {@code exchange} through the pipeline on the calling thread (each HTTP exchange with {@code Call.execute()},
     * token waits and retry delays included) and returns its answer; failures are thrown as the SDK's exceptions,
     * exactly as {@link #join} would rethrow them from {@code execute(exchange, true)}, without a future on the way.
     */
    public Result executeBlocking(Exchange exchange) {
        Operation op = new Operation(exchange, clientRequestId(), config.retryPolicy().clock().instant());
        Result result;
        try {
            result = runBlocking(op);
        } catch (RuntimeException e) {
            callDone(op, null, e);
            throw e;
        }
        callDone(op, result, null);
        return result;
    }

    /** Blocks for a pipeline future, rethrowing the SDK's exception as is. */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ConnectorException("Interrupted while waiting for the Bot Connector; the request was"
                    + " cancelled (a send may still have been delivered)", e);
        }
    }

    /** Reports the end of a call to the listener. */
    private void callDone(Operation op, Result result, Throwable error) {
        if (!listening) {
            return;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - op.startNanos);
        if (result != null) {
            listener.callEnd(event(op), result.status(), took);
        } else {
            listener.callFailed(event(op), rethrow(error), took);
        }
    }

    /** The listener's view of the current attempt of {@code op}. */
    private static ConnectorListener.Request event(Operation op) {
        HttpUrl url = op.exchange.url();
        return new ConnectorListener.Request(op.exchange.method(), url.host(), url.encodedPath(), op.clientRequestId,
                op.attempt);
    }

    /** Tells the listener about a token the provider returned ({@code error == null}) or its failure. */
    private void tokenDone(AccessToken token, Throwable error, long startNanos) {
        if (!listening) {
            return;
        }
        if (error != null || token == null) {
            listener.tokenFailed(error != null ? rethrow(error)
                    : new ConnectorException("The TokenProvider returned no token"));
            return;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        String previous = lastToken.get();
        if (token.token().equals(previous) || !lastToken.compareAndSet(previous, token.token())) {
            return;
        }
        if (previous == null) {
            listener.tokenFetched(took);
        } else {
            listener.tokenRefreshed(took);
        }
    }

    static RuntimeException rethrow(Throwable t) {
        Throwable c = unwrap(t);
        if (c instanceof RuntimeException re) {
            return re;
        }
        if (c instanceof Error err) {
            throw err;
        }
        return new ConnectorException("Unexpected failure: " + c, c);
    }

    static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    // ------------------------------------------------------------------------------------------ blocking driver

    private Result runBlocking(Operation op) {
        while (true) {
            beginAttempt(op);
            HttpUrl url = op.exchange.url();
            AccessToken token = tokenBlocking(op);
            boolean refreshed = false;
            Step step;
            do {
                AttemptTag tag = new AttemptTag(op.attempt, token);
                Call call = http.newCall(request(op, url, tag));
                try {
                    step = onResponse(op, url, tag, refreshed, call.execute());
                } catch (IOException e) {
                    step = onFailure(op, tag, e);
                }
                switch (step.kind) {
                    case DONE -> {
                        return step.result;
                    }
                    case FAIL -> throw step.failure;
                    case REFRESH -> {
                        token = tokenBlocking(op);
                        refreshed = true;
                    }
                    case REDIRECT -> {
                        url = step.url;
                        token = step.token;
                        refreshed = true;
                    }
                    default -> {
                        // RESEND: the same attempt on another connection; RETRY: leave the loop and wait.
                    }
                }
            } while (step.kind != Kind.RETRY);
            waitBlocking(op, step.delay);
        }
    }

    private AccessToken tokenBlocking(Operation op) {
        AccessToken token;
        long start = System.nanoTime();
        try {
            token = config.tokens().getToken();
        } catch (RuntimeException e) {
            tokenDone(null, e, start);
            throw sticky(op, e);
        }
        tokenDone(token, null, start);
        if (token == null) {
            throw sticky(op, new ConnectorException("The TokenProvider returned no token"));
        }
        return token;
    }

    private void waitBlocking(Operation op, Duration delay) {
        try {
            config.retryPolicy().sleeper().sleep(delay).toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw sticky(op, new ConnectorException("Interrupted while waiting to retry " + op.describe()
                    + "; not retried", e));
        } catch (ExecutionException | RuntimeException e) {
            throw sticky(op, rethrow(e));
        }
    }

    // -------------------------------------------------------------------------------------- asynchronous driver

    private void startAttempt(Operation op) {
        if (op.promise.isDone()) {
            return;
        }
        try {
            beginAttempt(op);
        } catch (RuntimeException e) {
            op.promise.completeExceptionally(e);
            return;
        }
        HttpUrl url = op.exchange.url();
        tokenAsync(op, token -> sendAsync(op, url, token, false));
    }

    private void tokenAsync(Operation op, Consumer<AccessToken> then) {
        long start = System.nanoTime();
        whenDone(op, () -> listening
                ? config.tokens().getTokenAsync().whenComplete((token, error) -> tokenDone(token, error, start))
                : config.tokens().getTokenAsync(), token -> {
            if (token == null) {
                op.promise.completeExceptionally(sticky(op,
                        new ConnectorException("The TokenProvider returned no token")));
            } else {
                then.accept(token);
            }
        });
    }

    /** Continues with {@code next} when {@code stage} completes; any failure on the way fails the operation. */
    private static <T> void whenDone(Operation op, Supplier<? extends CompletionStage<T>> stage, Consumer<T> next) {
        CompletableFuture<T> f;
        try {
            f = stage.get().toCompletableFuture();
        } catch (RuntimeException e) {
            op.promise.completeExceptionally(sticky(op, e));
            return;
        }
        f.whenComplete((value, error) -> {
            if (error != null) {
                op.promise.completeExceptionally(sticky(op, rethrow(error)));
                return;
            }
            try {
                next.accept(value);
            } catch (RuntimeException e) {
                op.promise.completeExceptionally(e);
            }
        });
    }

    private void sendAsync(Operation op, HttpUrl url, AccessToken token, boolean refreshed) {
        if (op.promise.isDone()) {
            return;
        }
        AttemptTag tag = new AttemptTag(op.attempt, token);
        Call call = http.newCall(request(op, url, tag));
        op.call = call;
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                continueAsync(op, url, token, refreshed, HttpPipeline.this.onFailure(op, tag, e));
            }

            @Override
            public void onResponse(Call c, Response response) {
                continueAsync(op, url, token, refreshed, HttpPipeline.this.onResponse(op, url, tag, refreshed,
                        response));
            }
        });
    }

    private void continueAsync(Operation op, HttpUrl url, AccessToken token, boolean refreshed, Step step) {
        switch (step.kind) {
            case DONE -> {
                if (!op.promise.complete(step.result) && step.result.stream() != null) {
                    step.result.stream().close();
                }
            }
            case FAIL -> op.promise.completeExceptionally(step.failure);
            case REFRESH -> tokenAsync(op, fresh -> sendAsync(op, url, fresh, true));
            case REDIRECT -> sendAsync(op, step.url, step.token, true);
            case RESEND -> sendAsync(op, url, token, refreshed);
            case RETRY -> whenDone(op, () -> config.retryPolicy().sleeper().sleep(step.delay), v -> startAttempt(op));
            default -> throw new IllegalStateException(step.kind.name());
        }
    }

    // ------------------------------------------------------------------------------- steps shared by both drivers

    /** What to do after an exchange. */
    private enum Kind { DONE, FAIL, RETRY, REFRESH, REDIRECT, RESEND }

    /** The outcome of one exchange. */
    private record Step(Kind kind, Result result, RuntimeException failure, Duration delay, HttpUrl url,
                        AccessToken token) {
        static Step done(Result result) {
            return new Step(Kind.DONE, result, null, null, null, null);
        }

        static Step fail(RuntimeException failure) {
            return new Step(Kind.FAIL, null, failure, null, null, null);
        }

        static Step retry(Duration delay) {
            return new Step(Kind.RETRY, null, null, delay, null, null);
        }

        static Step of(Kind kind) {
            return new Step(kind, null, null, null, null, null);
        }

        static Step redirect(HttpUrl url, AccessToken token) {
            return new Step(Kind.REDIRECT, null, null, null, url, token);
        }
    }

    /**
     * {@code User-Agent}, {@code Accept} and, with {@code token}, {@code Authorization}: the headers that do not change
     * from request to request, validated by OkHttp once per token instead of once per request (a bearer token is 1-2
     * KB).
     */
    private Headers fixedHeaders(boolean stream, AccessToken token) {
        Headers base = stream ? streamHeaders : jsonHeaders;
        if (token == null) {
            return base;
        }
        BearerHeaders last = stream ? lastStreamBearer : lastJsonBearer;
        if (last != null && (last.token == token || last.token.token().equals(token.token()))) {
            return last.headers;
        }
        BearerHeaders fresh = new BearerHeaders(token, base.newBuilder().add("Authorization", bearer(token)).build());
        if (stream) {
            lastStreamBearer = fresh;
        } else {
            lastJsonBearer = fresh;
        }
        return fresh.headers;
    }

    /** The fixed headers of requests sent with {@code token}. */
    private record BearerHeaders(AccessToken token, Headers headers) {
    }

    /** Starts an attempt: counts it and checks the host before any token is requested. */
    private void beginAttempt(Operation op) {
        if (closed) {
            throw new IllegalStateException("This ConnectorClient has been closed; build a new one (closing a client"
                    + " also stops its siblings)");
        }
        op.attempt++;
        op.hops = 0;
        try {
            config.trustedHosts().check(op.exchange.url());
        } catch (UntrustedHostException e) {
            throw sticky(op, e);
        }
    }

    private Request request(Operation op, HttpUrl url, AttemptTag tag) {
        Exchange ex = op.exchange;
        // No caller interceptor or event listener runs before ours on a client built here, so the Authorization
        // header can be set now instead of by copying the request in the interceptor.
        boolean bearer = ownsClient && tag.token != null;
        Request.Builder rb = new Request.Builder()
                .url(url)
                .headers(fixedHeaders(ex.stream(), bearer ? tag.token : null))
                .addHeader("x-ms-client-request-id", op.clientRequestId)
                .tag(AttemptTag.class, tag);
        tag.bearerSet = bearer;
        if (listening) {
            listener.requestStart(event(op));
        }
        rb.method(ex.method(), ex.body() != null ? new OneShotJson(ex.body()) : emptyBodyFor(ex.method()));
        return rb.build();
    }

    private Step onResponse(Operation op, HttpUrl url, AttemptTag tag, boolean refreshed, Response response) {
        try {
            return answered(op, url, tag, refreshed, response);
        } catch (IOException e) {
            response.close();
            return onFailure(op, tag, e);
        } catch (RuntimeException e) {
            response.close();
            return Step.fail(e);
        }
    }

    private Step answered(Operation op, HttpUrl url, AttemptTag tag, boolean refreshed, Response response)
            throws IOException {
        int code = response.code();
        if (listening) {
            listener.requestEnd(event(op), code, response.header("x-ms-request-id"),
                    Duration.ofNanos(System.nanoTime() - tag.startNanos));
        }
        if (code == 401 && tag.token != null && !refreshed) {
            response.close();
            LOG.debug("{} answered 401; reporting the token as rejected and retrying once with a new token",
                    op.describe());
            config.tokens().tokenRejected(tag.token);
            return Step.of(Kind.REFRESH);
        }
        if (code == 401 && tag.token != null) {
            config.tokens().tokenRejected(tag.token);
        }
        if (op.exchange.stream() && code >= 300 && code < 400 && response.header("Location") != null) {
            HttpUrl next = url.resolve(response.header("Location"));
            response.close();
            return redirect(op, url, next, tag.token);
        }
        if (op.exchange.stream() && response.isSuccessful()) {
            return Step.done(new Result(code, response.headers(), null, response.body(), op.attempt, tag.token,
                    op.possiblyDelivered));
        }
        byte[] body;
        try (ResponseBody rb = response.body()) {
            body = rb.bytes();
        }
        Result result = new Result(code, response.headers(), body, null, op.attempt, tag.token, op.possiblyDelivered);
        if (response.isSuccessful()) {
            return Step.done(result);
        }
        RetryPolicy policy = config.retryPolicy();
        Duration retryAfter = retryAfter(response.headers());
        if (code == 429 && listening) {
            listener.throttled(event(op), retryAfter);
        }
        RetryPolicy.Decision decision = policy.onStatus(code, op.attempt, op.elapsed(policy), retryAfter);
        String reason = "HTTP " + code + (retryAfter == null ? "" : " (Retry-After " + retryAfter.toSeconds() + " s)");
        if (decision.retry()) {
            retryScheduled(op, reason, decision.delay(), response.header("x-ms-request-id"));
            return Step.retry(decision.delay());
        }
        if (op.attempt > 1 || policy.retryableStatuses().contains(code)) {
            LOG.warn("{} failed: {}; not retried: {} (attempts: {}, x-ms-request-id: {}, x-ms-client-request-id: {})",
                    op.describe(), reason, decision.reason(), op.attempt, response.header("x-ms-request-id"),
                    op.clientRequestId);
        }
        return Step.done(result);
    }

    private void retryScheduled(Operation op, String reason, Duration delay, String requestId) {
        retryLog.retrying(op, reason, delay, requestId);
        if (listening) {
            listener.retryScheduled(event(op), reason, delay);
        }
    }

    private Step redirect(Operation op, HttpUrl from, HttpUrl next, AccessToken token) {
        if (next == null || ++op.hops > MAX_REDIRECTS) {
            return Step.fail(new ConnectorException("GET " + op.exchange.url().encodedPath() + " was redirected"
                    + " more than " + MAX_REDIRECTS + " times or to an invalid URL; giving up"));
        }
        try {
            config.trustedHosts().check(next);
        } catch (UntrustedHostException e) {
            return Step.fail(e);
        }
        HttpUrl origin = op.exchange.url();
        boolean sameOrigin = next.scheme().equals(origin.scheme()) && next.host().equals(origin.host())
                && next.port() == origin.port();
        LOG.debug("Following redirect {} -> {}{} (token {})", from.encodedPath(), next.host(), next.encodedPath(),
                sameOrigin ? "kept, same host" : "not sent, other host");
        return Step.redirect(next, sameOrigin ? token : null);
    }

    private Step onFailure(Operation op, AttemptTag tag, IOException e) {
        if (e instanceof StaleConnections.StaleConnectionException && ++op.staleResends <= MAX_STALE_RESENDS) {
            LOG.debug("{}: {}; sending on another connection", op.describe(), e.getMessage());
            return Step.of(Kind.RESEND);
        }
        if (listening) {
            listener.requestFailed(event(op), e, Duration.ofNanos(System.nanoTime() - tag.startNanos));
        }
        String method = op.exchange.method();
        String path = op.exchange.url().encodedPath();
        RetryPolicy policy = config.retryPolicy();
        boolean sent = tag.sent;
        boolean mayHaveDelivered = sent && !policy.isIdempotent(method);
        if (mayHaveDelivered) {
            op.possiblyDelivered = true;
        }
        RetryPolicy.Decision decision = e instanceof InterruptedIOException && Thread.currentThread().isInterrupted()
                ? new RetryPolicy.Decision(false, Duration.ZERO, "the calling thread was interrupted")
                : policy.onFailure(method, sent, op.attempt, op.elapsed(policy));
        if (decision.retry()) {
            retryScheduled(op, describe(e) + (sent ? " after the request was sent" : ""), decision.delay(), null);
            return Step.retry(decision.delay());
        }
        LOG.warn("{} failed: {}{}; not retried: {} (attempts: {}, x-ms-client-request-id: {})", op.describe(),
                describe(e), sent ? " after the request was sent" : "", decision.reason(), op.attempt,
                op.clientRequestId);
        if (mayHaveDelivered) {
            return Step.fail(new PossiblyDeliveredException(method + " " + path + " failed after the request was"
                    + " sent (" + describe(e) + "), so the message may have been delivered. It was not retried ("
                    + decision.reason() + ") to avoid a duplicate; check the conversation before sending again"
                    + (policy.retryPossiblyDeliveredRequests() ? "" : ", or enable"
                    + " RetryPolicy.builder().retryPossiblyDeliveredRequests(true)") + ". Attempts: " + op.attempt
                    + ".", method, path, op.attempt, e));
        }
        return Step.fail(sticky(op, new ConnectorIOException(method + " " + path + " failed: " + describe(e)
                + (sent ? " after the request was sent (it may have been processed)" : " before the request was"
                + " sent") + ". Attempts: " + op.attempt + ". Check the network and the service URL, then try"
                + " again.", method, path, op.attempt, sent, e)));
    }

    /**
     * Once an attempt may have delivered the request, every final failure says so: {@code failure} becomes the cause
     * of a {@link PossiblyDeliveredException}.
     */
    private static RuntimeException sticky(Operation op, RuntimeException failure) {
        if (!op.possiblyDelivered || failure instanceof PossiblyDeliveredException) {
            return failure;
        }
        return possiblyDelivered(op.exchange.method(), op.exchange.url().encodedPath(), op.attempt, failure);
    }

    /**
     * The exception for a request that an earlier attempt may have delivered and whose last attempt failed with
     * {@code failure} (an error status, a token or network failure).
     */
    public static PossiblyDeliveredException possiblyDelivered(String method, String path, int attempts,
                                                               RuntimeException failure) {
        return new PossiblyDeliveredException(method + " " + path + ": an earlier attempt failed after the request was"
                + " sent, so the message may have been delivered; the retry then failed: " + failure.getMessage()
                + " Check the conversation before sending again. Attempts: " + attempts + ".", method, path, attempts,
                failure);
    }

    /** A random version-4 UUID for {@code x-ms-client-request-id}; correlation only, so no secure random needed. */
    private static String clientRequestId() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    private static String bearer(AccessToken token) {
        return "Bearer " + token.token();
    }

    private static RequestBody emptyBodyFor(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH")
                ? new OneShotJson(new byte[0]) : null;
    }

    /** Parses {@code Retry-After} as delta-seconds or an HTTP-date; {@code null} when absent or unreadable. */
    Duration retryAfter(Headers headers) {
        String value = headers.get("Retry-After");
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(config.retryPolicy().clock().instant(), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** State of one logical request across attempts. */
    private static final class Operation {
        final Exchange exchange;
        final String clientRequestId;
        final Instant start;
        final long startNanos = System.nanoTime();
        final CompletableFuture<Result> promise = new CompletableFuture<>();
        volatile Call call;
        volatile int attempt;
        volatile int hops;
        volatile int staleResends;
        /** Sticky: an attempt failed after the request was written, so it may have been processed. */
        volatile boolean possiblyDelivered;

        Operation(Exchange exchange, String clientRequestId, Instant start) {
            this.exchange = exchange;
            this.clientRequestId = clientRequestId;
            this.start = start;
        }

        Duration elapsed(RetryPolicy policy) {
            return Duration.between(start, policy.clock().instant());
        }

        String describe() {
            return exchange.method() + " " + exchange.url().encodedPath();
        }

        void cancel() {
            Call c = call;
            if (c != null) {
                c.cancel();
            }
        }
    }

    /**
     * Retries at INFO, at most {@link #MAX_LINES} lines per {@link #WINDOW} per pipeline so that a throttled
     * broadcast does not flood the log; the next line after a quiet window says how many were left out.
     */
    private static final class RetryLog {
        static final int MAX_LINES = 10;
        static final Duration WINDOW = Duration.ofSeconds(10);

        private final java.time.Clock clock;
        private Instant windowStart = Instant.MIN;
        private int lines;
        private int suppressed;

        RetryLog(java.time.Clock clock) {
            this.clock = clock;
        }

        void retrying(Operation op, String reason, Duration delay, String requestId) {
            LOG.debug("{}: {}; retrying in {} ms (attempt {})", op.describe(), reason, delay.toMillis(),
                    op.attempt + 1);
            if (!LOG.isInfoEnabled()) {
                return;
            }
            int left;
            synchronized (this) {
                Instant now = clock.instant();
                if (windowStart == Instant.MIN || !now.isBefore(windowStart.plus(WINDOW))) {
                    windowStart = now;
                    lines = 0;
                }
                if (lines >= MAX_LINES) {
                    suppressed++;
                    return;
                }
                lines++;
                left = suppressed;
                suppressed = 0;
            }
            LOG.info("Retrying {} in {} ms after {} (attempt {} done; x-ms-request-id: {}, x-ms-client-request-id:"
                            + " {}){}", op.describe(), delay.toMillis(), reason, op.attempt, requestId,
                    op.clientRequestId, left == 0 ? "" : "; " + left + " retry lines were left out before this one");
        }
    }

    /** Per-attempt data carried on the OkHttp request as a tag. */
    static final class AttemptTag {
        final int attempt;
        final AccessToken token;
        final long startNanos = System.nanoTime();
        volatile boolean sent;
        /** Whether the request was built with the Authorization header (the interceptor then leaves it). */
        boolean bearerSet;

        AttemptTag(int attempt, AccessToken token) {
            this.attempt = attempt;
            this.token = token;
        }
    }

    /** A JSON body that OkHttp must not send twice on its own (no silent retry of a possibly delivered POST). */
    private static final class OneShotJson extends RequestBody {
        private final byte[] bytes;

        OneShotJson(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public MediaType contentType() {
            return JSON;
        }

        @Override
        public long contentLength() {
            return bytes.length;
        }

        @Override
        public boolean isOneShot() {
            return true;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            sink.write(bytes);
        }
    }

    /** The interceptors, as static methods. */
    static final class PipelineInterceptors {
        private PipelineInterceptors() {
        }

        /**
         * The application interceptor: adds the bearer token of the attempt (never re-added on a redirect hop), then
         * logs method, path, status, duration and attempt at debug level; no headers or bodies. One interceptor, so
         * OkHttp builds one chain step per request for both.
         */
        static Response authorizeAndLog(Interceptor.Chain chain) throws IOException {
            Request request = chain.request();
            AttemptTag tag = request.tag(AttemptTag.class);
            if (tag != null && tag.token != null && !tag.bearerSet) {
                request = request.newBuilder().header("Authorization", bearer(tag.token)).build();
            }
            int attempt = tag == null ? 0 : tag.attempt;
            long start = System.nanoTime();
            try {
                Response response = chain.proceed(request);
                if (LOG.isDebugEnabled()) {
                    LOG.debug("{} {}{} -> {} in {} ms (attempt {}, Authorization: {}, x-ms-request-id: {})",
                            request.method(), request.url().host(), request.url().encodedPath(), response.code(),
                            (System.nanoTime() - start) / 1_000_000, attempt,
                            request.header("Authorization") == null ? "none" : "Bearer <redacted>",
                            response.header("x-ms-request-id"));
                }
                return response;
            } catch (IOException e) {
                LOG.debug("{} {}{} failed after {} ms (attempt {}): {}", request.method(), request.url().host(),
                        request.url().encodedPath(), (System.nanoTime() - start) / 1_000_000, attempt, describe(e));
                throw e;
            }
        }
    }
}
