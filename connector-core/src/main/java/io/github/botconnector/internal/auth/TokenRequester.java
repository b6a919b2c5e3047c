package io.github.botconnector.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.botconnector.auth.AccessToken;
import io.github.botconnector.exception.TokenAcquisitionException;
import io.github.botconnector.internal.Json;
import io.github.botconnector.internal.SdkTimer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes token requests asynchronously (OkHttp {@code enqueue}), retries what may succeed later
 * ({@code temporarily_unavailable}, 429/5xx honouring {@code Retry-After}, network failures) and never what will not
 * (400 {@code invalid_client} and every other 4xx), and turns the answer into an {@link AccessToken} or a
 * {@link TokenAcquisitionException} with the Azure AD error code and a hint. Never logs or reports a request body or
 * a successful response body. Not public API.
 */
public final class TokenRequester {

    private static final Logger LOG = LoggerFactory.getLogger(TokenRequester.class);
    private static final long MAX_BODY_BYTES = 1024 * 1024;

    /** Default number of attempts per token fetch. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    /** Longest {@code Retry-After} that is waited for; a longer one fails the fetch at once. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

    private final OkHttpClient http;
    private final Clock clock;
    private final Function<Duration, ? extends CompletionStage<?>> delay;
    private final int maxAttempts;

    /**
     * @param http        client whose pool, dispatcher, proxy, TLS settings and timeouts are shared; its interceptors
     *                    are not used (an application's logging interceptor could log the form body with the secret,
     *                    and an interceptor that attaches Bot Connector tokens would call back into the credential);
     *                    redirects are not followed
     * @param clock       time source for expiry and {@code Retry-After} dates
     * @param delay       how a retry waits; {@code null} for a real delay
     * @param maxAttempts attempts per fetch, at least 1
     * @param noProxy     whether to bypass any proxy (managed-identity endpoints are host-local)
     */
    public TokenRequester(OkHttpClient http, Clock clock, Function<Duration, ? extends CompletionStage<?>> delay,
                          int maxAttempts, boolean noProxy) {
        OkHttpClient.Builder b = Objects.requireNonNull(http, "http").newBuilder()
                .followRedirects(false).followSslRedirects(false);
        b.interceptors().clear();
        b.networkInterceptors().clear();
        if (noProxy) {
            b.proxy(java.net.Proxy.NO_PROXY);
        }
        this.http = b.build();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.delay = delay != null ? delay : TokenRequester::realDelay;
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
    }

    /** The OkHttp client used for token requests (shares the caller's pool). */
    public OkHttpClient http() {
        return http;
    }

