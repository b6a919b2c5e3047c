package io.github.botconnector.exception;

import io.github.botconnector.RetryPolicy;

/**
 * The request failed without an HTTP answer (connection refused, DNS failure, timeout, connection reset) after all
 * attempts the {@link RetryPolicy} allowed. {@link #possiblyDelivered()} tells whether the request may have reached
 * the service (see {@link PossiblyDeliveredException}).
 */
public class ConnectorIOException extends ConnectorException {

    private static final long serialVersionUID = 1L;

    private final String method;
    private final String path;
    private final int attempts;
    private final boolean possiblyDelivered;

    /**
     * Creates the exception.
     *
     * @param message           what failed and what to do
     * @param method            HTTP method
     * @param path              encoded path
     * @param attempts          attempts made
     * @param possiblyDelivered whether the last attempt may have reached the service
     * @param cause             the I/O failure
     */
    public ConnectorIOException(String message, String method, String path, int attempts, boolean possiblyDelivered,
                                Throwable cause) {
        super(message, cause);
        this.method = method;
        this.path = path;
        this.attempts = attempts;
        this.possiblyDelivered = possiblyDelivered;
    }

    /** HTTP method of the failed request. */
    public String method() {
        return method;
    }

    /** Encoded path of the failed request. */
    public String path() {
        return path;
    }

    /** Attempts made. */
    public int attempts() {
        return attempts;
    }

    /** Whether the request may have reached the service (it was written before the failure). */
    @Override
    public boolean possiblyDelivered() {
        return possiblyDelivered;
    }
}
