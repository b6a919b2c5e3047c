package io.github.botconnector.broadcast.internal;

import io.github.botconnector.broadcast.PacingLimits.Window;
import java.util.List;

/**
 * Sliding windows over the times requests reach the service, for one scope (a tenant, a conversation, a job). The
 * service counts a request when it reads it, somewhere between the request's start {@code s} and its answer
 * {@code r}. The pacer counts it at an estimate of that moment:
 *
 * <ul>
 *   <li>while in flight, at {@code s + allowance};</li>
 *   <li>once answered, at {@code s + clamp(lateness, allowance, lateArrivalLimit)}, where {@code lateness} is what
 *       the request took beyond the recent minimum latency of its tenant ({@link LatencyFloor}): a constant
 *       processing time is not late arrival, a request that took 60 ms longer than the fastest may have been read
 *       60 ms late.</li>
 * </ul>
 *
 * A window at the service thus never holds more than the limit as long as requests reach it within the allowance, or
 * are late by less than the limit and answered before the window after them has passed (at Teams' latency of 0.5–1 s
 * against a 1 s window, nearly always). How long a request takes does not matter otherwise: the budget is a rate, not
 * a number of requests in flight (that is {@code maxInFlight}, one per conversation).
 *
 * <p>With {@code untilAnswered}, a request counts in every window while in flight and from its answer: safe however
 * late requests arrive, slow when answers are slow.
 *
 * <p>A smoothed pacer (tenants, jobs) also spreads its starts evenly over the shortest window: a token bucket filled at
 * the window's rate, starting with one token and holding at most a tenth of the limit (to catch up after a late
 * wake-up), so requests do not reach the service in bursts that arrive out of step.
 *
 * <p>A 429 pauses the scope and lowers the allowed fraction of every limit; each success adds back a little (AIMD).
 * The pause for {@code Retry-After} already costs a whole window of starts, so the decrease is gentle: a lone 429
 * (most often one request that reached the service late) lowers the limits by a quarter; a 429 within
 * {@value #REPEAT_MILLIS} ms of the previous decrease (someone else spends the same budget) halves them. 429s for
 * requests started before the last decrease are answers to the same crowding and lower nothing further (the pause is
 * still extended). Not thread-safe: the dispatcher owns it. No allocation per request once its buffer has grown.
 */
public final class Pacer {

    private static final double MIN_FACTOR = 0.1;
    /** Two decreases closer than this mean the budget is crowded, not that one request came late. */
    static final long REPEAT_MILLIS = 10_000;

    private final long[] spans;
    private final int[] limits;
    private final int maxInFlight;
    private final long allowance;
    private final long lateLimit;
    private final long longest;
    private final boolean smooth;
    private final boolean untilAnswered;
    /** Estimated arrival times of the requests still in some window, ascending, in {@code [lo, hi)}. */
    private long[] stamps = new long[8];
    private int lo;
    private int hi;
    private int inFlight;
    private long pausedUntil;
    private double factor = 1.0;
    private long decreasedAt = Long.MIN_VALUE;
    private boolean primed;
    private double tokens;
    private long refilledAt;

    /**
     * @param windows          the limits
     * @param maxInFlight      most requests in flight at once ({@link Integer#MAX_VALUE} for no bound)
     * @param allowanceMillis  how long after its start a request is taken to reach the service at the least
     * @param lateLimitMillis  the latest an answered request is taken to have reached the service after its start
     * @param smooth           whether starts are spread evenly over the shortest window
     * @param untilAnswered    whether a request counts in every window while in flight and then from its answer
     *                         (safe however late requests arrive, slow at high latency) instead of from its arrival
     */
    public Pacer(List<Window> windows, int maxInFlight, long allowanceMillis, long lateLimitMillis, boolean smooth,
                 boolean untilAnswered) {
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
        this.lateLimit = Math.max(this.allowance, lateLimitMillis);
        long max = 0;
        for (long s : spans) {
            max = Math.max(max, s);
        }
        this.longest = max + this.lateLimit;
        this.smooth = smooth && spans.length > 0;
        this.untilAnswered = untilAnswered;
    }