    /**
     * A default OkHttp client with realistic timeouts for token and key-document requests. Its dispatcher runs on
     * daemon threads: credentials have no close method, and an idle dispatcher thread must not keep the JVM alive.
     */
    public static OkHttpClient defaultClient() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "bot-connector-token");
                    thread.setDaemon(true);
                    return thread;
                });
        return new OkHttpClient.Builder()
                .dispatcher(new Dispatcher(executor))
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(20, TimeUnit.SECONDS)
                .callTimeout(60, TimeUnit.SECONDS)
                .build();
    }

    /**
     * Fetches a token. {@code request} is called for every attempt (assertions are signed or re-read per attempt).
     */
    public CompletableFuture<AccessToken> fetch(Supplier<Request> request, TokenErrors.Context context) {
        CompletableFuture<AccessToken> result = new CompletableFuture<>();
        attempt(1, request, context, result);
        return result;
    }

    private void attempt(int attempt, Supplier<Request> requestFactory, TokenErrors.Context ctx,
                         CompletableFuture<AccessToken> result) {
        Request request;
        try {
            request = requestFactory.get();
        } catch (TokenAcquisitionException e) {
            result.completeExceptionally(e);
            return;
        } catch (RuntimeException e) {
            result.completeExceptionally(new TokenAcquisitionException(
                    ctx.prefix() + ": could not build the token request: " + e.getMessage(), e));
            return;
        }
        LOG.debug("Token request {} of {} for {}: {} {}", attempt, maxAttempts, ctx.summary(), request.method(),
                ctx.endpoint());
        http.newCall(request).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                if (attempt < maxAttempts && !(e instanceof UnknownHostException)) {
                    Duration wait = backoff(attempt);
                    LOG.debug("Token request for {} failed ({}); retrying in {} ms", ctx.summary(), e.toString(),
                            wait.toMillis());
                    retry(attempt, wait, requestFactory, ctx, result);
                    return;
                }
                result.completeExceptionally(TokenErrors.networkFailure(ctx, e, attempt));
            }

            @Override
            public void onResponse(Call call, Response response) {
                try (response) {
                    handle(attempt, response, requestFactory, ctx, result);
                } catch (RuntimeException e) {
                    result.completeExceptionally(new TokenAcquisitionException(
                            ctx.prefix() + ": could not read the token response: " + e.getMessage(), null,
                            response.code(), e));
                }
            }
        });
    }

    private void handle(int attempt, Response response, Supplier<Request> requestFactory, TokenErrors.Context ctx,
                        CompletableFuture<AccessToken> result) {
        int status = response.code();
        String body;
        try {
            body = readLimited(response.body());
        } catch (IOException e) {
            if (attempt < maxAttempts && (e instanceof InterruptedIOException || e instanceof ConnectException)) {
                retry(attempt, backoff(attempt), requestFactory, ctx, result);
                return;
            }
            result.completeExceptionally(new TokenAcquisitionException(
                    ctx.prefix() + ": could not read the token response (HTTP " + status + "): " + e.getMessage(),
                    null, status, e));
            return;
        }
        if (status == 200) {
            try {
                AccessToken token = parseToken(body, clock.instant());
                LOG.debug("Token for {} received, expires at {}", ctx.summary(), token.expiresAt());
                result.complete(token);
            } catch (IllegalArgumentException e) {
                result.completeExceptionally(new TokenAcquisitionException(
                        ctx.prefix() + ": the token endpoint answered 200 with an unusable body (" + e.getMessage()
                                + ")", null, status, null));
            }
            return;
        }
        TokenErrors.ErrorBody error = TokenErrors.parse(body, response.header("Content-Type"));
        boolean retryable = status == 429 || status == 500 || status == 502 || status == 503 || status == 504
                || "temporarily_unavailable".equals(error.error());
        if (retryable && attempt < maxAttempts) {
            Duration retryAfter = parseRetryAfter(response.header("Retry-After"), clock.instant());
            if (retryAfter == null || retryAfter.compareTo(MAX_RETRY_AFTER) <= 0) {
                Duration wait = retryAfter != null ? retryAfter : backoff(attempt);
                LOG.debug("Token endpoint answered {} for {}; retrying in {} ms", status, ctx.summary(),
                        wait.toMillis());
                retry(attempt, wait, requestFactory, ctx, result);
                return;
            }
        }
        result.completeExceptionally(TokenErrors.failure(ctx, status, error, attempt));
    }

    private void retry(int attempt, Duration wait, Supplier<Request> requestFactory, TokenErrors.Context ctx,
                       CompletableFuture<AccessToken> result) {
        CompletionStage<?> waited;
        try {
            waited = delay.apply(wait);
        } catch (RuntimeException e) {
            waited = CompletableFuture.failedFuture(e);
        }
        waited.whenComplete((ignored, error) -> {
            if (error != null) {
                result.completeExceptionally(new TokenAcquisitionException(
                        ctx.prefix() + ": retry was interrupted: " + error, error));
            } else {
                attempt(attempt + 1, requestFactory, ctx, result);
            }
        });
    }

    private static Duration backoff(int attempt) {
        long base = 500L << Math.min(attempt - 1, 6);
        return Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }

    private static CompletionStage<?> realDelay(Duration d) {
        return SdkTimer.sleep(d);
    }

    static String readLimited(ResponseBody body) throws IOException {
        if (body == null) {
            return "";
        }
        BufferedSource source = body.source();
        if (source.request(MAX_BODY_BYTES + 1)) {
            throw new IOException("response body larger than " + MAX_BODY_BYTES + " bytes");
        }
        return source.getBuffer().readUtf8();
    }

    /**
     * Parses a token response: {@code access_token} plus {@code expires_in} (number or numeric string, relative to
     * {@code now}) or, failing that, {@code expires_on} (epoch seconds as number or string, or an ISO-8601 instant).
     *
     * @throws IllegalArgumentException naming what is missing (never quoting the body)
     */
    public static AccessToken parseToken(String body, Instant now) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonNode token = root.get("access_token");
        if (token == null || !token.isTextual() || token.asText().isBlank()) {
            throw new IllegalArgumentException("no access_token");
        }
        String tokenType = root.path("token_type").asText("Bearer");
        if (!tokenType.isEmpty() && !tokenType.equalsIgnoreCase("Bearer")) {
            throw new IllegalArgumentException("token_type is '" + TokenErrors.safe(tokenType, 40) + "', not Bearer");
        }
        Instant expiresAt = null;
        Long expiresIn = seconds(root.get("expires_in"));
        if (expiresIn != null) {
            expiresAt = now.plusSeconds(expiresIn);
        } else {
            expiresAt = parseExpiresOn(root.get("expires_on"));
        }
        if (expiresAt == null) {
            throw new IllegalArgumentException("no usable expires_in or expires_on");
        }
        return new AccessToken(token.asText(), expiresAt);
    }

    private static Long seconds(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isTextual()) {
            try {
                return Long.parseLong(node.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Instant parseExpiresOn(JsonNode node) {
        Long epoch = seconds(node);
        if (epoch != null) {
            return Instant.ofEpochSecond(epoch);
        }
        if (node != null && node.isTextual()) {
            String text = node.asText().trim();
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeException e) {
                try {
                    return Instant.parse(text);
                } catch (DateTimeException e2) {
                    return null;
                }
            }
        }
        return null;
    }

    /** {@code Retry-After} as delta-seconds or HTTP-date; {@code null} when absent or unreadable. */
    public static Duration parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            long s = Long.parseLong(v);
            return s < 0 ? Duration.ZERO : Duration.ofSeconds(s);
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(now, at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeException e2) {
                return null;
            }
        }
    }
}
