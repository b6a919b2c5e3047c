package io.github.botconnector.spring;

import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ConversationReference;

/**
 * A user wrote to the bot ({@code message} activity).
 *
 * @param activity  the activity
 * @param reference the conversation
 */
public record BotMessageEvent(Activity activity, ConversationReference reference) implements BotEvent {
}
