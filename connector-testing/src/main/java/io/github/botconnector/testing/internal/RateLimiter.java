package io.github.botconnector.testing.internal;

import io.github.botconnector.testing.RateLimits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Sliding-window limiter on the fake's clock; only accepted requests count. */
final class RateLimiter {

    private volatile RateLimits limits;
    private final Map<String, List<Long>> accepted = new HashMap<>();

    RateLimiter(RateLimits limits) {
        this.limits = limits;
    }

    void limits(RateLimits limits) {
        this.limits = limits;
        reset();
    }

    RateLimits limits() {
        return limits;
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
        long waitMillis = 0;
        String tKey = tenantKey == null ? null : "t|" + tenantKey;
        String cKey = conversationKey == null ? null : (read ? "r|" : "w|") + conversationKey;
        if (tKey != null) {
            waitMillis = Math.max(waitMillis, wait(tKey, l.perAppPerTenant(), 1, nowMillis));
        }
        if (cKey != null) {
            waitMillis = Math.max(waitMillis, wait(cKey, l.conversationWrites(), read ? l.readFactor() : 1, nowMillis));
        }
        if (waitMillis > 0) {
            return Math.max(1, (waitMillis + 999) / 1000);
        }
        if (tKey != null) {
            accepted.computeIfAbsent(tKey, k -> new ArrayList<>()).add(nowMillis);
        }
        if (cKey != null) {
            accepted.computeIfAbsent(cKey, k -> new ArrayList<>()).add(nowMillis);
        }
        return 0;
    }

    private long wait(String key, List<RateLimits.Window> windows, int factor, long now) {
        List<Long> hits = accepted.get(key);
        if (hits == null || windows.isEmpty()) {
            return 0;
        }
        long longest = windows.stream().mapToLong(w -> w.window().toMillis()).max().orElse(0);
        hits.removeIf(t -> t <= now - longest);
        long wait = 0;
        for (RateLimits.Window w : windows) {
            long span = w.window().toMillis();
            long limit = (long) w.limit() * factor;
            int first = 0;
            while (first < hits.size() && hits.get(first) <= now - span) {
                first++;
            }
            long count = hits.size() - first;
            if (count >= limit) {
                long mustExpire = hits.get((int) (first + count - limit));
                wait = Math.max(wait, mustExpire + span - now);
            }
        }
        return wait;
    }
}
