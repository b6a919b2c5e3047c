package io.github.botconnector.exception;

/**
 * HTTP 404 {@code ConversationNotFound} or {@code ActivityNotFoundInConversation}: drop the stored conversation
 * (or activity) id; create the conversation again if the app is still installed.
 */
public class ConversationNotFoundException extends NotFoundException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param details what the service answered
     * @param hint    what the caller should do
     */
    public ConversationNotFoundException(Details details, String hint) {
        super(details, hint);
    }
}
