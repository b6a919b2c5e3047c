package io.github.botconnector.broadcast.store;

/** A reference store could not read or write its storage; the message names the operation and what to check. */
public class ReferenceStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * A failure.
     *
     * @param message what failed and what to do
     * @param cause   the storage's exception
     */
    public ReferenceStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
