package io.github.botconnector.broadcast.store;

import io.github.botconnector.exception.BlockedByUserException;
import io.github.botconnector.exception.BotNotInConversationRosterException;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.teams.TeamsActivities;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a bot keeps the conversation references it sends proactive messages with, one per conversation.
 *
 * <p>Call {@link #onActivity(Activity)} with every inbound activity <em>after</em> its JWT was validated (a forged
 * activity would plant a service URL that receives the bot's token): it stores the reference of a new conversation,
 * refreshes the service URL and last-seen time of a known one, and drops the conversation when the app is
 * uninstalled or the bot removed. Call {@link #dropIfGone(String, RuntimeException)} when a send fails: a user who
 * blocked the bot or a conversation the bot was removed from is dropped too.
 *
 * <p>Lists are ordered by conversation id. Implementations are thread-safe: {@link #inMemory()} for tests and single
 * instances, {@link JdbcReferenceStore} for a database that survives redeploys.
 */
public interface ConversationReferenceStore {

    /** What {@link #onActivity} did. */
    enum Change {
        /** A conversation seen for the first time was stored. */
        SAVED,
        /** A known conversation's reference and last-seen time were refreshed. */
        REFRESHED,
        /** The app was uninstalled or the bot removed: the conversation (or the team's conversations) was dropped. */
        REMOVED,
        /** The activity names no conversation to store. */
        IGNORED
    }

    /**
     * An in-memory store (lost on restart): for tests, demos and single instances that can recapture references.
     *
     * @return a new empty store
     */
    static ConversationReferenceStore inMemory() {
        return new InMemoryReferenceStore();
    }

    /**
     * Saves or refreshes the conversation of an authenticated inbound activity, or drops it on uninstall
     * ({@code installationUpdate} remove, the bot in {@code membersRemoved}; in a team every conversation of the
     * team is dropped), seen now.
     *
     * @param activity an activity whose JWT was validated
     * @return what changed
     */
    default Change onActivity(Activity activity) {
        return onActivity(activity, Instant.now());
    }

    /**
     * {@link #onActivity(Activity)} with the arrival time given.
     *
     * @param activity an activity whose JWT was validated
     * @param seenAt   when it arrived
     * @return what changed
     */
    default Change onActivity(Activity activity, Instant seenAt) {
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(seenAt, "seenAt");
        String conversationId = activity.conversation() == null ? null
                : StoredReference.baseConversationId(activity.conversation().id());
        if (conversationId == null || activity.serviceUrl() == null || activity.serviceUrl().isBlank()) {
            return Change.IGNORED;
        }
        if (TeamsActivities.isUninstall(activity)) {
            String teamId = TeamsActivities.teamId(activity);
            if (teamId != null) {
                removeTeam(teamId);
            }
            remove(conversationId);
            return Change.REMOVED;
        }
        return save(StoredReference.of(activity, seenAt)) ? Change.SAVED : Change.REFRESHED;
    }

    /**
     * Drops {@code conversationId} when {@code sendFailure} says the bot can no longer send there: the user blocked
     * the bot ({@link BlockedByUserException}) or the bot is not in the conversation any more
     * ({@link BotNotInConversationRosterException}). Other failures (throttling, a transient
     * {@code ConversationNotFound}) keep the reference.
     *
     * @param conversationId the conversation a send failed for
     * @param sendFailure    what the send threw
     * @return whether the conversation was dropped
     */
    default boolean dropIfGone(String conversationId, RuntimeException sendFailure) {
        Objects.requireNonNull(sendFailure, "sendFailure");
        Throwable cause = sendFailure;
        while (cause != null) {
            if (cause instanceof BlockedByUserException || cause instanceof BotNotInConversationRosterException) {
                return remove(conversationId);
            }
            cause = cause.getCause();
        }
        return false;
    }

    /**
     * Stores {@code entry}, or refreshes the stored conversation with its reference, ids and last-seen time (keeping
     * the first-seen time).
     *
     * @param entry the conversation
     * @return {@code true} when the conversation was new
     */
    boolean save(StoredReference entry);

    /**
     * Drops a conversation.
     *
     * @param conversationId the conversation id (a {@code ;messageid=} suffix is ignored)
     * @return whether it was stored
     */
    boolean remove(String conversationId);

    /**
     * Drops every conversation of a team (the bot was removed from it).
     *
     * @param teamId the team id
     * @return how many were dropped
     */
    int removeTeam(String teamId);

    /**
     * The stored conversation.
     *
     * @param conversationId the conversation id (a {@code ;messageid=} suffix is ignored)
     * @return it, or empty
     */
    Optional<StoredReference> find(String conversationId);

    /**
     * The conversations of a tenant.
     *
     * @param tenantId the tenant id
     * @return its conversations
     */
    List<StoredReference> findByTenant(String tenantId);

    /**
     * The conversations a user is named in (personal chats first of all), by Bot Framework id ({@code 29:...}) or
     * Microsoft Entra object id.
     *
     * @param userIdOrAadObjectId either id of the user
     * @return the user's conversations
     */
    List<StoredReference> findByUser(String userIdOrAadObjectId);

    /**
     * The channel conversations of a team.
     *
     * @param teamId the team id
     * @return its conversations
     */
    List<StoredReference> findByTeam(String teamId);

    /**
     * Every stored conversation.
     *
     * @return all of them
     */
    List<StoredReference> findAll();

    /**
     * How many conversations are stored.
     *
     * @return the count
     */
    int count();
}
