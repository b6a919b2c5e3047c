package io.github.botconnector.broadcast;

import io.github.botconnector.schema.Activity;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A job's settings as the {@link Ledger} stores them (recipients are stored as {@link Delivery} records).
 *
 * @param id                      the caller's id
 * @param operation               send, or update / delete the messages of {@code sourceJobId}
 * @param sourceJobId             for update and recall, the job whose messages are changed; else {@code null}
 * @param message                 the message for all (for an update the new content); {@code null} for a recall or
 *                                a personalised job
 * @param notBefore               nothing is sent before this time, or {@code null}
 * @param expiresAt               recipients not reached by then fail {@link FailureReason#EXPIRED}, or {@code null}
 * @param expiresAfter            the same relative to the job's start, or {@code null}
 * @param maxPerSecond            the job's own rate cap, 0 for none
 * @param resendPossiblyDelivered whether possibly delivered recipients are sent again
 * @param maxAttempts             requests per recipient before transient failures are final
 * @param recipientCount          how many recipients the job has
 */
public record JobRecord(String id, Operation operation, String sourceJobId, Activity message, Instant notBefore,
                        Instant expiresAt, Duration expiresAfter, double maxPerSecond, boolean resendPossiblyDelivered,
                        int maxAttempts, int recipientCount) {

    /** What a job does to each recipient. */
    public enum Operation {
        /** Send the message, one request per recipient. */
        SEND,
        /**
         * Send the same message to every recipient through Teams' batch API ({@code v3/batch/conversation/users}
         * and {@code /channels}): one request per tenant and kind, Teams fans out; the engine polls the operation and
         * reports its failed entries.
         * Delivered messages get no activity id (no update or recall).
         */
        SEND_BATCH,
        /** Edit a message sent by another job. */
        UPDATE,
        /** Delete a message sent by another job. */
        DELETE
    }

    /** Validates. */
    public JobRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(operation, "operation");
    }

    /** Whether the job sends messages (one by one or by batch), rather than changing sent ones. */
    public boolean sends() {
        return operation == Operation.SEND || operation == Operation.SEND_BATCH;
    }

    /** When recipients expire for a job started at {@code startedAt}, or {@code null} for never. */
    public Instant expiry(Instant startedAt) {
        if (expiresAt != null) {
            return expiresAt;
        }
        return expiresAfter == null ? null : startedAt.plus(expiresAfter);
    }
}
