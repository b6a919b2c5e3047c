package io.github.botconnector.exception;

/**
 * HTTP 403 {@code ConversationBlockedByUser}, or Teams' {@code MessageWritesBlocked} (error code 209): the user blocked
 * or uninstalled the bot. Stop sending to this conversation until the user interacts with the bot again.
 */
public class BlockedByUserException extends ConnectorResponseException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param details what the service answered
     * @param hint    what the caller should do
     */
    public BlockedByUserException(Details details, String hint) {
        super(details, hint);
    }
}
