package io.github.botconnector.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Copies and freezes model state: lists, unknown-member maps and free-form JSON values. Not public API. */
public final class Values {

    private Values() {
    }

    /** An unmodifiable copy of {@code list} (null elements kept), or {@code null} for {@code null}. */
    public static <T> List<T> list(List<? extends T> list) {
        if (list == null) {
            return null;
        }
        return Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** {@code list} or an empty list. */
    public static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** A deep, unmodifiable copy of unknown JSON members (insertion order kept); never null. */
    public static Map<String, Object> properties(Map<String, Object> properties) {
        if (properties == null || properties.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>(properties.size() * 2);
        for (Map.Entry<String, Object> e : properties.entrySet()) {
            copy.put(e.getKey(), freeze(e.getValue()));
        }
        return Collections.unmodifiableMap(copy);
    }

    /** A new mutable map for a builder, seeded from a model's unknown members. */
    public static Map<String, Object> mutableProperties(Map<String, Object> properties) {
        return properties == null || properties.isEmpty() ? null : new LinkedHashMap<>(properties);
    }

    /**
     * Freezes a free-form JSON value: maps and lists become unmodifiable deep copies, JSON scalars stay as they are,
     * and any other object (a typed model, a caller's POJO) is converted to its JSON tree first so the stored value
     * never changes behind the model's back.
     */
    public static Object freeze(Object value) {
        return freeze(value, 0, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /**
     * Deepest nesting accepted in a value built in code; the same as Jackson's default limit when reading JSON, so
     * whatever can be read can be frozen and written back.
     */
    public static final int MAX_DEPTH = 1000;

    private static Object freeze(Object value, int depth, Set<Object> ancestors) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof BigDecimal || value instanceof BigInteger
                || value instanceof Double || value instanceof Float || value instanceof Short || value instanceof Byte) {
            return value;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            if (depth >= MAX_DEPTH) {
                throw new IllegalArgumentException("A map or list value is nested more than " + MAX_DEPTH + " levels"
                        + " deep; JSON values of activities must be finite trees: flatten the value");
            }
            if (!ancestors.add(value)) {
                throw new IllegalArgumentException("A map or list value contains itself (" + value.getClass()
                        .getSimpleName() + " nested in its own entries); JSON values must be trees: build a copy"
                        + " without the cycle");
            }
            try {
                return freezeContainer(value, depth, ancestors);
            } finally {
                ancestors.remove(value);
            }
        }
        if (value instanceof CharSequence cs) {
            return cs.toString();
        }
        return freeze(Json.mapper().convertValue(value, Object.class), depth, ancestors);
    }

    private static Object freezeContainer(Object value, int depth, Set<Object> ancestors) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
            for (Map.Entry<?, ?> e : map.entrySet()) {
                copy.put(String.valueOf(e.getKey()), freeze(e.getValue(), depth + 1, ancestors));
            }
            return Collections.unmodifiableMap(copy);
        }
        List<?> list = (List<?>) value;
        List<Object> copy = new ArrayList<>(list.size());
        for (Object o : list) {
            copy.add(freeze(o, depth + 1, ancestors));
        }
        return Collections.unmodifiableList(copy);
    }
}
