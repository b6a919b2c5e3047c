package io.github.botconnector.spring;

import io.github.botconnector.broadcast.store.ConversationReferenceStore.Change;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ConversationReference;

/**
 * Any authenticated activity: published for every one, besides the more specific {@link BotInstalledEvent},
 * {@link BotUninstalledEvent}, {@link BotMessageEvent} and {@link BotOptOutEvent}.
 *
 * @param activity  the activity
 * @param reference the conversation
 * @param change    what the reference store did with it
 */
public record BotActivityEvent(Activity activity, ConversationReference reference, Change change) implements BotEvent {
}
