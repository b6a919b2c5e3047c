package io.github.botconnector.teams;

import io.github.botconnector.schema.ConversationReference;
import java.util.Objects;

/**
 * A new thread in a team channel, as returned by {@link TeamsClient#createChannelThread(String,
 * io.github.botconnector.schema.Activity, String)}.
 *
 * @param conversationId the thread's conversation id ({@code 19:...@thread.tacv2;messageid=<root>}); send to it to
 *                       reply in the thread
 * @param activityId     id of the root message (the first message of the thread), for updates and deletes; may be
 *                       {@code null} if the service did not return it
 * @param reference      a reference for replies: service URL, conversation (thread id, type {@code channel},
 *                       tenant id), bot, channel id {@code msteams}, activity id = root message id
 */
public record ChannelThread(String conversationId, String activityId, ConversationReference reference) {

    /** Checks that the conversation id and the reference are present. */
    public ChannelThread {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(reference, "reference");
    }

    /** The channel the thread is in (the conversation id without {@code ;messageid=...}). */
    public String channelId() {
        return TeamsActivities.channelIdOfThread(conversationId);
    }
}
