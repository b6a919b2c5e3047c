package io.github.botconnector.internal;

import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.Attachment;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.schema.ConversationParameters;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Argument checks made before any network I/O; every message names the field and what to do. Not public API. */
public final class Validation {

    /**
     * Largest activity sent, in bytes of its UTF-8 JSON, not counting base64 {@code data:} URIs in attachments'
     * {@code contentUrl} (inline images, which the service does not count either). Teams documents an approximate
     * limit of 100 KB per message and answers 413 {@code MessageSizeTooBig} above it.
     */
    public static final int MAX_ACTIVITY_BYTES = 100 * 1024;

    /** {@code data:<type>/<subtype>[;name=value]*;base64,<base64>} (RFC 2397 with base64 data). */
    private static final Pattern DATA_URI = Pattern.compile(
            "data:[\\w.+-]+/[\\w.+-]+(;[\\w.+-]+=[^;,]*)*;base64,[A-Za-z0-9+/]*={0,2}");

    private Validation() {
    }

    /** Checks {@code activity} (non-null, has a type, within {@link #MAX_ACTIVITY_BYTES}) and returns its JSON. */
    public static byte[] activity(Activity activity, String field) {
        typed(activity, field);
        byte[] json = Json.writeBytes(activity);
        if (json.length > MAX_ACTIVITY_BYTES) {
            long counted = json.length - dataUriBytes(activity);
            if (counted > MAX_ACTIVITY_BYTES) {
                throw new IllegalArgumentException(field + " is " + counted + " bytes as JSON; the Bot Connector"
                        + " accepts about " + MAX_ACTIVITY_BYTES / 1024 + " KB per message (Teams answers 413"
                        + " MessageSizeTooBig). Shorten the text, link images instead of embedding them, or split the"
                        + " content into several messages.");
            }
        }
        return json;
    }

    /** Checks that {@code activity} is non-null and has a type (the size is checked when it is sent). */
    public static Activity typed(Activity activity, String field) {
        if (activity == null) {
            throw new IllegalArgumentException(field + " must not be null; build one with Activity.builder() or"
                    + " Activity.message(text)");
        }
        if (activity.type() == null || activity.type().isBlank()) {
            throw new IllegalArgumentException(field + ".type must be set (for example \"message\"); use"
                    + " Activity.message(text) or Activity.builder().type(ActivityTypes.MESSAGE)");
        }
        return activity;
    }

    /**
     * Bytes of inline images: attachments whose {@code contentUrl} is a well-formed base64 {@code data:} URI. Any
     * other text starting with {@code data:} (in the text, channel data or elsewhere) counts like all other text.
     */
    private static long dataUriBytes(Activity activity) {
        long sum = 0;
        for (Attachment a : Values.orEmpty(activity.attachments())) {
            String url = a == null ? null : a.contentUrl();
            if (url != null && DATA_URI.matcher(url).matches()) {
                sum += url.length();
            }
        }
        return sum;
    }

    /** Checks the Teams rules for creating a conversation. */
    public static void conversationParameters(ConversationParameters p) {
        if (p == null) {
            throw new IllegalArgumentException("parameters must not be null; build them with"
                    + " ConversationParameters.builder()");
        }
        boolean group = Boolean.TRUE.equals(p.isGroup());
        List<ChannelAccount> members = Values.orEmpty(p.members());
        String channelId = channelId(p.channelData());
        if (members.isEmpty() && !(group && channelId != null)) {
            throw new IllegalArgumentException("ConversationParameters.members must contain the user to message"
                    + " (exactly one member for a 1:1 chat); to start a channel thread set isGroup(true) and"
                    + " channelData.channel.id");
        }
        if (!group && members.size() > 1) {
            throw new IllegalArgumentException("ConversationParameters.members has " + members.size() + " members"
                    + " but isGroup is not true: a 1:1 conversation takes exactly one member (Teams cannot create"
                    + " group chats); create one conversation per user");
        }
        for (int i = 0; i < members.size(); i++) {
            ChannelAccount m = members.get(i);
            if (m == null || m.id() == null || m.id().isBlank()) {
                throw new IllegalArgumentException("ConversationParameters.members[" + i + "].id must be set to the"
                        + " user's Teams id (29:...) or Entra object id");
            }
        }
        if (group && channelId != null && p.activity() == null) {
            throw new IllegalArgumentException("ConversationParameters.activity is required to start a channel thread"
                    + " (Teams answers 400 BadSyntax without it); set the first message with activity(...)");
        }
        if (p.activity() != null) {
            activity(p.activity(), "ConversationParameters.activity");
        }
    }

    private static String channelId(Object channelData) {
        if (channelData instanceof Map<?, ?> data && data.get("channel") instanceof Map<?, ?> channel
                && channel.get("id") instanceof String id && !id.isBlank()) {
            return id;
        }
        return null;
    }

    /**
     * Refuses a service URL with CR, LF, TAB or another control character anywhere: URL parsers strip some of them
     * silently, so the request would go to a rewritten path.
     *
     * @return {@code url}
     * @throws IllegalArgumentException naming the character and its position
     */
    public static String noControlCharacters(String url, String field) {
        int at = controlCharacterAt(url);
        if (at >= 0) {
            throw new IllegalArgumentException(field + " contains the control character U+"
                    + String.format("%04X", (int) url.charAt(at)) + " at index " + at + "; service URLs never"
                    + " contain CR, LF, TAB or other control characters: take the serviceUrl unchanged from an"
                    + " authenticated inbound activity");
        }
        return url;
    }

    /** The index of the first control character (U+0000–U+001F, U+007F) in {@code s}, or -1. */
    public static int controlCharacterAt(String s) {
        if (s != null) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x20 || c == 0x7f) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Fails with a message naming {@code field} when {@code value} is null. */
    public static <T> T notNull(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }
}
