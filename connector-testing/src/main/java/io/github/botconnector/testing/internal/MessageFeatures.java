package io.github.botconnector.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.botconnector.testing.FakeUser;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Targeted messages ({@code ?isTargetedActivity=true}: stored with their recipient, the recipient required on create
 * and never changed by an update) and the bot's reactions (stored per message, idempotent, at most
 * {@value #REACTIONS_PER_SECOND} per second across all of the bot's conversations on the fake's clock). State lives in
 * the {@link World}, so a reset clears it; callers hold the {@link FakeService} lock.
 */
final class MessageFeatures {

    /** Reactions Teams accepts per second from one bot, across all its conversations. */
    static final int REACTIONS_PER_SECOND = 2;
    private static final long WINDOW_MILLIS = 1000;

    private final Map<String, Map<String, String>> targeted = new HashMap<>();
    private final Map<String, Set<String>> reactions = new HashMap<>();
    private final ArrayDeque<Long> reactionTimes = new ArrayDeque<>();

    /** Whether a request asks for a targeted activity. */
    static boolean isTargeted(Call c) {
        return "true".equalsIgnoreCase(c.query("isTargetedActivity"));
    }

    // -------------------------------------------------------------------------------------------- targeted messages

    /** Checks a targeted create before it is stored: a recipient who is a member of the conversation. */
    static void checkTargetedCreate(FakeService e, World.Conv conv, JsonNode activity) {
        String recipientId = Json2.text(activity, "recipient", "id");
        if (recipientId == null || recipientId.isBlank()) {
            throw ApiError.badArgument("Recipient is required for a targeted activity: set recipient to the member who"
                    + " should see it");
        }
        if (!"message".equals(Json2.text(activity, "type"))) {
            throw ApiError.badArgument("Only message activities can be targeted, got type " + Json2.text(activity, "type"));
        }
        FakeUser user = e.world.findUser(recipientId);
        if (user == null || !e.world.roster(conv).contains(user)) {
            throw ApiError.badArgument("The recipient of a targeted activity must be a member of the conversation: "
                    + recipientId);
        }
    }

    void recordTargeted(String conversationId, String activityId, String recipientId) {
        targeted.computeIfAbsent(conversationId, k -> new HashMap<>()).put(activityId, recipientId);
    }

    /** Checks a targeted update: the message is targeted and the update names no recipient. */
    void checkTargetedUpdate(String conversationId, String activityId, JsonNode activity) {
        requireTargeted(conversationId, activityId);
        if (activity.hasNonNull("recipient")) {
            throw ApiError.badArgument("Cannot edit Recipient of Targeted Message");
        }
    }

    void deleteTargeted(String conversationId, String activityId) {
        requireTargeted(conversationId, activityId);
        targeted.get(conversationId).remove(activityId);
    }

    private void requireTargeted(String conversationId, String activityId) {
        if (recipientOf(conversationId, activityId) == null) {
            throw ApiError.badArgument("Activity " + activityId + " is not a targeted message: update or delete it"
                    + " without isTargetedActivity");
        }
    }

    /** The recipient of a targeted message, or {@code null} when the message is not targeted. */
    String recipientOf(String conversationId, String activityId) {
        Map<String, String> byActivity = targeted.get(conversationId);
        return byActivity == null ? null : byActivity.get(activityId);
    }

    // ---------------------------------------------------------------------------------------------------- reactions

    /** Applies a reaction within the limit: 429 with {@code Retry-After} when the bot is over it. */
    Reply react(String conversationId, String activityId, String type, boolean add, long nowMillis) {
        while (!reactionTimes.isEmpty() && reactionTimes.peekFirst() <= nowMillis - WINDOW_MILLIS) {
            reactionTimes.removeFirst();
        }
        if (reactionTimes.size() >= REACTIONS_PER_SECOND) {
            long wait = reactionTimes.peekFirst() + WINDOW_MILLIS - nowMillis;
            long seconds = Math.max(1, (wait + 999) / 1000);
            return Reply.error(429, "Throttled", "Too many reactions: a bot may send " + REACTIONS_PER_SECOND
                    + " reactions per second across all its conversations. Retry after " + seconds + " seconds.")
                    .header("Retry-After", Long.toString(seconds)).note("reaction limit");
        }
        reactionTimes.addLast(nowMillis);
        String key = conversationId + "\n" + activityId;
        if (add) {
            reactions.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(type);
        } else if (reactions.containsKey(key)) {
            reactions.get(key).remove(type);
        }
        return Reply.empty(200);
    }

    /** The bot's current reactions on a message, in the order added. */
    List<String> reactionsOn(String conversationId, String activityId) {
        Set<String> set = reactions.get(conversationId + "\n" + activityId);
        return set == null ? List.of() : List.copyOf(new ArrayList<>(set));
    }
}
