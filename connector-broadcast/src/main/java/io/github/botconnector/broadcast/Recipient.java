package io.github.botconnector.broadcast;

import io.github.botconnector.schema.ConversationReference;
import java.util.Objects;

/**
 * One recipient of a broadcast: a stored {@link ConversationReference}, or a Teams user in a tenant for whom the
 * engine creates (or gets) the 1:1 chat first. Immutable; {@link #key()} identifies it within a job (a job lists each
 * key once).
 *
 * <pre>{@code
 * Recipient.of(ConversationReference.fromJson(storedJson));
 * Recipient.user(tenantId, "29:1abc...");            // or an Entra object id
 * Recipient.channel(tenantId, "19:...@thread.tacv2");  // a new thread in the channel
 * }</pre>
 */
public final class Recipient {

    /** What a recipient names. */
    public enum Kind {
        /** A stored conversation reference. */
        REFERENCE,
        /** A user (Teams {@code 29:} id or Entra object id) in a tenant; the engine creates or gets the 1:1 chat. */
        USER,
        /** A team channel: the message starts a new thread there. */
        CHANNEL,
        /** Every member of a team, reached through Teams' batch API only ({@link BroadcastJob.Builder#viaBatchApi()}). */
        TEAM,
        /** Every user of a tenant, reached through Teams' batch API only ({@link BroadcastJob.Builder#viaBatchApi()}). */
        TENANT
    }

    private final Kind kind;
    private final String tenantId;
    private final String userId;
    private final ConversationReference reference;
    private final String channelId;
    /** {@link #key()}, built once: the engine looks a recipient up by it several times per message. */
    private final String key;

    private Recipient(Kind kind, String tenantId, String userId, ConversationReference reference, String channelId) {
        this.kind = kind;
        this.tenantId = tenantId;
        this.userId = userId;
        this.reference = reference;
        this.channelId = channelId;
        this.key = switch (kind) {
            case REFERENCE -> "conversation:" + reference.conversation().id();
            case USER -> "user:" + tenantId + ":" + userId;
            case CHANNEL -> "channel:" + channelId;
            case TEAM -> "team:" + channelId;
            case TENANT -> "tenant:" + tenantId;
        };
    }

    /**
     * A stored reference (captured from an authenticated inbound activity).
     *
     * @throws IllegalArgumentException when the reference has no conversation id or service URL
     */
    public static Recipient of(ConversationReference reference) {
        Objects.requireNonNull(reference, "reference");
        if (reference.conversation() == null || blank(reference.conversation().id())) {
            throw new IllegalArgumentException("the reference has no conversation id: store references from inbound "
                    + "activities (activity.conversationReference())");
        }
        if (blank(reference.serviceUrl())) {
            throw new IllegalArgumentException("the reference for conversation " + reference.conversation().id()
                    + " has no service URL: store references from inbound activities");
        }
        String tenant = reference.conversation().tenantId();
        String user = reference.user() == null ? null : reference.user().id();
        return new Recipient(Kind.REFERENCE, tenant, user, reference, null);
    }

    /**
     * A user of a tenant: the engine creates or gets the 1:1 chat on the engine client's service URL, then sends.
     *
     * @param tenantId the user's Microsoft Entra tenant id
     * @param userId   a Teams user id ({@code 29:...}) or an Entra object id (the latter needs a personal install)
     * @throws IllegalArgumentException when an id is blank
     */
    public static Recipient user(String tenantId, String userId) {
        if (blank(tenantId)) {
            throw new IllegalArgumentException("tenantId is required for a 1:1 chat: Teams refuses to create one "
                    + "without it");
        }
        if (blank(userId)) {
            throw new IllegalArgumentException("userId must not be blank");
        }
        return new Recipient(Kind.USER, tenantId, userId, null, null);
    }

    /**
     * A team channel: the message starts a new thread there (the thread's reference is kept in the ledger, for
     * update and recall). The app must be installed in the team; private and shared channels refuse bots.
     *
     * @param tenantId  the team's tenant
     * @param channelId the channel id ({@code 19:...@thread.tacv2}; the team id for General)
     * @throws IllegalArgumentException when an id is blank
     */
    public static Recipient channel(String tenantId, String channelId) {
        if (blank(tenantId) || blank(channelId)) {
            throw new IllegalArgumentException("tenantId and channelId are required for a channel thread");
        }
        return new Recipient(Kind.CHANNEL, tenantId, null, null, channelId);
    }

    /**
     * Every member of a team, in one request of Teams' batch API ({@code v3/batch/conversation/team}); Teams fans the
     * message out. Only for {@link BroadcastJob.Builder#viaBatchApi()} jobs; for one request per member (activity
     * ids, update, recall, personalised text) use {@code engine.teamMembers(teamId, tenantId)}.
     *
     * @param tenantId the team's tenant
     * @param teamId   the team's id ({@code 19:...@thread.tacv2})
     * @throws IllegalArgumentException when an id is blank
     */
    public static Recipient team(String tenantId, String teamId) {
        if (blank(tenantId) || blank(teamId)) {
            throw new IllegalArgumentException("tenantId and teamId are required for a team");
        }
        return new Recipient(Kind.TEAM, tenantId, null, null, teamId);
    }

    /**
     * Every user of a tenant who can be reached, in one request of Teams' batch API
     * ({@code v3/batch/conversation/tenant}). Only for {@link BroadcastJob.Builder#viaBatchApi()} jobs.
     *
     * @param tenantId the tenant
     * @throws IllegalArgumentException when the id is blank
     */
    public static Recipient tenant(String tenantId) {
        if (blank(tenantId)) {
            throw new IllegalArgumentException("tenantId is required");
        }
        return new Recipient(Kind.TENANT, tenantId, null, null, null);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** What this recipient names. */
    public Kind kind() {
        return kind;
    }

    /** The tenant, or {@code null} when a stored reference carries none. */
    public String tenantId() {
        return tenantId;
    }

    /** The user id ({@link Kind#USER}; for a reference its user, if any), or {@code null}. */
    public String userId() {
        return userId;
    }

    /** The channel ({@link Kind#CHANNEL}), or {@code null}. */
    public String channelId() {
        return kind == Kind.CHANNEL ? channelId : null;
    }

    /** The team ({@link Kind#TEAM}), or {@code null}. */
    public String teamId() {
        return kind == Kind.TEAM ? channelId : null;
    }

    /** The stored reference ({@link Kind#REFERENCE}), or {@code null}. */
    public ConversationReference reference() {
        return reference;
    }

    /**
     * The recipient's identity within a job: {@code conversation:<id>} for a reference, {@code user:<tenant>:<id>} for
     * a user, {@code channel:<id>} for a channel, {@code team:<id>} for a team, {@code tenant:<id>} for a tenant.
     */
    public String key() {
        return key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Recipient r && r.key().equals(key());
    }

    @Override
    public int hashCode() {
        return key().hashCode();
    }

    @Override
    public String toString() {
        return "Recipient[" + key() + "]";
    }
}
