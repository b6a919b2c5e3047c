package io.github.botconnector.exception;

/**
 * HTTP 429: the service throttled the bot and retries were exhausted. {@link #retryAfter()} says how long it asked
 * to wait; pace sends (Teams allows about 7 messages per second per conversation and 50 requests per second per app
 * and tenant).
 */
public class ThrottledException extends ConnectorResponseException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param details what the service answered
     * @param hint    what the caller should do
     */
    public ThrottledException(Details details, String hint) {
        super(details, hint);
    }
}
