package io.github.botconnector.testing;

import io.github.botconnector.schema.Activity;
import java.time.Instant;

/**
 * One entry of a conversation's history: an activity version as it was created, updated or deleted.
 *
 * @param kind     what happened
 * @param activity the activity version (for {@link Kind#DELETED}, the last version before deletion)
 * @param at       when (fake clock)
 */
public record ActivityEvent(Kind kind, Activity activity, Instant at) {

    /** What happened to the activity. */
    public enum Kind {
        /** Sent (send, reply, create with activity, thread create, batch, history import). */
        CREATED,
        /** Replaced by {@code PUT .../activities/{id}}. */
        UPDATED,
        /** Deleted by {@code DELETE .../activities/{id}}. */
        DELETED
    }
}
