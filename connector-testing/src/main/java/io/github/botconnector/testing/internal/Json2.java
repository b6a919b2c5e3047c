package io.github.botconnector.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fake's own JSON mapper and tree helpers. It reads request bodies the way the SDK's models do (decimals kept
 * exactly, a repeated member or trailing tokens refused) but is the fake's own, so the fake depends on the SDK's
 * public API only.
 */
final class Json2 {
    static final JsonNodeFactory F = JsonNodeFactory.instance;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private Json2() {
    }

    /** Compact JSON of any value (trees, maps, lists, records). */
    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + value.getClass().getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    /** A tree of JSON text; not JSON (or a repeated member, or trailing tokens): {@link IllegalArgumentException}. */
    static JsonNode tree(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
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
        if (value instanceof String text) {             // the common values, without the mapper's round trip
            o.put(name, text);
        } else if (value instanceof Boolean b) {
            o.put(name, b);
        } else {
            o.set(name, value instanceof JsonNode n ? n : MAPPER.valueToTree(value));
        }
    }

    static ArrayNode arr(List<?> values) {
        ArrayNode a = F.arrayNode();
        for (Object v : values) {
            a.add(v instanceof JsonNode n ? n : MAPPER.valueToTree(v));
        }
        return a;
    }

    static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return F.missingNode();
        }
        return tree(text);
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

    /**
     * The JSON of {@code node} with the text of every member named in {@code blank} emptied: two trees with the same
     * shape key differ at most in those texts. Compact, members in order; a cache key, never sent.
     */
    static String shapeKey(JsonNode node, Set<String> blank) {
        StringBuilder out = new StringBuilder(256);
        shape(node, blank, out);
        return out.toString();
    }

    private static void shape(JsonNode node, Set<String> blank, StringBuilder out) {
        if (node.isObject()) {
            out.append('{');
            boolean first = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                if (!first) {
                    out.append(',');
                }
                first = false;
                quote(member.getKey(), out).append(':');
                if (member.getValue().isTextual() && blank.contains(member.getKey())) {
                    out.append("\"\"");
                } else {
                    shape(member.getValue(), blank, out);
                }
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                shape(node.get(i), blank, out);
            }
            out.append(']');
        } else if (node.isTextual()) {
            quote(node.textValue(), out);
        } else {
            out.append(node.asText());          // numbers, booleans, null: distinct from the quoted texts
        }
    }

    private static StringBuilder quote(String text, StringBuilder out) {
        return out.append('"').append(JsonStringEncoder.getInstance().quoteAsString(text)).append('"');
    }

    static Map<String, Object> toMap(JsonNode node) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = MAPPER.convertValue(node, Map.class);
        return m;
    }
}
