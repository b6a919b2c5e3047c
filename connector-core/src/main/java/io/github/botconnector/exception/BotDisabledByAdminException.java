package io.github.botconnector.exception;

/**
 * HTTP 403 {@code BotDisabledByAdmin}: the tenant's admin blocked this app. Stop sending to the tenant (every send
 * fails the same way) until the app is allowed again and a user interacts with the bot; do not retry.
 */
public class BotDisabledByAdminException extends ConnectorResponseException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param details what the service answered
     * @param hint    what the caller should do
     */
    public BotDisabledByAdminException(Details details, String hint) {
        super(details, hint);
    }
}
