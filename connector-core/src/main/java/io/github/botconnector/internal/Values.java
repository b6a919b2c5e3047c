package io.github.botconnector.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;

/**
 * Copies and freezes model state: lists, unknown-member maps and free-form JSON values. Not public API.
 *
 * <p>What this class freezes it recognizes: a list frozen by {@link #list} and a map or list frozen by
 * {@link #freeze} or {@link #properties} are returned as they are when frozen again, so copying a model with
 * {@code toBuilder().build()} shares its immutable state instead of copying it.
 */
public final class Values {

    private Values() {
    }

    /** An unmodifiable copy of {@code list} (null elements kept), or {@code null} for {@code null}. */
    public static <T> List<T> list(List<? extends T> list) {
        if (list == null) {
            return null;
        }
        if (list instanceof FrozenList<? extends T> frozen) {
            @SuppressWarnings("unchecked")
            List<T> same = (List<T>) frozen;
            return same;
        }
        Object[] items = list.toArray();
        // Only ArrayList is known to hand out a fresh array; any other list is copied once more.
        return new FrozenList<>(list.getClass() == ArrayList.class ? items
                : Arrays.copyOf(items, items.length, Object[].class), false);
    }

    /** {@link #list(List)} of an array ({@code null} for {@code null}). */
    @SafeVarargs
    public static <T> List<T> list(T... items) {
        return items == null ? null : new FrozenList<>(Arrays.copyOf(items, items.length, Object[].class), false);
    }

    /**
     * A list a builder may add to: {@code list} itself when it is the builder's own, else a mutable copy (an empty
     * one for {@code null}).
     */
    public static <T> List<T> appendable(List<T> list) {
        return list == null ? new ArrayList<>() : list instanceof FrozenList<T> ? new ArrayList<>(list) : list;
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
        if (properties instanceof FrozenMap) {
            return properties;
        }
        Map<String, Object> copy = new LinkedHashMap<>(properties.size() * 2);
        for (Map.Entry<String, Object> e : properties.entrySet()) {
            copy.put(e.getKey(), freeze(e.getValue()));
        }
        return new FrozenMap(copy);
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
        if (isFrozen(value)) {
            return value;
        }
        return freeze(value, 0, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /** Whether {@code value} is a JSON scalar or a value frozen here: nothing to copy. */
    private static boolean isFrozen(Object value) {
        return value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof BigDecimal || value instanceof BigInteger
                || value instanceof Double || value instanceof Float || value instanceof Short || value instanceof Byte
                || value instanceof FrozenMap || value instanceof FrozenList<?> list && list.tree;
    }

    /**
     * Deepest nesting accepted in a value built in code; the same as Jackson's default limit when reading JSON, so
     * whatever can be read can be frozen and written back.
     */
    public static final int MAX_DEPTH = 1000;

    private static Object freeze(Object value, int depth, Set<Object> ancestors) {
        if (isFrozen(value)) {
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
            return new FrozenMap(copy);
        }
        List<?> list = (List<?>) value;
        Object[] copy = new Object[list.size()];
        int i = 0;
        for (Object o : list) {
            copy[i++] = freeze(o, depth + 1, ancestors);
        }
        return new FrozenList<>(i == copy.length ? copy : Arrays.copyOf(copy, i), true);
    }

    /**
     * An unmodifiable list over an array nobody else holds. {@code tree}: a frozen JSON value (its elements are
     * frozen too), as opposed to a model's list of immutable models.
     */
    private static final class FrozenList<E> extends AbstractList<E> implements RandomAccess {
        private final Object[] items;
        final boolean tree;

        FrozenList(Object[] items, boolean tree) {
            this.items = items;
            this.tree = tree;
        }

        @Override
        @SuppressWarnings("unchecked")
        public E get(int index) {
            return (E) items[index];
        }

        @Override
        public int size() {
            return items.length;
        }

        @Override
        public Object[] toArray() {
            return items.clone();
        }
    }

    /** An unmodifiable map of frozen JSON values over a map nobody else holds; keeps insertion order. */
    private static final class FrozenMap extends AbstractMap<String, Object> {
        private final Map<String, Object> map;
        private final Set<Map.Entry<String, Object>> entries;

        FrozenMap(Map<String, Object> map) {
            this.map = map;
            this.entries = Collections.unmodifiableMap(map).entrySet();
        }

        @Override
        public Set<Map.Entry<String, Object>> entrySet() {
            return entries;
        }

        @Override
        public int size() {
            return map.size();
        }

        @Override
        public boolean containsKey(Object key) {
            return map.containsKey(key);
        }

        @Override
        public Object get(Object key) {
            return map.get(key);
        }
    }
}
