package io.github.botconnector;

/**
 * Base class of the unchecked exceptions this SDK throws for failures of the Bot Connector service, of token
 * acquisition and of pre-flight checks. Argument errors are {@link IllegalArgumentException}s instead.
 */
public class BotConnectorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BotConnectorException(String message) {
        super(message);
    }

    public BotConnectorException(String message, Throwable cause) {
        super(message, cause);
    }
}
