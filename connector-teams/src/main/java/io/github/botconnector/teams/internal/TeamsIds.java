package io.github.botconnector.teams.internal;

import java.util.Locale;

/** Formats and checks of Teams ids (threads, users, tenants). Not public API. */
public final class TeamsIds {

    /** Separator between a channel id and the root message id in a thread conversation id. */
    public static final String THREAD_MARKER = ";messageid=";

    private TeamsIds() {
    }

    /** {@code channelId;messageid=rootMessageId}, after checking both parts. */
    public static String threadConversationId(String channelId, String rootMessageId) {
        if (channelId == null || channelId.isBlank()) {
            throw new IllegalArgumentException("channelId is required: pass the Teams channel id (19:...@thread.tacv2); "
                    + "for the General channel pass the team id");
        }
        if (rootMessageIdOfThread(channelId) != null) {
            throw new IllegalArgumentException("channelId '" + channelId + "' is already a thread conversation id; pass "
                    + "the channel id without ';messageid=...'");
        }
        requireMessageId(rootMessageId, "rootMessageId");
        return channelId + THREAD_MARKER + rootMessageId;
    }

    /** Teams message ids of thread roots are non-zero numeric strings (epoch milliseconds). */
    public static void requireMessageId(String messageId, String name) {
        if (messageId == null || messageId.isEmpty() || !messageId.chars().allMatch(c -> c >= '0' && c <= '9')
                || messageId.chars().allMatch(c -> c == '0')) {
            throw new IllegalArgumentException(name + " must be the numeric id of the thread's root message (for example "
                    + "1768478400321, the activityId returned when the thread was created), but was '" + messageId + "'");
        }
    }

    /** The part of a conversation id before {@code ;messageid=}, or the id itself. */
    public static String channelIdOfThread(String conversationId) {
        int at = markerIndex(conversationId);
        return at < 0 ? conversationId : conversationId.substring(0, at);
    }

    /** The part of a conversation id after {@code ;messageid=}, or {@code null}. */
    public static String rootMessageIdOfThread(String conversationId) {
        int at = markerIndex(conversationId);
        if (at < 0) {
            return null;
        }
        String id = conversationId.substring(at + THREAD_MARKER.length());
        return id.isEmpty() ? null : id;
    }

    private static int markerIndex(String conversationId) {
        return conversationId.toLowerCase(Locale.ROOT).indexOf(THREAD_MARKER);
    }

    /** Whether an id looks like an e-mail address or UPN ({@code name@domain}), which Teams never accepts as a recipient. */
    public static boolean looksLikeEmailOrUpn(String id) {
        if (id == null) {
            return false;
        }
        String s = id.strip();
        int at = s.indexOf('@');
        // Teams ids never contain '@' except in thread/chat ids (19:...@thread.tacv2), which start with "19:".
        return at > 0 && at < s.length() - 1 && !s.startsWith("19:") && s.indexOf(':') < 0 && s.indexOf('.', at) > at;
    }

    /** Whether an id is a group chat id ({@code 19:...@thread.v2}), which a bot can neither create nor thread into. */
    public static boolean isGroupChatId(String id) {
        return id != null && id.toLowerCase(Locale.ROOT).contains("@thread.v2");
    }

    /** Whether an id is a channel id ({@code 19:...@thread.tacv2} or {@code 19:...@thread.skype}). */
    public static boolean isChannelId(String id) {
        if (id == null) {
            return false;
        }
        String s = id.toLowerCase(Locale.ROOT);
        return s.startsWith("19:") && (s.contains("@thread.tacv2") || s.contains("@thread.skype"));
    }
}
