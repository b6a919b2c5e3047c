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
 * }</pre>
 */
public final class Recipient {

    /** What a recipient names. */
    public enum Kind {
        /** A stored conversation reference. */
        REFERENCE,
        /** A user (Teams {@code 29:} id or Entra object id) in a tenant; the engine creates or gets the 1:1 chat. */
        USER
    }

    private final Kind kind;
    private final String tenantId;
    private final String userId;
    private final ConversationReference reference;

    private Recipient(Kind kind, String tenantId, String userId, ConversationReference reference) {
        this.kind = kind;
        this.tenantId = tenantId;
        this.userId = userId;
        this.reference = reference;
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
        return new Recipient(Kind.REFERENCE, tenant, user, reference);
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
        return new Recipient(Kind.USER, tenantId, userId, null);
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

    /** The stored reference ({@link Kind#REFERENCE}), or {@code null}. */
    public ConversationReference reference() {
        return reference;
    }

    /**
     * The recipient's identity within a job: {@code conversation:<id>} for a reference, {@code user:<tenant>:<id>} for
     * a user.
     */
    public String key() {
        return kind == Kind.REFERENCE ? "conversation:" + reference.conversation().id()
                : "user:" + tenantId + ":" + userId;
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
