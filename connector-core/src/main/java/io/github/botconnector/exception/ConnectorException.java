package io.github.botconnector.exception;

/**
 * Base class of the unchecked exceptions this SDK throws for failures of the Bot Connector service, of token
 * acquisition and of pre-flight checks. Argument errors are {@link IllegalArgumentException}s instead.
 * {@link #possiblyDelivered()} tells whether the request may have reached the service anyway.
 */
public class ConnectorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConnectorException(String message) {
        super(message);
    }

    public ConnectorException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether the request may have been processed by the service although it failed: an attempt failed after the
     * request was written. Such a failure is always a {@link PossiblyDeliveredException} (whatever failed last, a
     * retry's error status or token failure included, is its cause); re-sending it may duplicate the message.
     *
     * @return {@code false} here; {@code true} for a request that may have been delivered
     */
    public boolean possiblyDelivered() {
        return false;
    }
}
