package io.github.botconnector.testing.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/** Deterministic ids in the real formats, derived from names so that a seeded world is the same on every run. */
public final class Ids {

    private Ids() {
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String b64(String seed, int rounds) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rounds; i++) {
            sb.append(Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(i + "|" + seed)));
        }
        return sb.toString();
    }

    /** A Teams user id {@code 29:1...}. */
    public static String userId(String tenantId, String name) {
        return "29:1" + b64("user|" + tenantId + "|" + name, 2).substring(0, 85);
    }

    /** An Entra object id. */
    public static String aadObjectId(String tenantId, String name) {
        return UUID.nameUUIDFromBytes(("aad|" + tenantId + "|" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The personal conversation id {@code a:1...} of the bot with a user. */
    public static String personalConversationId(String botAppId, String userId) {
        return "a:1" + b64("personal|" + botAppId + "|" + userId, 3).substring(0, 125);
    }

    /** A team id (also its General channel id). */
    public static String teamId(String tenantId, String name) {
        return "19:" + b64("team|" + tenantId + "|" + name, 1).substring(0, 40) + "@thread.tacv2";
    }

    /** A channel id. */
    public static String channelId(String teamId, String name) {
        return "19:" + HexFormat.of().formatHex(sha256("channel|" + teamId + "|" + name)).substring(0, 32) + "@thread.tacv2";
    }

    /** A group chat id. */
    public static String groupChatId(String tenantId, String topic) {
        return "19:" + HexFormat.of().formatHex(sha256("chat|" + tenantId + "|" + topic)).substring(0, 32) + "@thread.v2";
    }

    /** A GUID derived from a seed. */
    public static String guid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A meeting chat id and the meeting id the meeting APIs take. */
    public static String meetingChatId(String tenantId, String title) {
        return "19:meeting_" + b64("meeting|" + tenantId + "|" + title, 1).substring(0, 40) + "@thread.v2";
    }

    /** The base64 meeting id for a meeting chat. */
    public static String meetingId(String chatId) {
        return Base64.getEncoder().encodeToString(("0#" + chatId + "#0").getBytes(StandardCharsets.UTF_8));
    }
}
