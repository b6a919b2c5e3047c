package io.github.botconnector.broadcast;

/**
 * Follows a broadcast: every final outcome and periodic progress. Called on the engine's dispatcher thread: return
 * quickly and do not throw (exceptions are logged and ignored).
 */
public interface BroadcastListener {

    /**
     * A recipient reached a final state (sent, failed, unknown), including one found {@code SENDING} when the engine
     * resumed a ledger, which ends unknown.
     */
    default void onOutcome(Delivery delivery) {
    }

    /** Periodic progress of a running job, and once when it finishes. */
    default void onProgress(Progress progress) {
    }
}
