package io.github.botconnector.broadcast.internal;

import io.github.botconnector.broadcast.PacingLimits.Window;
import java.util.Arrays;
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
 *       60 ms late;</li>
 *   <li>in flight longer than both the shortest window (so its stamp left it) and the fastest answer plus the bound
 *       (a stalled connection, a service that stopped reading), in every window as if it reached the service now,
 *       and once answered at its start plus its whole lateness, unbounded.</li>
 * </ul>
 *
 * A window at the service thus never holds more than the limit as long as requests reach it within the allowance, or
 * are late by less than the limit and answered before the window after them has passed (at Teams' latency of 0.5–1 s
 * against a 1 s window, nearly always). A stall longer than the bound (the service stops reading for a while, or the
 * engine stops writing: a garbage-collection pause, a descheduled process on a loaded host) makes the requests sent
 * meanwhile reach the service together when it resumes, and their answers come back together: the engine's
 * {@link StallWatch} recognises such a burst of late answers across tenants, and the pacer counts each answer of the
 * burst at its whole lateness, also the last {@value #REMEMBERED} it had counted at the bound before the burst was
 * recognised; so their slots are not taken again while the service still counts them. How long a request takes does
 * not matter otherwise: the budget is a rate, not a number of requests in flight (that is {@code maxInFlight}, one
 * per conversation).
 *
 * <p>With {@code untilAnswered}, a request counts in every window while in flight and from its answer: safe however
 * late requests arrive, slow when answers are slow.
 *
 * <p>A smoothed pacer (tenants, jobs) also spreads its starts evenly over the shortest window: a token bucket filled at
 * the window's rate, starting with one token and holding at most a tenth of the limit (to catch up after a late
 * wake-up), so requests do not reach the service in bursts that arrive out of step.
 *
 * <p>A 429 pauses the scope and lowers the allowed fraction of every limit; each success adds back a little (AIMD).
 * It also doubles the late-arrival bound for a minute, unless the bound is the allowance (see
 * {@link #lateLimit(long)}).
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
    /** How long a late-arrival bound raised by a 429 holds. */
    static final long RAISED_MILLIS = 60_000;
    /** Answers counted at the bound that a burst recognised after them recounts at most. */
    static final int REMEMBERED = 16;

    private final long[] spans;
    private final int[] limits;
    private final int maxInFlight;
    private final long allowance;
    private final long lateLimit;
    /** The most the late-arrival bound is raised to after 429s: the shortest window. */
    private final long maxLateLimit;
    /** The late-arrival bound now: {@link #lateLimit}, raised by 429s (see {@link #throttled}). */
    private long raisedLateLimit;
    private long raisedAt = Long.MIN_VALUE;
    private final long longest;
    private final boolean smooth;
    private final boolean untilAnswered;
    /** Estimated arrival times of the requests still in some window. */
    private final Times stamps = new Times();
    /** Start times of the requests in flight. */
    private final Times flying = new Times();
    /** The tenant's recent fastest answer, or {@code null} (requests in flight are never overdue). */
    private final LatencyFloor floor;
    /** The engine's stall watch, or {@code null}. */
    private final StallWatch stalls;
    /** The stall watch's {@link StallWatch#bursts()} when this pacer last recounted. */
    private int seenBursts;
    /**
     * The last {@value #REMEMBERED} answers counted at the late-arrival bound though they took longer, three longs
     * each: answered at ({@link Long#MIN_VALUE}: none, or recounted), counted at, start plus the whole lateness.
     */
    private long[] bounded;
    private int boundedNext;
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
     * @param floor            the tenant's recent fastest answer (shared by its pacers), or {@code null}
     */
    public Pacer(List<Window> windows, int maxInFlight, long allowanceMillis, long lateLimitMillis, boolean smooth,
                 boolean untilAnswered, LatencyFloor floor) {
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
        this.maxLateLimit = Math.max(this.lateLimit, spans.length == 0 ? 0 : spans[0]);
        this.raisedLateLimit = this.lateLimit;
        this.longest = max + this.maxLateLimit;
        this.smooth = smooth && spans.length > 0;
        this.untilAnswered = untilAnswered;
        this.floor = floor;
        this.stalls = floor == null ? null : floor.stalls();
    }

    /** A pacer counting each request at its start plus the allowance, answered or not. */
    public Pacer(List<Window> windows, int maxInFlight, long allowanceMillis, boolean smooth) {
        this(windows, maxInFlight, allowanceMillis, allowanceMillis, smooth, false, null);
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
        stamps.dropUpTo(now - longest);
        recount(now);
        long at = now;
        long overdueFrom = overdueFrom(now);
        for (int w = 0; w < spans.length; w++) {
            int limit = limit(w);
            int first = stamps.firstAfter(now - spans[w]);
            int inWindow = stamps.hi - first;
            int count = inWindow;
            if (untilAnswered) {
                if (inFlight >= limit) {
                    return Long.MAX_VALUE;
                }
                count += inFlight;
            } else if (overdueFrom != Long.MIN_VALUE) {
                // in flight so long that its stamp left the window: it may reach the service any moment
                int overdue = flying.firstAfter(Math.min(overdueFrom, now - spans[w] - allowance)) - flying.lo;
                if (w == 0 && overdue >= Math.max(2, limit / 10)) {
                    // many at once: the service stopped reading; the others in flight will be read late too
                    raise(now, maxLateLimit);
                }
                count += overdue;
            }
            if (count >= limit) {
                // the oldest (count - limit + 1) requests in the window must leave it; requests in flight leave it
                // only when answered
                int leaving = count - limit + 1;
                if (leaving > inWindow && !untilAnswered) {
                    return Long.MAX_VALUE;
                }
                at = Math.max(at, stamps.get(first + leaving - 1) + spans[w]);
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

    /**
     * Requests started at or before the returned time are overdue: in flight longer than the fastest recent answer
     * plus the late-arrival bound. {@link Long#MIN_VALUE} when none can be (no floor known yet).
     */
    private long overdueFrom(long now) {
        if (floor == null || untilAnswered || inFlight == 0) {
            return Long.MIN_VALUE;
        }
        long fastest = floor.floor(now);
        return fastest == Long.MAX_VALUE ? Long.MIN_VALUE : now - fastest - lateLimit(now);
    }

    /** A request starts at {@code now}. */
    public void start(long now) {
        inFlight++;
        if (!untilAnswered) {
            stamps.insert(now + allowance);
            if (floor != null) {
                flying.insert(now);
            }
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
            stamps.insert(now);
            return;
        }
        if (floor != null) {
            flying.remove(startedAt);
        }
        long whole = Math.max(allowance, lateness);
        long late = whole;
        if ((spans.length == 0 || now - startedAt <= spans[0] + allowance)
                && (stalls == null || !stalls.inBurst(now))) {
            late = Math.min(lateLimit(now), late);
        }
        stamps.dropUpTo(now - longest);
        recount(now);
        if (late == allowance) {
            return;
        }
        stamps.remove(startedAt + allowance);
        if (startedAt + late > now - longest) {
            stamps.insert(startedAt + late);
            if (late < whole && stalls != null) {
                remember(now, startedAt + late, startedAt + whole);
            }
        }
    }

    /** Keeps an answer counted at the bound, in case a burst recognised later takes it in. */
    private void remember(long answeredAt, long countedAt, long wholeAt) {
        if (bounded == null) {
            bounded = new long[REMEMBERED * 3];
            Arrays.fill(bounded, Long.MIN_VALUE);
        }
        int i = boundedNext * 3;
        bounded[i] = answeredAt;
        bounded[i + 1] = countedAt;
        bounded[i + 2] = wholeAt;
        boundedNext = (boundedNext + 1) % REMEMBERED;
    }

    /**
     * After a burst of late answers (a stall, see {@link StallWatch}), moves the answers of the burst that were counted
     * at the late-arrival bound before it was recognised to their whole lateness. Expects the stamps dropped up to
     * {@code now - longest}, so a stamp after that is still there.
     */
    private void recount(long now) {
        if (stalls == null || stalls.bursts() == seenBursts) {
            return;
        }
        seenBursts = stalls.bursts();
        if (bounded == null) {
            return;
        }
        long from = stalls.burstFrom();
        for (int i = 0; i < bounded.length; i += 3) {
            if (bounded[i] != Long.MIN_VALUE && bounded[i] > from && bounded[i + 1] > now - longest) {
                stamps.remove(bounded[i + 1]);
                stamps.insert(bounded[i + 2]);
                bounded[i] = Long.MIN_VALUE;
            }
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
            raise(now, Math.min(maxLateLimit, lateLimit(now) * 2));
            decreasedAt = now;
        }
        if (smooth) {
            tokens = Math.min(tokens, capacity());
        }
    }

    /**
     * The late-arrival bound at {@code now}: the configured one, or, for {@value #RAISED_MILLIS} ms after a 429,
     * twice what it was (up to the shortest window): a 429 says requests reached the service later than the bound
     * assumed, and a service whose latency merely varies never answers one. Many requests in flight longer than the
     * shortest window raise it to that window: the service stopped reading, and the requests it will read late include
     * some answered within a window.
     */
    long lateLimit(long now) {
        if (raisedLateLimit > lateLimit && now - raisedAt >= RAISED_MILLIS) {
            raisedLateLimit = lateLimit;
        }
        return raisedLateLimit;
    }

    /** Raises the late-arrival bound to {@code to} for a minute, unless it is the allowance (no estimate wanted). */
    private void raise(long now, long to) {
        if (lateLimit > allowance) {
            raisedLateLimit = Math.max(lateLimit(now), to);
            raisedAt = now;
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
        stamps.dropUpTo(now - longest);
        return inFlight == 0 && stamps.hi == stamps.lo && pausedUntil <= now;
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
}
