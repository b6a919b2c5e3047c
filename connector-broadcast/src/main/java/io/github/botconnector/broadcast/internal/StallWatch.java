package io.github.botconnector.broadcast.internal;

/**
 * Tells a stall from a service whose latency varies, by the answers of every tenant of an engine. When the service
 * stops reading for a while (a garbage-collection pause, a descheduled process on a loaded host), the requests sent
 * meanwhile wait in its connections and are all read when it resumes; when the engine itself stalls, the requests it
 * had started are written when it resumes. Either way their answers come back together, each later than the
 * late-arrival bound by up to the stall's length, and each may have reached the service as late as its answer shows:
 * counted at the bound, it would leave the pacer's windows before it leaves the service's, and the requests started in
 * its place would be answered 429 a window later. A service whose latency merely varies answers late now and then, at
 * the rate requests start; a stall answers many late within a few milliseconds.
 *
 * <p>So an answer later than the bound is part of a <em>burst</em> when at least {@value #MIN_BURST} such answers,
 * and {@value #FACTOR} times as many as the second before would make, came within {@value #SPAN_MILLIS} ms; or when
 * no answer at all came for longer than the bound, and than {@value #GAP_FACTOR} times the recent mean time between
 * answers, before it (it was in flight all that time: the engine stalled with a few requests in flight, or the service
 * did), and so are the answers of the same millisecond. The
 * pacers count every answer of a burst at its whole lateness (see {@link Pacer#finish}), also those that came before
 * the burst was recognised ({@link #burstFrom()}), and keep the bound for the others: a burst seen where there was
 * none costs the few answers in it a little rate, nothing more. Not thread-safe: the dispatcher owns it, one per
 * engine, shared by the tenants' {@link LatencyFloor}s.
 */
final class StallWatch {

    /** Late answers closer together than this are a burst. */
    static final long SPAN_MILLIS = 10;
    /** The fewest late answers in a burst. */
    static final int MIN_BURST = 4;
    /** A burst holds this many times the late answers the second before it holds per span. */
    static final int FACTOR = 3;
    /** A gap without answers is a stall when it is this many times the mean time between answers. */
    static final int GAP_FACTOR = 10;
    private static final long SECOND = 1_000;

    private final long lateLimit;
    /** Times of the late answers of the last second and span. */
    private final Times late = new Times();
    private long lastAnswerAt = Long.MIN_VALUE;
    /** The mean time between answers, recently. */
    private double meanGap;
    private long burstAt = Long.MIN_VALUE;
    private long burstFrom = Long.MIN_VALUE;
    private int bursts;

    /** @param lateLimitMillis the late-arrival bound: answers later than it may be part of a burst */
    StallWatch(long lateLimitMillis) {
        this.lateLimit = lateLimitMillis;
    }

    /**
     * An answer {@code lateness} ms later than the tenant's fastest (all of its latency while no minimum is trusted)
     * came at {@code now}; returns whether it is part of a burst. The first answers of a job, over new connections,
     * come late together too: as late as their answers, they may have been read.
     */
    boolean answered(long lateness, long now) {
        boolean afterGap = false;
        if (lastAnswerAt != Long.MIN_VALUE && now >= lastAnswerAt) {
            long gap = now - lastAnswerAt;
            afterGap = gap > lateLimit && gap > GAP_FACTOR * meanGap;
            meanGap += (gap - meanGap) / 16;
        }
        lastAnswerAt = Math.max(lastAnswerAt, now);
        if (lateness <= lateLimit) {
            return false;
        }
        late.dropUpTo(now - SECOND - SPAN_MILLIS);
        late.insert(now);
        int inSpan = late.hi - late.firstAfter(now - SPAN_MILLIS);
        int before = late.size() - inSpan;
        if (!afterGap && (inSpan < MIN_BURST || inSpan < FACTOR * before * SPAN_MILLIS / (double) SECOND)) {
            return false;
        }
        if (burstAt < now - SPAN_MILLIS) {
            burstFrom = now - SPAN_MILLIS;
        }
        burstAt = now;
        bursts++;
        return true;
    }

    /** Whether the last answer seen at {@code now} was part of a burst. */
    boolean inBurst(long now) {
        return burstAt == now;
    }

    /**
     * How many answers were part of a burst so far: a pacer that saw fewer recounts its answers since
     * {@link #burstFrom()}.
     */
    int bursts() {
        return bursts;
    }

    /** Answers after this time belong to the last burst (it began within a span of it). */
    long burstFrom() {
        return burstFrom;
    }
}
