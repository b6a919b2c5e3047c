package io.github.botconnector;

import java.io.IOException;
import java.time.Duration;

/**
 * Receives the events of a {@link ConnectorClient}'s requests, for metrics, tracing or custom logging (the model is
 * OkHttp's {@code EventListener}). Set one with {@code ConnectorClient.builder().listener(...)}; every sibling from
 * {@link ConnectorClient#withServiceUrl(String)} reports to the same listener.
 *
 * <p>Every method has an empty default, so an implementation overrides only what it needs. Methods are called on
 * the thread that runs the request (the caller's thread for blocking calls, OkHttp's or the SDK's threads for
 * asynchronous ones), possibly from many threads at once: keep them fast, thread-safe and non-blocking. An exception
 * thrown by a listener is logged at WARN and never changes the request. Events never carry a token or a request
 * body.
 *
 * <p>Order for one call: {@link #requestStart} and then {@link #requestEnd} or {@link #requestFailed} for each HTTP
 * attempt; {@link #throttled} after a 429; {@link #retryScheduled} before each retry delay; finally exactly one of
 * {@link #callEnd} (a response, successful or not) or {@link #callFailed} (no response: network failure, untrusted
 * host, token failure). Token events ({@link #tokenFetched}, {@link #tokenRefreshed}, {@link #tokenFailed}) come
 * from the {@code TokenProvider} calls the client makes.
 */
public interface ConnectorListener {

    /** A listener that ignores every event (the default; costs nothing measurable). */
    ConnectorListener NONE = new ConnectorListener() {
    };

    /**
     * The request an event is about.
     *
     * @param method          HTTP method
     * @param host            host of the service URL
     * @param path            encoded path, for example {@code /v3/conversations/a:1/activities}
     * @param clientRequestId the {@code x-ms-client-request-id} the SDK sent (the same for every attempt)
     * @param attempt         the attempt number, from 1
     */
    record Request(String method, String host, String path, String clientRequestId, int attempt) {
    }

    /**
     * An HTTP attempt is about to be sent.
     *
     * @param request the request
     */
    default void requestStart(Request request) {
    }

    /**
     * An HTTP attempt got a response.
     *
     * @param request   the request
     * @param status    the HTTP status
     * @param requestId the service's {@code x-ms-request-id}, or {@code null}
     * @param duration  time from sending to the response headers
     */
    default void requestEnd(Request request, int status, String requestId, Duration duration) {
    }

    /**
     * An HTTP attempt failed without a response (connection refused or reset, timeout).
     *
     * @param request  the request
     * @param error    what failed
     * @param duration time from sending to the failure
     */
    default void requestFailed(Request request, IOException error, Duration duration) {
    }

    /**
     * The service answered 429.
     *
     * @param request    the request
     * @param retryAfter the service's {@code Retry-After}, or {@code null} when it sent none
     */
    default void throttled(Request request, Duration retryAfter) {
    }

    /**
     * The request will be retried after {@code delay}.
     *
     * @param request the attempt that failed
     * @param reason  why, for example {@code HTTP 503} or {@code SocketTimeoutException: timeout}
     * @param delay   the wait before the next attempt
     */
    default void retryScheduled(Request request, String reason, Duration delay) {
    }

    /**
     * The call ended with a response; an error status is the call's final failure (the client then throws its typed
     * exception).
     *
     * @param request  the last attempt
     * @param status   the final HTTP status
     * @param duration time of the whole call, retry delays included
     */
    default void callEnd(Request request, int status, Duration duration) {
    }

    /**
     * The call failed without a final response: its final failure.
     *
     * @param request  the last attempt
     * @param failure  the exception the caller gets
     * @param duration time of the whole call, retry delays included
     */
    default void callFailed(Request request, RuntimeException failure, Duration duration) {
    }

    /**
     * The client got its first token from the {@code TokenProvider}.
     *
     * @param duration how long the provider took (near zero when the token came from a cache shared with another
     *                 client)
     */
    default void tokenFetched(Duration duration) {
    }

    /**
     * The client got a token different from the one it used before (refreshed before expiry or after a 401).
     *
     * @param duration how long the provider took
     */
    default void tokenRefreshed(Duration duration) {
    }

    /**
     * The {@code TokenProvider} failed; the call fails with this exception.
     *
     * @param failure what the provider threw (its message never contains a secret)
     */
    default void tokenFailed(RuntimeException failure) {
    }
}
