package io.github.botconnector.testing.internal;

import io.github.botconnector.testing.RateLimits;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sliding-window limiter on the fake's clock; only accepted requests count. Each key keeps, per window, the times of
 * the requests accepted within that window, oldest first; a request drops the expired ones from the front, so its
 * cost does not grow with the history.
 */
final class RateLimiter {

    private volatile RateLimits limits;
    private final Map<String, Times[]> accepted = new HashMap<>();

    RateLimiter(RateLimits limits) {
        this.limits = limits;
    }

    synchronized void reset() {
        accepted.clear();
    }

    /**
     * Records the request if allowed; returns {@code 0} when accepted, else the whole seconds to wait.
     *
     * @param tenantKey       tenant (or {@code null})
     * @param conversationKey conversation (or {@code null} for requests that are not about one conversation)
     * @param read            whether the request is a read (limits times {@link RateLimits#readFactor()})
     */
    synchronized long acquire(String tenantKey, String conversationKey, boolean read, long nowMillis) {
        RateLimits l = limits;
        if (!l.enabled()) {
            return 0;
        }
        Times[] tenant = tenantKey == null ? null : times("t|" + tenantKey, l.perAppPerTenant());
        Times[] conversation = conversationKey == null ? null
                : times((read ? "r|" : "w|") + conversationKey, l.conversationWrites());
        long waitMillis = 0;
        if (tenant != null) {
            waitMillis = Math.max(waitMillis, wait(tenant, l.perAppPerTenant(), 1, nowMillis));
        }
        if (conversation != null) {
            waitMillis = Math.max(waitMillis, wait(conversation, l.conversationWrites(), read ? l.readFactor() : 1,
                    nowMillis));
        }
        if (waitMillis > 0) {
            return Math.max(1, (waitMillis + 999) / 1000);
        }
        record(tenant, nowMillis);
        record(conversation, nowMillis);
        return 0;
    }

    private Times[] times(String key, List<RateLimits.Window> windows) {
        return accepted.computeIfAbsent(key, k -> {
            Times[] t = new Times[windows.size()];
            for (int i = 0; i < t.length; i++) {
                t[i] = new Times();
            }
            return t;
        });
    }

    private static long wait(Times[] times, List<RateLimits.Window> windows, int factor, long now) {
        long wait = 0;
        for (int i = 0; i < times.length; i++) {
            RateLimits.Window w = windows.get(i);
            long span = w.window().toMillis();
            long limit = (long) w.limit() * factor;
            Times t = times[i];
            t.dropUpTo(now - span);
            if (t.size() >= limit) {
                long mustExpire = t.get((int) (t.size() - limit));
                wait = Math.max(wait, mustExpire + span - now);
            }
        }
        return wait;
    }

    private static void record(Times[] times, long now) {
        if (times != null) {
            for (Times t : times) {
                t.add(now);
            }
        }
    }

    /** Times in milliseconds, oldest first, in a growable ring. */
    static final class Times {
        private long[] ring = new long[8];
        private int head;
        private int size;

        int size() {
            return size;
        }

        long get(int i) {
            return ring[(head + i) & (ring.length - 1)];
        }

        void add(long t) {
            if (size == ring.length) {
                long[] bigger = new long[ring.length * 2];
                for (int i = 0; i < size; i++) {
                    bigger[i] = get(i);
                }
                ring = bigger;
                head = 0;
            }
            ring[(head + size) & (ring.length - 1)] = t;
            size++;
        }

        /** Drops the times at or before {@code t} from the front. */
        void dropUpTo(long t) {
            while (size > 0 && ring[head] <= t) {
                head = (head + 1) & (ring.length - 1);
                size--;
            }
        }
    }
}
