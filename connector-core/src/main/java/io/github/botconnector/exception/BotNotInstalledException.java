package io.github.botconnector.exception;

/**
 * HTTP 403 {@code ForbiddenOperationException} "Bot isn't installed in user's personal scope": a proactive 1:1
 * message (or 1:1 conversation create) to a user who does not have the app in their personal scope. Install the app
 * for the user (for example through Microsoft Graph) and send after its {@code installationUpdate}; do not retry
 * before.
 */
public class BotNotInstalledException extends ConnectorResponseException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param details what the service answered
     * @param hint    what the caller should do
     */
    public BotNotInstalledException(Details details, String hint) {
        super(details, hint);
    }
}
