package io.github.botconnector.spring;

import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ConversationReference;

/**
 * The app was installed (or the bot added) in a personal chat, group chat or team; the reference is stored.
 *
 * @param activity  the activity
 * @param reference the conversation
 */
public record BotInstalledEvent(Activity activity, ConversationReference reference) implements BotEvent {
}
