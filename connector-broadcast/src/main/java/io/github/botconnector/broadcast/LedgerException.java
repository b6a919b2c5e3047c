package io.github.botconnector.broadcast;

/** The ledger could not be read or written (a database error); the cause says why. */
public class LedgerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An error with what failed and the cause.
     *
     * @param message what failed, and what to check
     * @param cause   the underlying error
     */
    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
