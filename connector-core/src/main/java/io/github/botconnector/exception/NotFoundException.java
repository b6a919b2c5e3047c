package io.github.botconnector.exception;

/**
 * HTTP 404: the conversation, activity or member does not exist (any more).
 */
public class NotFoundException extends ConnectorResponseException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param details what the service answered
     * @param hint    what the caller should do
     */
    public NotFoundException(Details details, String hint) {
        super(details, hint);
    }
}
