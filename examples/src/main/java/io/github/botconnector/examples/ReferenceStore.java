package io.github.botconnector.examples;

import io.github.botconnector.schema.ConversationReference;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Conversation references kept as JSON, one per conversation id — the storage format a real bot would write to its
 * database ({@link ConversationReference#toJson()} / {@link ConversationReference#fromJson(String)}).
 *
 * <p>Teams rules behind it: store a reference only from an authenticated inbound activity; refresh it on every
 * inbound activity (the service URL can change); drop it when the bot is uninstalled or blocked.
 *
 * <p>In memory and thread-safe; a real bot uses a table keyed by conversation id.
 */
public final class ReferenceStore {

    private final Map<String, String> jsonByConversationId = new ConcurrentHashMap<>();

    /** Stores (or refreshes) the reference of its conversation. */
    public void save(ConversationReference reference) {
        jsonByConversationId.put(reference.conversation().id(), reference.toJson());
    }

    /** The stored reference of a conversation, or {@code null}. */
    public ConversationReference find(String conversationId) {
        String json = jsonByConversationId.get(conversationId);
        return json == null ? null : ConversationReference.fromJson(json);
    }

    /** Forgets a conversation; returns whether it was stored. */
    public boolean remove(String conversationId) {
        return jsonByConversationId.remove(conversationId) != null;
    }

    /** Every stored reference. */
    public List<ConversationReference> all() {
        return jsonByConversationId.values().stream().map(ConversationReference::fromJson).toList();
    }

    /** The stored JSON of a conversation, or {@code null}. */
    public String json(String conversationId) {
        return jsonByConversationId.get(conversationId);
    }

    /** How many references are stored. */
    public int size() {
        return jsonByConversationId.size();
    }
}
