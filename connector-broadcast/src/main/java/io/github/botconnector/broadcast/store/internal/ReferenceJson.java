package io.github.botconnector.broadcast.store.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.botconnector.schema.ConversationReference;
import java.util.Objects;

/** Reads stored references, including those of Microsoft's SDKs. Not public API. */
public final class ReferenceJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReferenceJson() {
    }

    /**
     * The reference in {@code json}. The Microsoft 365 Agents SDK names the bot {@code agent}; when only that is
     * present it becomes {@code bot} too (and {@code agent} is kept, so writing the reference back loses nothing).
     */
    public static ConversationReference read(String json) {
        Objects.requireNonNull(json, "json");
        ConversationReference reference = ConversationReference.fromJson(json);
        if (reference.bot() != null || !reference.properties().containsKey("agent")) {
            return reference;
        }
        try {
            JsonNode root = MAPPER.readTree(json);
            JsonNode agent = root.get("agent");
            if (agent instanceof ObjectNode) {
                ((ObjectNode) root).set("bot", agent);
                return ConversationReference.fromJson(MAPPER.writeValueAsString(root));
            }
            return reference;
        } catch (JsonProcessingException e) {
            // fromJson above already accepted the text; a failure here cannot happen for the same input
            throw new IllegalStateException("Could not re-read a stored reference", e);
        }
    }
}
