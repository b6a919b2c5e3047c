package io.github.botconnector.spring;

import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ConversationReference;

/**
 * A user asked to stop notifications: clicked an {@code OptOut} card button, or wrote {@code stop} or
 * {@code unsubscribe}; the
 * reference is kept, so the application decides what to stop.
 *
 * @param activity  the activity
 * @param reference the conversation
 * @param topic     what to stop, or {@code null} for everything
 */
public record BotOptOutEvent(Activity activity, ConversationReference reference, String topic) implements BotEvent {
}
