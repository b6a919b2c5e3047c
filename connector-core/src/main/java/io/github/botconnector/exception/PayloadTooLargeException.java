package io.github.botconnector.exception;

/**
 * HTTP 413 {@code MessageSizeTooBig}: the activity is larger than the service accepts (about 100 KB); shrink it.
 */
public class PayloadTooLargeException extends ConnectorResponseException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param details what the service answered
     * @param hint    what the caller should do
     */
    public PayloadTooLargeException(Details details, String hint) {
        super(details, hint);
    }
}
