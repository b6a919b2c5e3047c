package io.github.botconnector.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.opentest4j.AssertionFailedError;

/**
 * Compares JSON documents as trees: member order ignored, members whose value is {@code null} treated as absent
 * (the SDK omits nulls on output), numbers compared by value, and ISO-8601 timestamps compared as instants (and,
 * for {@code localTimestamp}, also by offset).
 */
public final class JsonAssert {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> LOCAL_TIME_KEYS = Set.of("localTimestamp");

    private JsonAssert() {
    }

    /** Fails with the JSON path of the first difference unless the two documents are equal as described above. */
    public static void assertJsonEquals(String expected, String actual) {
        JsonNode e = parse(expected);
        JsonNode a = parse(actual);
        String diff = diff("$", null, e, a);
        if (diff != null) {
            throw new AssertionFailedError("JSON differs at " + diff + "\nexpected: " + expected + "\nactual:   " + actual,
                    expected, actual);
        }
    }

    /** Parses JSON text with a plain mapper (independent of the SDK's own). */
    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String diff(String path, String key, JsonNode e, JsonNode a) {
        boolean eNull = e == null || e.isNull();
        boolean aNull = a == null || a.isNull();
        if (eNull || aNull) {
            return eNull && aNull ? null : path + " (expected " + e + ", actual " + a + ")";
        }
        if (e.isObject() && a.isObject()) {
            Set<String> names = new TreeSet<>();
            e.fieldNames().forEachRemaining(names::add);
            a.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String d = diff(path + "." + name, name, e.get(name), a.get(name));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (e.isArray() && a.isArray()) {
            if (e.size() != a.size()) {
                return path + " (expected " + e.size() + " elements, actual " + a.size() + ")";
            }
            for (int i = 0; i < e.size(); i++) {
                String d = diff(path + "[" + i + "]", null, e.get(i), a.get(i));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (e.isNumber() && a.isNumber()) {
            return e.decimalValue().compareTo(a.decimalValue()) == 0 ? null : path + " (expected " + e + ", actual " + a + ")";
        }
        if (e.isTextual() && a.isTextual()) {
            if (e.textValue().equals(a.textValue())) {
                return null;
            }
            OffsetDateTime et = time(e.textValue());
            OffsetDateTime at = time(a.textValue());
            if (et != null && at != null && et.toInstant().equals(at.toInstant())
                    && (!LOCAL_TIME_KEYS.contains(key) || et.getOffset().equals(at.getOffset()))) {
                return null;
            }
        }
        return e.equals(a) ? null : path + " (expected " + e + ", actual " + a + ")";
    }

    private static OffsetDateTime time(String text) {
        if (text.length() < 19 || text.charAt(4) != '-' || text.charAt(10) != 'T') {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Removes members with null values, recursively (helper for building expected documents). */
    public static JsonNode withoutNulls(JsonNode node) {
        if (node instanceof ObjectNode obj) {
            for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (f.getValue().isNull()) {
                    it.remove();
                } else {
                    withoutNulls(f.getValue());
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(JsonAssert::withoutNulls);
        }
        return node;
    }
}
