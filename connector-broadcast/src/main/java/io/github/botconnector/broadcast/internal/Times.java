package io.github.botconnector.broadcast.internal;

/** Times in ascending order in {@code [lo, hi)} of an array; appending (the common case) moves nothing. */
final class Times {
    private long[] a = new long[8];
    /** The first time's index. */
    int lo;
    /** One past the last time's index. */
    int hi;

    int size() {
        return hi - lo;
    }

    long get(int i) {
        return a[i];
    }

    void insert(long t) {
        if (hi == a.length) {
            int size = hi - lo;
            long[] target = size * 2 > a.length ? new long[a.length * 2] : a;
            System.arraycopy(a, lo, target, 0, size);
            a = target;
            lo = 0;
            hi = size;
        }
        int at = firstAfter(t);
        System.arraycopy(a, at, a, at + 1, hi - at);
        a[at] = t;
        hi++;
    }

    /** Removes one occurrence of {@code t}, if there. */
    void remove(long t) {
        int at = firstAfter(t - 1);
        if (at < hi && a[at] == t) {
            System.arraycopy(a, at + 1, a, at, hi - at - 1);
            hi--;
        }
    }

    void dropUpTo(long t) {
        while (lo < hi && a[lo] <= t) {
            lo++;
        }
    }

    /** Index of the first time strictly after {@code t}. */
    int firstAfter(long t) {
        int x = lo;
        int y = hi;
        while (x < y) {
            int mid = (x + y) >>> 1;
            if (a[mid] <= t) {
                x = mid + 1;
            } else {
                y = mid;
            }
        }
        return x;
    }
}
