package io.github.botconnector.exception;

import io.github.botconnector.RetryPolicy;

/**
 * A non-idempotent request (a POST such as a send) failed after it was written to the connection (read timeout,
 * connection reset), so the service may have processed it: the message may have been delivered. It was not retried to
 * avoid a duplicate message. Check the conversation before sending again, or opt in to retries with
 * {@link RetryPolicy.Builder#retryPossiblyDeliveredRequests(boolean)}.
 *
 * <p>The mark is sticky: with that opt-in, when an attempt may have delivered the request and a later attempt fails
 * (an error status such as 503, a token failure, a network failure), the caller still gets this exception, with that
 * last failure as its {@link #getCause() cause}.
 */
public class PossiblyDeliveredException extends ConnectorIOException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message  what failed and what to do
     * @param method   HTTP method
     * @param path     encoded path
     * @param attempts attempts made
     * @param cause    the I/O failure
     */
    public PossiblyDeliveredException(String message, String method, String path, int attempts, Throwable cause) {
        super(message, method, path, attempts, true, cause);
    }
}
