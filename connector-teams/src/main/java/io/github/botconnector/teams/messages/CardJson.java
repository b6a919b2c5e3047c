package io.github.botconnector.teams.messages;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the plain maps and lists that cards are serialized from (no JSON library types in the public API). */
final class CardJson {

    private CardJson() {
    }

    /** An insertion-ordered, unmodifiable map of the given key/value pairs; {@code null} values are left out. */
    static Map<String, Object> object(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                map.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return Collections.unmodifiableMap(map);
    }

    /** An unmodifiable copy of a map of JSON-like values, keeping the order. */
    static Map<String, Object> copy(Map<String, ?> map, String what) {
        if (map == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (k == null) {
                throw new IllegalArgumentException(what + " has a null key");
            }
            out.put(k, v);
        });
        return Collections.unmodifiableMap(out);
    }

    static <T> List<T> list(List<T> items, String what) {
        List<T> out = new ArrayList<>(items.size());
        for (T item : items) {
            if (item == null) {
                throw new IllegalArgumentException(what + " contains null");
            }
            out.add(item);
        }
        return Collections.unmodifiableList(out);
    }

    static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required and must not be blank");
        }
        return value;
    }
}
