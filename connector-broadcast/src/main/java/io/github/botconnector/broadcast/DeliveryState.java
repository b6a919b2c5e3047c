package io.github.botconnector.broadcast;

/**
 * Where one recipient of a broadcast stands. The engine moves a recipient
 * {@code PENDING → SENDING → SENT | FAILED | UNKNOWN | RETRY}, and {@code RETRY → SENDING} again when its time has
 * come; {@code SENDING} is written to the ledger <em>before</em> the request leaves, so after a crash a recipient is
 * never sent twice without the ledger saying it may have been.
 */
public enum DeliveryState {
    /** Not attempted yet. */
    PENDING,
    /** A request is (or was, if the process died) on its way; recorded before it was written. */
    SENDING,
    /** Waiting for {@link Delivery#retryAt()} after a transient failure (429, 412, 502–504, a failure before sending). */
    RETRY,
    /** Delivered; {@link Delivery#activityId()} is the message's id. Final. */
    SENT,
    /** Not delivered, for the {@link FailureReason} in {@link Delivery#reason()}. Final. */
    FAILED,
    /** Possibly delivered (the request was written, no answer came back); not re-sent unless the job opts in. Final. */
    UNKNOWN;

    /** Whether the state is final ({@link #SENT}, {@link #FAILED} or {@link #UNKNOWN}). */
    public boolean isFinal() {
        return this == SENT || this == FAILED || this == UNKNOWN;
    }
}
