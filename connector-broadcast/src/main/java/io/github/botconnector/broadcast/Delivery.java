package io.github.botconnector.broadcast;

import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ConversationReference;
import java.time.Instant;
import java.util.Objects;

/**
 * The ledger's record of one recipient of one job. Immutable; the engine writes a new record for every transition.
 *
 * @param jobId        the job
 * @param recipient    who
 * @param state        where the recipient stands
 * @param attempts     requests started for this recipient (chat creation included)
 * @param reference    the conversation the message goes to: the recipient's reference, or for a
 *                     {@link Recipient.Kind#USER} the 1:1 chat once created, for a {@link Recipient.Kind#CHANNEL}
 *                     the new thread once sent ({@code null} before)
 * @param message      this recipient's own message for a personalised job, or {@code null} (the job's message)
 * @param activityId   the delivered message's id ({@link DeliveryState#SENT}); for update and recall jobs the
 *                     message to edit or delete
 * @param reason       why it failed ({@link DeliveryState#FAILED}), else {@code null}
 * @param detail       the last error: status, error code and request id, or {@code null}
 * @param retryAt      when a {@link DeliveryState#RETRY} may be attempted again, else {@code null}
 * @param updatedAt    when this record was written
 */
public record Delivery(String jobId, Recipient recipient, DeliveryState state, int attempts,
                       ConversationReference reference, Activity message, String activityId, FailureReason reason,
                       String detail, Instant retryAt, Instant updatedAt) {

    /** Validates. */
    public Delivery {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (state == DeliveryState.FAILED && reason == null) {
            throw new IllegalArgumentException("a FAILED delivery needs a reason");
        }
        if (state == DeliveryState.RETRY && retryAt == null) {
            throw new IllegalArgumentException("a RETRY delivery needs retryAt");
        }
    }

    /** A new pending record. */
    public static Delivery pending(String jobId, Recipient recipient, Activity message, String activityId,
                                   Instant now) {
        return new Delivery(jobId, recipient, DeliveryState.PENDING, 0,
                recipient.kind() == Recipient.Kind.REFERENCE ? recipient.reference() : null, message, activityId,
                null, null, null, now);
    }

    /** {@link Recipient#key()}. */
    public String key() {
        return recipient.key();
    }

    /** This record moved to {@code newState} at {@code at}, other fields kept (reason, detail and retryAt cleared). */
    public Delivery to(DeliveryState newState, Instant at) {
        return new Delivery(jobId, recipient, newState, attempts, reference, message, activityId, null, null, null, at);
    }

    /** Moved to {@link DeliveryState#SENDING} with one more attempt. */
    public Delivery sending(Instant at) {
        return new Delivery(jobId, recipient, DeliveryState.SENDING, attempts + 1, reference, message, activityId,
                null, null, null, at);
    }

    /** Moved to {@link DeliveryState#SENT} with the delivered message's id. */
    public Delivery sent(String sentActivityId, Instant at) {
        return new Delivery(jobId, recipient, DeliveryState.SENT, attempts, reference, message, sentActivityId, null,
                null, null, at);
    }

    /** Moved to {@link DeliveryState#SENT} with the delivered message's id and the conversation it is in. */
    public Delivery sent(String sentActivityId, ConversationReference in, Instant at) {
        return new Delivery(jobId, recipient, DeliveryState.SENT, attempts, in, message, sentActivityId, null, null,
                null, at);
    }

    /** Moved to {@link DeliveryState#FAILED}. */
    public Delivery failed(FailureReason why, String lastError, Instant at) {
        return new Delivery(jobId, recipient, DeliveryState.FAILED, attempts, reference, message, activityId, why,
                lastError, null, at);
    }

    /** Moved to {@link DeliveryState#UNKNOWN}. */
    public Delivery unknown(String lastError, Instant at) {
        return new Delivery(jobId, recipient, DeliveryState.UNKNOWN, attempts, reference, message, activityId, null,
                lastError, null, at);
    }

    /** Moved to {@link DeliveryState#RETRY} at {@code when}. */
    public Delivery retry(Instant when, String lastError, Instant at) {
        return new Delivery(jobId, recipient, DeliveryState.RETRY, attempts, reference, message, activityId, null,
                lastError, when, at);
    }

    /** Pending again with the 1:1 chat created for a {@link Recipient.Kind#USER}. */
    public Delivery withConversation(ConversationReference chat, Instant at) {
        return new Delivery(jobId, recipient, DeliveryState.PENDING, attempts, chat, message, activityId, null, null,
                null, at);
    }
}
