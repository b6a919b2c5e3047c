package io.github.botconnector.broadcast.internal;

/**
 * A recent minimum of the latencies of one tenant's successful requests (start to answer), and from it how late a
 * request may have reached the service. The fastest recent answer is taken as the service's own processing time
 * (Teams' 0.5–1 s, a fake's configured delay); whatever a request took beyond it may have been spent before the
 * service read it (a slow connection, a descheduled thread or a garbage-collection pause on either side).
 *
 * <p>The minimum is kept over two buckets of {@value #BUCKET_MILLIS} ms, so it follows the service when its latency
 * rises. It is trusted only once {@value #MIN_SAMPLES} answers are in it: the first answers of a job come over new
 * connections, all of them late, and a minimum of those would pass the next late ones off as processing time.
 * Each lateness is also told to the engine's {@link StallWatch}, if any, which recognises the late answers of a
 * stall. Not thread-safe: the dispatcher owns it.
 */
final class LatencyFloor {

    static final long BUCKET_MILLIS = 10_000;
    static final int MIN_SAMPLES = 32;

    private long current = Long.MAX_VALUE;
    private long previous = Long.MAX_VALUE;
    private int currentSamples;
    private int previousSamples;
    private long bucketStart = Long.MIN_VALUE;
    private final StallWatch stalls;

    /** A floor of its own, no stall watch. */
    LatencyFloor() {
        this(null);
    }

    /** @param stalls the engine's stall watch, told every answer's lateness, or {@code null} */
    LatencyFloor(StallWatch stalls) {
        this.stalls = stalls;
    }

    /** The engine's stall watch, or {@code null}. */
    StallWatch stalls() {
        return stalls;
    }

    /**
     * How late a request answered {@code latency} ms after its start may have reached the service: its latency
     * beyond the recent minimum, or all of it while no minimum is known.
     *
     * @param observe whether the latency counts towards the minimum (successes only: an error is often answered
     *                without the processing a message takes, and would make every later success look late)
     */
    long lateness(long latency, long now, boolean observe) {
        long floor = floor(now);
        long late = floor == Long.MAX_VALUE ? latency : Math.max(0, latency - floor);
        if (observe) {
            current = Math.min(current, Math.max(0, latency));
            currentSamples++;
        }
        if (stalls != null) {
            stalls.answered(late, now);
        }
        return late;
    }

    /** The recent minimum latency, or {@link Long#MAX_VALUE} while too few answers are known. */
    long floor(long now) {
        if (bucketStart == Long.MIN_VALUE || now - bucketStart >= BUCKET_MILLIS) {
            boolean adjacent = bucketStart != Long.MIN_VALUE && now - bucketStart < 2 * BUCKET_MILLIS;
            previous = adjacent ? current : Long.MAX_VALUE;
            previousSamples = adjacent ? currentSamples : 0;
            current = Long.MAX_VALUE;
            currentSamples = 0;
            bucketStart = now;
        }
        return currentSamples + previousSamples < MIN_SAMPLES ? Long.MAX_VALUE : Math.min(current, previous);
    }
}
