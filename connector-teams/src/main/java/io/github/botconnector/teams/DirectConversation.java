package io.github.botconnector.teams;

import io.github.botconnector.schema.ConversationReference;
import java.util.Objects;

/**
 * A 1:1 chat between the bot and a user, as returned by
 * {@link TeamsClient#createOrGetDirectConversation(io.github.botconnector.schema.ChannelAccount,
 * io.github.botconnector.schema.ChannelAccount, String)}. Teams returns the same conversation id every time for the
 * same user, so store {@link #reference()} and reuse it.
 *
 * @param conversationId the conversation id ({@code a:...})
 * @param reference      a reference ready to store: service URL, conversation (id, type {@code personal}, tenant id),
 *                       user, bot, channel id {@code msteams}
 */
public record DirectConversation(String conversationId, ConversationReference reference) {

    /** Checks that both components are present. */
    public DirectConversation {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(reference, "reference");
    }
}
