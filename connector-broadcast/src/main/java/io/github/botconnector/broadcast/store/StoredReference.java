package io.github.botconnector.broadcast.store;

import io.github.botconnector.broadcast.store.internal.ReferenceJson;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ConversationAccount;
import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.teams.TeamsActivities;
import java.time.Instant;
import java.util.Objects;

/**
 * One stored conversation: its reference and the columns a bot looks it up by.
 *
 * @param conversationId   the conversation id without a thread suffix ({@code ;messageid=...}): the key
 * @param reference        the reference to send with (its conversation id is {@code conversationId})
 * @param tenantId         the Microsoft Entra tenant, or {@code null} when unknown
 * @param userId           the Bot Framework id of the user ({@code 29:...}) the reference names, or {@code null}
 * @param userAadObjectId  the user's Entra object id, or {@code null}
 * @param teamId           the team of a channel conversation, or {@code null}
 * @param conversationType {@code personal}, {@code groupChat} or {@code channel}, or {@code null}
 * @param firstSeen        when the conversation was first stored
 * @param lastSeen         when an activity last refreshed it
 */
public record StoredReference(String conversationId, ConversationReference reference, String tenantId, String userId,
                              String userAadObjectId, String teamId, String conversationType, Instant firstSeen,
                              Instant lastSeen) {

    /** Checks the required members. */
    public StoredReference {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        if (conversationId == null || conversationId.isBlank()) {
            throw new IllegalArgumentException("conversationId must not be blank: store references of activities"
                    + " that have a conversation");
        }
        if (reference.serviceUrl() == null || reference.serviceUrl().isBlank()) {
            throw new IllegalArgumentException("the reference of conversation " + conversationId + " has no"
                    + " serviceUrl: store references captured from inbound activities");
        }
    }

    /**
     * The entry for an inbound activity: its reference (tenant filled in from {@code channelData}), the team and
     * user it names, seen at {@code seenAt}.
     *
     * @param activity an activity whose JWT was validated
     * @param seenAt   when it arrived
     * @return the entry
     * @throws IllegalArgumentException when the activity has no conversation id or service URL
     */
    public static StoredReference of(Activity activity, Instant seenAt) {
        Objects.requireNonNull(activity, "activity");
        return of(TeamsActivities.conversationReference(activity), TeamsActivities.teamId(activity), seenAt);
    }

    /**
     * The entry for a reference captured elsewhere (for example read with {@link #parseReference(String)} from the
     * storage of another SDK).
     *
     * @param reference the reference
     * @param teamId    its team, or {@code null}
     * @param seenAt    when it was last seen
     * @return the entry
     * @throws IllegalArgumentException when the reference has no conversation id or service URL
     */
    public static StoredReference of(ConversationReference reference, String teamId, Instant seenAt) {
        Objects.requireNonNull(reference, "reference");
        ConversationAccount conversation = reference.conversation();
        String id = conversation == null ? null : baseConversationId(conversation.id());
        ConversationReference keyed = reference;
        if (id != null && !id.equals(conversation.id())) {
            keyed = reference.toBuilder().conversation(conversation.toBuilder().id(id).build()).build();
        }
        return new StoredReference(id, keyed, reference.tenantId(),
                reference.user() == null ? null : reference.user().id(),
                reference.user() == null ? null : reference.user().aadObjectId(), teamId,
                conversation == null ? null : conversation.conversationType(), seenAt, seenAt);
    }

    /**
     * Reads a stored reference: this SDK's {@link ConversationReference#toJson()} and the JSON that Microsoft's SDKs
     * store (botbuilder's {@code bot}, or the Microsoft 365 Agents SDK's {@code agent} in its place).
     *
     * @param json the stored JSON
     * @return the reference, with {@code bot} set from {@code agent} when only that is present
     * @throws io.github.botconnector.exception.JsonFormatException when {@code json} is not a JSON object
     */
    public static ConversationReference parseReference(String json) {
        return ReferenceJson.read(json);
    }

    /** This entry with {@code lastSeen} and the reference of a newer activity, keeping {@code firstSeen}. */
    StoredReference refreshedBy(StoredReference newer) {
        return new StoredReference(conversationId, newer.reference, newer.tenantId != null ? newer.tenantId : tenantId,
                newer.userId != null ? newer.userId : userId,
                newer.userAadObjectId != null ? newer.userAadObjectId : userAadObjectId,
                newer.teamId != null ? newer.teamId : teamId,
                newer.conversationType != null ? newer.conversationType : conversationType, firstSeen, newer.lastSeen);
    }

    /** {@code id} without the {@code ;messageid=} suffix of a channel thread. */
    static String baseConversationId(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        int thread = id.indexOf(";messageid=");
        return thread < 0 ? id : id.substring(0, thread);
    }
}
