package io.github.botconnector.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.botconnector.internal.Json;
import java.util.List;
import java.util.Map;

/** JSON tree helpers over the SDK's mapper. */
final class Json2 {
    static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Json2() {
    }

    static String write(Object value) {
        return Json.write(value);
    }

    /** An object from alternating names and values ({@code null} values are left out). */
    static ObjectNode obj(Object... kv) {
        ObjectNode o = F.objectNode();
        for (int i = 0; i < kv.length; i += 2) {
            put(o, (String) kv[i], kv[i + 1]);
        }
        return o;
    }

    static void put(ObjectNode o, String name, Object value) {
        if (value == null) {
            return;
        }
        o.set(name, value instanceof JsonNode n ? n : Json.mapper().valueToTree(value));
    }

    static ArrayNode arr(List<?> values) {
        ArrayNode a = F.arrayNode();
        for (Object v : values) {
            a.add(v instanceof JsonNode n ? n : Json.mapper().valueToTree(v));
        }
        return a;
    }

    static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return F.missingNode();
        }
        return Json.tree(text);
    }

    /** Member {@code name}, also accepted with an upper-case first letter (PascalCase senders). */
    static JsonNode field(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return F.missingNode();
        }
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            v = node.get(Character.toUpperCase(name.charAt(0)) + name.substring(1));
        }
        return v == null ? F.missingNode() : v;
    }

    static String text(JsonNode node, String... path) {
        JsonNode cur = node;
        for (String p : path) {
            cur = field(cur, p);
        }
        return cur.isTextual() && !cur.asText().isBlank() ? cur.asText() : null;
    }

    static Map<String, Object> toMap(JsonNode node) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = Json.mapper().convertValue(node, Map.class);
        return m;
    }
}
