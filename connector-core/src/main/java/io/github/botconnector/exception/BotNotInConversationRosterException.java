package io.github.botconnector.exception;

/**
 * HTTP 403 {@code BotNotInConversationRoster}: the bot is not part of the conversation (the app was removed from the
 * chat or team, or was never installed). Install the app for the user or team first and wait for its
 * {@code installationUpdate} / {@code conversationUpdate} activity before sending again.
 */
public class BotNotInConversationRosterException extends ConnectorResponseException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param details what the service answered
     * @param hint    what the caller should do
     */
    public BotNotInConversationRosterException(Details details, String hint) {
        super(details, hint);
    }
}
