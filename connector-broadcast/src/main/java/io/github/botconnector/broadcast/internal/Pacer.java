package io.github.botconnector.broadcast.internal;

import io.github.botconnector.broadcast.PacingLimits.Window;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Sliding windows for one scope (a tenant, a conversation, a job). A request counts from its start while in flight,
 * then from the time it may have reached the service ({@code min(answered, started + allowance)}), so a window at the
 * service never holds more than the limit even when requests arrive late. A 429 pauses the scope and halves the
 * allowed fraction of every limit; each success adds back a little (AIMD). Not thread-safe: the dispatcher owns it.
 */
public final class Pacer {

    private static final double MIN_FACTOR = 0.1;

    private final List<Window> windows;
    private final int maxInFlight;
    private final long longestMillis;
    private final List<Long> stamps = new ArrayList<>();
    private int inFlight;
    private long pausedUntil;
    private double factor = 1.0;

    /**
     * @param windows     the limits
     * @param maxInFlight most requests in flight at once ({@link Integer#MAX_VALUE} for no bound)
     */
    public Pacer(List<Window> windows, int maxInFlight) {
        this.windows = List.copyOf(windows);
        this.maxInFlight = maxInFlight;
        this.longestMillis = windows.stream().mapToLong(w -> w.window().toMillis()).max().orElse(0);
    }

    /**
     * When the next request may start: {@code now} or earlier when it may start now, a later time when a window must
     * pass, {@link Long#MAX_VALUE} when it must wait for a request in flight to finish.
     */
    public long availableAt(long now) {
        if (pausedUntil > now) {
            return pausedUntil;
        }
        if (inFlight >= maxInFlight) {
            return Long.MAX_VALUE;
        }
        prune(now);
        long at = now;
        for (Window w : windows) {
            long span = w.window().toMillis();
            int limit = Math.max(1, (int) Math.floor(w.limit() * factor));
            if (inFlight >= limit) {
                return Long.MAX_VALUE;
            }
            int first = firstAfter(now - span);
            int inWindow = stamps.size() - first;
            int count = inFlight + inWindow;
            if (count >= limit) {
                // the oldest (count - limit + 1) stamps in the window must leave it
                long mustLeave = stamps.get(first + (count - limit));
                at = Math.max(at, mustLeave + span + 1);
            }
        }
        return at;
    }

    /** A request starts now. */
    public void start() {
        inFlight++;
    }

    /**
     * A request started at {@code startedAt} was answered at {@code now}.
     *
     * @param allowanceMillis how long after its start a request may still reach the service
     */
    public void finish(long startedAt, long now, long allowanceMillis) {
        inFlight--;
        long stamp = Math.min(now, startedAt + allowanceMillis);
        int i = Collections.binarySearch(stamps, stamp);
        stamps.add(i < 0 ? -i - 1 : i, stamp);
    }

    /** A request ended without reaching the service (never written): it counts in no window. */
    public void cancel() {
        inFlight--;
    }

    /** A 429: no request before {@code until}, and the limits are halved (down to a tenth). */
    public void throttled(long until) {
        pausedUntil = Math.max(pausedUntil, until);
        factor = Math.max(MIN_FACTOR, factor / 2);
    }

    /** A success: the limits climb back by 2 % of their full value. */
    public void succeeded() {
        if (factor < 1.0) {
            factor = Math.min(1.0, factor + 0.02);
        }
    }

    /** Whether nothing is in flight, nothing is paused and no stamp is still in a window. */
    public boolean idle(long now) {
        prune(now);
        return inFlight == 0 && stamps.isEmpty() && pausedUntil <= now;
    }

    /** Requests in flight. */
    public int inFlight() {
        return inFlight;
    }

    private void prune(long now) {
        int drop = firstAfter(now - longestMillis);
        if (drop > 0) {
            stamps.subList(0, drop).clear();
        }
    }

    /** Index of the first stamp strictly after {@code t}. */
    private int firstAfter(long t) {
        int lo = 0;
        int hi = stamps.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (stamps.get(mid) <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
