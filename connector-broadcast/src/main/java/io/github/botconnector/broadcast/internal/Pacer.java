package io.github.botconnector.broadcast.internal;

import io.github.botconnector.broadcast.PacingLimits.Window;
import java.util.List;

/**
 * Sliding windows over request <em>starts</em> for one scope (a tenant, a conversation, a job). A request counts in a
 * window from its start until {@code allowance + window} later: the service counts arrivals, and a request reaches it
 * up to {@code allowance} after it started, so a window at the service never holds more than the limit. How long a
 * request takes to be answered does not matter: the budget is a rate, not a number of requests in flight (that is
 * {@code maxInFlight}, one per conversation).
 *
 * <p>A smoothed pacer (tenants, jobs) also spreads its starts evenly over the shortest window: a token bucket filled at
 * the window's rate, starting with one token and holding at most a tenth of the limit (to catch up after a late
 * wake-up), so requests do not reach the service in bursts that arrive out of step.
 *
 * <p>A 429 pauses the scope and halves the allowed fraction of every limit; each success adds back a little (AIMD).
 * Not thread-safe: the dispatcher owns it. No allocation per request once its buffer has grown.
 */
public final class Pacer {

    private static final double MIN_FACTOR = 0.1;

    private final long[] spans;
    private final int[] limits;
    private final int maxInFlight;
    private final long allowance;
    private final long longest;
    private final boolean smooth;
    private final boolean untilAnswered;
    /**
     * Start + allowance (or the answer, when counting until answered) of each request still in some window,
     * ascending, as a ring.
     */
    private long[] stamps = new long[4];
    private int head;
    private int size;
    private int inFlight;
    private long pausedUntil;
    private double factor = 1.0;
    private boolean primed;
    private double tokens;
    private long refilledAt;

    /**
     * @param windows         the limits
     * @param maxInFlight     most requests in flight at once ({@link Integer#MAX_VALUE} for no bound)
     * @param allowanceMillis how long after its start a request may reach the service
     * @param smooth          whether starts are spread evenly over the shortest window
     * @param untilAnswered   whether a request counts in every window while in flight and then from its answer
     *                        (safe however late requests arrive, slow at high latency) instead of from its start
     */
    public Pacer(List<Window> windows, int maxInFlight, long allowanceMillis, boolean smooth, boolean untilAnswered) {
        this.spans = new long[windows.size()];
        this.limits = new int[windows.size()];
        int shortest = 0;
        for (int i = 0; i < windows.size(); i++) {
            spans[i] = windows.get(i).window().toMillis();
            limits[i] = windows.get(i).limit();
            if (spans[i] < spans[shortest]) {
                shortest = i;
            }
        }
        if (shortest != 0 && windows.size() > 1) {
            swap(0, shortest);
        }
        this.maxInFlight = maxInFlight;
        this.allowance = Math.max(0, allowanceMillis);
        long max = 0;
        for (long s : spans) {
            max = Math.max(max, s);
        }
        this.longest = max + this.allowance;
        this.smooth = smooth && spans.length > 0;
        this.untilAnswered = untilAnswered;
    }

    /** A pacer counting from request starts (the default). */
    public Pacer(List<Window> windows, int maxInFlight, long allowanceMillis, boolean smooth) {
        this(windows, maxInFlight, allowanceMillis, smooth, false);
    }

    private void swap(int a, int b) {
        long s = spans[a];
        spans[a] = spans[b];
        spans[b] = s;
        int l = limits[a];
        limits[a] = limits[b];
        limits[b] = l;
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
        for (int w = 0; w < spans.length; w++) {
            int limit = limit(w);
            int first = firstAfter(now - spans[w]);
            int count = size - first;
            if (untilAnswered) {
                if (inFlight >= limit) {
                    return Long.MAX_VALUE;
                }
                count += inFlight;
            }
            if (count >= limit) {
                // the oldest (count - limit + 1) requests in the window must leave it
                at = Math.max(at, stamp(first + count - limit) + spans[w]);
            }
        }
        if (smooth) {
            refill(now);
            if (tokens < 1) {
                at = Math.max(at, now + (long) Math.ceil((1 - tokens) / ratePerMilli()));
            }
        }
        return at;
    }

    /** A request starts at {@code now}. */
    public void start(long now) {
        inFlight++;
        if (!untilAnswered) {
            stamp(now + allowance);
        }
        if (smooth) {
            refill(now);
            tokens -= 1;
        }
    }

    /**
     * A request started earlier was answered (or failed) at {@code now}: counted from its start, it stays in the
     * windows of its start; counted until answered, it counts from {@code now}.
     */
    public void finish(long now) {
        inFlight--;
        if (untilAnswered) {
            stamp(now);
        }
    }

    private void stamp(long at) {
        long stamp = at;
        if (size > 0) {
            stamp = Math.max(stamp, stamp(size - 1));
        }
        if (size == stamps.length) {
            long[] grown = new long[stamps.length * 2];
            for (int i = 0; i < size; i++) {
                grown[i] = stamp(i);
            }
            stamps = grown;
            head = 0;
        }
        stamps[(head + size) % stamps.length] = stamp;
        size++;
    }

    /** A 429: no request before {@code until}, and the limits are halved (down to a tenth). */
    public void throttled(long until) {
        pausedUntil = Math.max(pausedUntil, until);
        factor = Math.max(MIN_FACTOR, factor / 2);
        if (smooth) {
            tokens = Math.min(tokens, capacity());
        }
    }

    /** A success: the limits climb back by 2 % of their full value. */
    public void succeeded() {
        if (factor < 1.0) {
            factor = Math.min(1.0, factor + 0.02);
        }
    }

    /** Whether nothing is in flight, nothing is paused and no request is still in a window. */
    public boolean idle(long now) {
        prune(now);
        return inFlight == 0 && size == 0 && pausedUntil <= now;
    }

    /** Requests in flight. */
    public int inFlight() {
        return inFlight;
    }

    private int limit(int w) {
        return Math.max(1, (int) Math.floor(limits[w] * factor));
    }

    private double ratePerMilli() {
        return limit(0) / (double) (spans[0] + allowance);
    }

    private double capacity() {
        return Math.max(1, limit(0) / 10.0);
    }

    private void refill(long now) {
        if (!primed) {
            primed = true;
            tokens = 1;
        } else if (now > refilledAt) {
            tokens = Math.min(capacity(), tokens + (now - refilledAt) * ratePerMilli());
        }
        refilledAt = Math.max(refilledAt, now);
    }

    private long stamp(int i) {
        return stamps[(head + i) % stamps.length];
    }

    private void prune(long now) {
        long t = now - longest;
        while (size > 0 && stamps[head] <= t) {
            head = (head + 1) % stamps.length;
            size--;
        }
    }

    /** Index of the first stamp strictly after {@code t}. */
    private int firstAfter(long t) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (stamp(mid) <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