    /** A pacer counting each request at its start plus the allowance, answered or not. */
    public Pacer(List<Window> windows, int maxInFlight, long allowanceMillis, boolean smooth) {
        this(windows, maxInFlight, allowanceMillis, allowanceMillis, smooth, false);
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
            int count = hi - first;
            if (untilAnswered) {
                if (inFlight >= limit) {
                    return Long.MAX_VALUE;
                }
                count += inFlight;
            }
            if (count >= limit) {
                // the oldest (count - limit + 1) requests in the window must leave it (counted until answered,
                // fewer than the limit are in flight, so that one is in the window)
                at = Math.max(at, stamps[first + count - limit] + spans[w]);
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
            insert(now + allowance);
        }
        if (smooth) {
            refill(now);
            tokens -= 1;
        }
    }

    /**
     * A request started at {@code startedAt} was answered (or failed) at {@code now}. Counted until answered, it
     * counts from {@code now}; otherwise it moves from {@code startedAt + allowance} to where it may have reached the
     * service: {@code startedAt + lateness}, within {@code [allowance, lateArrivalLimit]}.
     *
     * @param lateness how late the request may have reached the service (see {@link LatencyFloor})
     */
    public void finish(long startedAt, long now, long lateness) {
        inFlight--;
        if (untilAnswered) {
            insert(now);
            return;
        }
        long late = Math.min(lateLimit, Math.max(allowance, lateness));
        if (late == allowance) {
            return;
        }
        prune(now);
        remove(startedAt + allowance);
        if (startedAt + late > now - longest) {
            insert(startedAt + late);
        }
    }

    /**
     * A 429 for a request started at {@code startedAt}, answered at {@code now}: no request before {@code until},
     * and, unless it is part of the crowding already reacted to, lower limits (see the class comment).
     */
    public void throttled(long startedAt, long now, long until) {
        pausedUntil = Math.max(pausedUntil, until);
        if (decreasedAt == Long.MIN_VALUE || startedAt >= decreasedAt) {
            boolean repeated = decreasedAt != Long.MIN_VALUE && now - decreasedAt < REPEAT_MILLIS;
            factor = Math.max(MIN_FACTOR, factor * (repeated ? 0.5 : 0.75));
            decreasedAt = now;
        }
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
        return inFlight == 0 && hi == lo && pausedUntil <= now;
    }

    /** Requests in flight. */
    public int inFlight() {
        return inFlight;
    }

    /** The fraction of every limit allowed now (1 until a 429). */
    double factor() {
        return factor;
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

    /** Inserts in order; at the end (the common case) without moving anything. */
    private void insert(long stamp) {
        if (hi == stamps.length) {
            int size = hi - lo;
            long[] target = size * 2 > stamps.length ? new long[stamps.length * 2] : stamps;
            System.arraycopy(stamps, lo, target, 0, size);
            stamps = target;
            lo = 0;
            hi = size;
        }
        int at = firstAfter(stamp);
        System.arraycopy(stamps, at, stamps, at + 1, hi - at);
        stamps[at] = stamp;
        hi++;
    }

    /** Removes one occurrence of {@code stamp}, if still there. */
    private void remove(long stamp) {
        int at = firstAfter(stamp - 1);
        if (at < hi && stamps[at] == stamp) {
            System.arraycopy(stamps, at + 1, stamps, at, hi - at - 1);
            hi--;
        }
    }

    private void prune(long now) {
        long t = now - longest;
        while (lo < hi && stamps[lo] <= t) {
            lo++;
        }
    }

    /** Index of the first stamp strictly after {@code t}. */
    private int firstAfter(long t) {
        int a = lo;
        int b = hi;
        while (a < b) {
            int mid = (a + b) >>> 1;
            if (stamps[mid] <= t) {
                a = mid + 1;
            } else {
                b = mid;
            }
        }
        return a;
    }
}
