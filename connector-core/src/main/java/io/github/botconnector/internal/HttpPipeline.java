package io.github.botconnector.internal;

import io.github.botconnector.BotConnectorException;
import io.github.botconnector.ConnectorIOException;
import io.github.botconnector.PossiblyDeliveredException;
import io.github.botconnector.RetryPolicy;
import io.github.botconnector.UntrustedHostException;
import io.github.botconnector.auth.AccessToken;
import io.github.botconnector.auth.BotCloud;
import io.github.botconnector.auth.TokenProvider;
import io.github.botconnector.auth.TrustedHosts;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
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
 * request id (kept across retries); retry; trusted-host check (before a token is requested); bearer token (an OkHttp
 * application interceptor; on 401 the token is reported as rejected, a new one fetched and the request sent once
 * more); debug logging without headers or bodies. Asynchronous by default: OkHttp {@code enqueue}, the token
 * provider's {@code getTokenAsync()} and the retry policy's sleeper. Not public API.
 */
public final class HttpPipeline {

    static final Logger LOG = LoggerFactory.getLogger("io.github.botconnector.http");
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final Set<Integer> RETRYABLE = Set.of(412, 429, 502, 503, 504);
    private static final int MAX_REDIRECTS = 5;

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
     */
    public record Config(OkHttpClient httpClient, Duration connectTimeout, Duration readTimeout, Duration callTimeout,
                         int maxInFlight, TokenProvider tokens, TrustedHosts trustedHosts, RetryPolicy retryPolicy,
                         BotCloud cloud, String userAgentSuffix) {
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
     * @param status   HTTP status
     * @param headers  response headers
     * @param body     body bytes ({@code null} when streamed)
     * @param stream   the unread body of a streamed success, or {@code null}
     * @param attempts attempts made
     * @param token    the token sent with the last attempt, or {@code null}
     */
    public record Result(int status, Headers headers, byte[] body, ResponseBody stream, int attempts,
                         AccessToken token) {
    }

    private final OkHttpClient http;
    private final boolean ownsClient;
    private final Config config;
    private final String userAgent;
    private volatile boolean closed;

    /** Builds the OkHttp client (own dispatcher, redirects off, auth and logging interceptors). */
    public HttpPipeline(Config config) {
        this.config = Objects.requireNonNull(config, "config");
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(config.maxInFlight());
        dispatcher.setMaxRequestsPerHost(config.maxInFlight());
        OkHttpClient.Builder b;
        if (config.httpClient() != null) {
            b = config.httpClient().newBuilder();
            ownsClient = false;
        } else {
            // Keep as many idle connections as requests may run at once (OkHttp keeps 5 by default, so more
            // concurrent senders would open and close connections all the time).
            b = new OkHttpClient.Builder()
                    .connectionPool(new ConnectionPool(Math.max(5, Math.min(config.maxInFlight(), 64)), 5,
                            TimeUnit.MINUTES))
                    .connectTimeout(Duration.ofSeconds(10))
                    .readTimeout(Duration.ofSeconds(30));
            ownsClient = true;
        }
        if (config.connectTimeout() != null) {
            b.connectTimeout(config.connectTimeout());
        }
        if (config.readTimeout() != null) {
            b.readTimeout(config.readTimeout());
        }
        if (config.callTimeout() != null) {
            b.callTimeout(config.callTimeout());
        }
        this.http = b.dispatcher(dispatcher)
                .followRedirects(false)
                .followSslRedirects(false)
                .addInterceptor(PipelineInterceptors::authorize)
                .addInterceptor(PipelineInterceptors::log)
                .addNetworkInterceptor(PipelineInterceptors::markSent)
                .build();
        this.userAgent = SdkInfo.userAgent(config.userAgentSuffix());
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

    /** Runs {@code exchange} through the pipeline; the future fails with the SDK's exceptions. */
    public CompletableFuture<Result> execute(Exchange exchange) {
        return execute(exchange, false);
    }

    /**
     * Runs {@code exchange} through the pipeline. With {@code blocking} each HTTP exchange runs on the calling thread
     * ({@code Call.execute()}), which saves two thread hand-offs per request for callers that wait anyway; the
     * returned future is then complete unless a retry delay is pending. Without it, OkHttp's {@code enqueue} drives the
     * request and no thread waits.
     */
    public CompletableFuture<Result> execute(Exchange exchange, boolean blocking) {
        Operation op = new Operation(exchange, clientRequestId(), config.retryPolicy().clock().instant(), blocking);
        op.promise.whenComplete((r, e) -> {
            if (op.promise.isCancelled()) {
                op.cancel();
            }
        });
        startAttempt(op);
        return op.promise;
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
            throw new BotConnectorException("Interrupted while waiting for the Bot Connector; the request was"
                    + " cancelled (a send may still have been delivered)", e);
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
        return new BotConnectorException("Unexpected failure: " + c, c);
    }

    static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    private void startAttempt(Operation op) {
        if (op.promise.isDone()) {
            return;
        }
        if (closed) {
            op.promise.completeExceptionally(new IllegalStateException("This ConnectorClient has been closed; build a"
                    + " new one (closing a client also stops its siblings)"));
            return;
        }
        op.attempt++;
        op.hops = 0;
        HttpUrl url = op.exchange.url();
        try {
            config.trustedHosts().check(url);
        } catch (UntrustedHostException e) {
            op.promise.completeExceptionally(e);
            return;
        }
        fetchToken(op, token -> send(op, url, token, false));
    }

    private void fetchToken(Operation op, java.util.function.Consumer<AccessToken> then) {
        CompletableFuture<AccessToken> f;
        try {
            f = config.tokens().getTokenAsync();
        } catch (RuntimeException e) {
            op.promise.completeExceptionally(e);
            return;
        }
        f.whenComplete((token, error) -> {
            if (error != null) {
                op.promise.completeExceptionally(unwrap(error));
            } else if (token == null) {
                op.promise.completeExceptionally(new BotConnectorException("The TokenProvider returned no token"));
            } else {
                try {
                    then.accept(token);
                } catch (RuntimeException e) {
                    op.promise.completeExceptionally(e);
                }
            }
        });
    }

    private void send(Operation op, HttpUrl url, AccessToken token, boolean refreshed) {
        if (op.promise.isDone()) {
            return;
        }
        Exchange ex = op.exchange;
        AttemptTag tag = new AttemptTag(op.attempt, token);
        Request.Builder rb = new Request.Builder()
                .url(url)
                .header("User-Agent", userAgent)
                .header("x-ms-client-request-id", op.clientRequestId)
                .header("Accept", ex.stream() ? "*/*" : "application/json")
                .tag(AttemptTag.class, tag);
        rb.method(ex.method(), ex.body() != null ? new OneShotJson(ex.body()) : emptyBodyFor(ex.method()));
        Call call = http.newCall(rb.build());
        op.call = call;
        if (op.blocking) {
            Response response;
            try {
                response = call.execute();
            } catch (IOException e) {
                onIoFailure(op, tag, e);
                return;
            }
            handleResponse(op, url, tag, refreshed, response);
            return;
        }
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                onIoFailure(op, tag, e);
            }

            @Override
            public void onResponse(Call c, Response response) {
                handleResponse(op, url, tag, refreshed, response);
            }
        });
    }

    private void handleResponse(Operation op, HttpUrl url, AttemptTag tag, boolean refreshed, Response response) {
        try {
            onHttpResponse(op, url, tag, refreshed, response);
        } catch (RuntimeException | IOException e) {
            response.close();
            if (e instanceof IOException io) {
                onIoFailure(op, tag, io);
            } else {
                op.promise.completeExceptionally(e);
            }
        }
    }

    /** A random version-4 UUID for {@code x-ms-client-request-id}; correlation only, so no secure random needed. */
    private static String clientRequestId() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    private static RequestBody emptyBodyFor(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH")
                ? new OneShotJson(new byte[0]) : null;
    }

    private void onHttpResponse(Operation op, HttpUrl url, AttemptTag tag, boolean refreshed, Response response)
            throws IOException {
        int code = response.code();
        if (code == 401 && tag.token != null && !refreshed) {
            response.close();
            LOG.debug("{} {} answered 401; reporting the token as rejected and retrying once with a new token",
                    op.exchange.method(), url.encodedPath());
            config.tokens().tokenRejected(tag.token);
            fetchToken(op, fresh -> send(op, url, fresh, true));
            return;
        }
        if (code == 401 && tag.token != null) {
            config.tokens().tokenRejected(tag.token);
        }
        if (op.exchange.stream() && code >= 300 && code < 400 && response.header("Location") != null) {
            HttpUrl next = url.resolve(response.header("Location"));
            response.close();
            followRedirect(op, url, next, tag.token);
            return;
        }
        if (op.exchange.stream() && response.isSuccessful()) {
            if (!op.promise.complete(new Result(code, response.headers(), null, response.body(), op.attempt,
                    tag.token))) {
                response.close();
            }
            return;
        }
        byte[] body;
        try (ResponseBody rb = response.body()) {
            body = rb.bytes();
        }
        Result result = new Result(code, response.headers(), body, null, op.attempt, tag.token);
        if (response.isSuccessful() || !RETRYABLE.contains(code)) {
            op.promise.complete(result);
            return;
        }
        Duration retryAfter = retryAfter(response.headers());
        retryOrFinish(op, retryAfter, "HTTP " + code, () -> {
            op.promise.complete(result);
            return null;
        });
    }

    private void followRedirect(Operation op, HttpUrl from, HttpUrl next, AccessToken token) {
        if (next == null || ++op.hops > MAX_REDIRECTS) {
            op.promise.completeExceptionally(new BotConnectorException("GET " + op.exchange.url().encodedPath()
                    + " was redirected more than " + MAX_REDIRECTS + " times or to an invalid URL; giving up"));
            return;
        }
        try {
            config.trustedHosts().check(next);
        } catch (UntrustedHostException e) {
            op.promise.completeExceptionally(e);
            return;
        }
        HttpUrl origin = op.exchange.url();
        boolean sameOrigin = next.scheme().equals(origin.scheme()) && next.host().equals(origin.host())
                && next.port() == origin.port();
        LOG.debug("Following redirect {} -> {}{} (token {})", from.encodedPath(), next.host(), next.encodedPath(),
                sameOrigin ? "kept, same host" : "not sent, other host");
        send(op, next, sameOrigin ? token : null, true);
    }

    private void onIoFailure(Operation op, AttemptTag tag, IOException e) {
        if (op.promise.isDone()) {
            return;
        }
        String method = op.exchange.method();
        String path = op.exchange.url().encodedPath();
        boolean idempotent = method.equals("GET") || method.equals("PUT") || method.equals("DELETE")
                || method.equals("HEAD");
        boolean sent = tag.sent;
        if (sent && !idempotent && !config.retryPolicy().retryPossiblyDeliveredRequests()) {
            op.promise.completeExceptionally(new PossiblyDeliveredException(method + " " + path + " failed after the"
                    + " request was sent (" + describe(e) + "), so the message may have been delivered. It was not"
                    + " retried to avoid a duplicate; check the conversation before sending again, or enable"
                    + " RetryPolicy.builder().retryPossiblyDeliveredRequests(true). Attempts: " + op.attempt + ".",
                    method, path, op.attempt, e));
            return;
        }
        retryOrFinish(op, null, describe(e), () -> {
            op.promise.completeExceptionally(new ConnectorIOException(method + " " + path + " failed: " + describe(e)
                    + (sent ? " after the request was sent (it may have been processed)" : " before the request was"
                    + " sent") + ". Attempts: " + op.attempt + ". Check the network and the service URL, then try"
                    + " again.", method, path, op.attempt, sent, e));
            return null;
        });
    }

    private void retryOrFinish(Operation op, Duration retryAfter, String reason, Supplier<Void> finish) {
        RetryPolicy policy = config.retryPolicy();
        if (op.attempt >= policy.maxAttempts()) {
            finish.get();
            return;
        }
        Duration delay = policy.delay(op.attempt, retryAfter);
        Duration elapsed = Duration.between(op.start, policy.clock().instant());
        if (elapsed.plus(delay).compareTo(policy.totalBudget()) > 0) {
            LOG.debug("{} {}: {}; not retrying, the retry budget of {} would be exceeded", op.exchange.method(),
                    op.exchange.url().encodedPath(), reason, policy.totalBudget());
            finish.get();
            return;
        }
        LOG.debug("{} {}: {}; retrying in {} ms (attempt {} of {})", op.exchange.method(),
                op.exchange.url().encodedPath(), reason, delay.toMillis(), op.attempt + 1, policy.maxAttempts());
        CompletableFuture<Void> wait;
        try {
            wait = policy.sleeper().sleep(delay).toCompletableFuture();
        } catch (RuntimeException e) {
            op.promise.completeExceptionally(e);
            return;
        }
        wait.whenComplete((v, e) -> {
            if (e != null) {
                op.promise.completeExceptionally(unwrap(e));
            } else {
                startAttempt(op);
            }
        });
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
        final boolean blocking;
        final CompletableFuture<Result> promise = new CompletableFuture<>();
        volatile Call call;
        volatile int attempt;
        volatile int hops;

        Operation(Exchange exchange, String clientRequestId, Instant start, boolean blocking) {
            this.exchange = exchange;
            this.clientRequestId = clientRequestId;
            this.start = start;
            this.blocking = blocking;
        }

        void cancel() {
            Call c = call;
            if (c != null) {
                c.cancel();
            }
        }
    }

    /** Per-attempt data carried on the OkHttp request as a tag. */
    static final class AttemptTag {
        final int attempt;
        final AccessToken token;
        volatile boolean sent;

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

        /** Application interceptor: adds the bearer token of the attempt (never re-added on a redirect hop). */
        static Response authorize(Interceptor.Chain chain) throws IOException {
            Request request = chain.request();
            AttemptTag tag = request.tag(AttemptTag.class);
            if (tag != null && tag.token != null) {
                request = request.newBuilder().header("Authorization", "Bearer " + tag.token.token()).build();
            }
            return chain.proceed(request);
        }

        /** Application interceptor: method, path, status, duration and attempt at debug level; no headers or bodies. */
        static Response log(Interceptor.Chain chain) throws IOException {
            Request request = chain.request();
            AttemptTag tag = request.tag(AttemptTag.class);
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

        /** Network interceptor: records that a connection exists and the request is about to be written. */
        static Response markSent(Interceptor.Chain chain) throws IOException {
            AttemptTag tag = chain.request().tag(AttemptTag.class);
            if (tag != null) {
                tag.sent = true;
            }
            return chain.proceed(chain.request());
        }
    }
}
