package io.github.botconnector.spring;

import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ConversationReference;

/**
 * The app was uninstalled or the bot removed; the reference was dropped from the store.
 *
 * @param activity  the activity
 * @param reference the conversation
 */
public record BotUninstalledEvent(Activity activity, ConversationReference reference) implements BotEvent {
}
