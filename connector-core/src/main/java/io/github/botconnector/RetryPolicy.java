package io.github.botconnector;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * When and how long the client waits before retrying. Retried: HTTP 429 (waiting as {@code Retry-After} says, seconds
 * or HTTP-date, capped at {@link #maxRetryAfter()}), 412, 502, 503 and 504 with exponential backoff and full jitter;
 * connection failures before the request was written (connect failure, DNS); and failures after the request was
 * written only for idempotent methods (GET, PUT, DELETE) unless {@link #retryPossiblyDeliveredRequests()} is on.
 * Never retried: 400, 401 (apart from one token refresh), 403, 404, 413, 500. Attempts and the total time are capped.
 *
 * <p>Immutable and thread-safe. The clock, the {@link Sleeper} and the random source are injectable so tests never
 * wait.
 */
public final class RetryPolicy {

    /**
     * Waits without blocking a thread: completes the returned stage after {@code delay}.
     */
    @FunctionalInterface
    public interface Sleeper {
        /**
         * A stage that completes after {@code delay}.
         *
         * @param delay how long to wait, never negative
         * @return a stage completed (normally) when the delay has passed
         */
        CompletionStage<Void> sleep(Duration delay);

        /** The default: a timer shared by the JVM ({@link CompletableFuture#delayedExecutor}). */
        static Sleeper system() {
            return delay -> CompletableFuture.runAsync(() -> { },
                    CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS));
        }

        /** A sleeper that schedules on {@code scheduler} (owned by the caller). */
        static Sleeper scheduled(ScheduledExecutorService scheduler) {
            Objects.requireNonNull(scheduler, "scheduler");
            return delay -> {
                CompletableFuture<Void> done = new CompletableFuture<>();
                scheduler.schedule(() -> done.complete(null), delay.toNanos(), TimeUnit.NANOSECONDS);
                return done;
            };
        }
    }

    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy NONE = builder().maxAttempts(1).build();

    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Duration maxRetryAfter;
    private final Duration totalBudget;
    private final boolean retryPossiblyDeliveredRequests;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Random random;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.baseDelay = b.baseDelay;
        this.maxDelay = b.maxDelay;
        this.maxRetryAfter = b.maxRetryAfter;
        this.totalBudget = b.totalBudget;
        this.retryPossiblyDeliveredRequests = b.retryPossiblyDeliveredRequests;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.random = b.random;
    }

    /** The default policy: 4 attempts, 1 s base delay, 20 s max delay, Retry-After capped at 60 s, 2 min in total. */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** A policy that never retries (a 401 still gets its single token refresh). */
    public static RetryPolicy none() {
        return NONE;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this policy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxAttempts = maxAttempts;
        b.baseDelay = baseDelay;
        b.maxDelay = maxDelay;
        b.maxRetryAfter = maxRetryAfter;
        b.totalBudget = totalBudget;
        b.retryPossiblyDeliveredRequests = retryPossiblyDeliveredRequests;
        b.clock = clock;
        b.sleeper = sleeper;
        b.random = random;
        return b;
    }

    /** Attempts in total, the first included. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** Backoff before the first retry (upper bound of the jitter). */
    public Duration baseDelay() {
        return baseDelay;
    }

    /** Upper bound of any backoff. */
    public Duration maxDelay() {
        return maxDelay;
    }

    /** Longest {@code Retry-After} honoured; longer values are capped. */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** Time from the first attempt after which no retry starts. */
    public Duration totalBudget() {
        return totalBudget;
    }

    /** Whether a POST that may already have reached the service is retried (risking a duplicate message). */
    public boolean retryPossiblyDeliveredRequests() {
        return retryPossiblyDeliveredRequests;
    }

    /** The clock used for the budget and HTTP-date {@code Retry-After} values. */
    public Clock clock() {
        return clock;
    }

    /** The sleeper that waits between attempts. */
    public Sleeper sleeper() {
        return sleeper;
    }

    /**
     * The delay before the next attempt after {@code failedAttempts} attempts: {@code retryAfter} (capped) when the
     * service sent one, else a uniformly random duration between zero and
     * {@code min(maxDelay, baseDelay * 2^(failedAttempts-1))} (full jitter).
     */
    public Duration delay(int failedAttempts, Duration retryAfter) {
        if (retryAfter != null) {
            if (retryAfter.isNegative()) {
                return Duration.ZERO;
            }
            return retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
        }
        int shift = Math.min(Math.max(failedAttempts - 1, 0), 30);
        long capNanos = Math.min(maxDelay.toNanos(), saturatedShift(baseDelay.toNanos(), shift));
        Random r = random != null ? random : ThreadLocalRandom.current();
        return Duration.ofNanos((long) (r.nextDouble() * capNanos));
    }

    private static long saturatedShift(long value, int shift) {
        return value > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : value << shift;
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", baseDelay=" + baseDelay + ", maxDelay=" + maxDelay
                + ", maxRetryAfter=" + maxRetryAfter + ", totalBudget=" + totalBudget
                + ", retryPossiblyDeliveredRequests=" + retryPossiblyDeliveredRequests + "]";
    }

    /** Builder for {@link RetryPolicy}. Not thread-safe. */
    public static final class Builder {
        private int maxAttempts = 4;
        private Duration baseDelay = Duration.ofSeconds(1);
        private Duration maxDelay = Duration.ofSeconds(20);
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private Duration totalBudget = Duration.ofMinutes(2);
        private boolean retryPossiblyDeliveredRequests;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private Random random;

        private Builder() {
        }

        /** Attempts in total, the first included (at least 1; default 4). */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1 (1 = no retries), got " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Backoff before the first retry (default 1 s). */
        public Builder baseDelay(Duration baseDelay) {
            this.baseDelay = nonNegative(baseDelay, "baseDelay");
            return this;
        }

        /** Upper bound of any backoff (default 20 s). */
        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = nonNegative(maxDelay, "maxDelay");
            return this;
        }

        /** Longest {@code Retry-After} honoured (default 60 s); longer values are capped. */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = nonNegative(maxRetryAfter, "maxRetryAfter");
            return this;
        }

        /** No retry starts once this much time has passed since the first attempt, or would pass while waiting. */
        public Builder totalBudget(Duration totalBudget) {
            this.totalBudget = nonNegative(totalBudget, "totalBudget");
            return this;
        }

        /**
         * Whether to retry a POST that failed after it was written (read timeout, reset). Off by default: the service
         * may have delivered the message, and a retry would send it twice.
         */
        public Builder retryPossiblyDeliveredRequests(boolean retry) {
            this.retryPossiblyDeliveredRequests = retry;
            return this;
        }

        /** The clock for the budget and HTTP-date {@code Retry-After} values (default system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How to wait between attempts (default {@link Sleeper#system()}). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** The random source for jitter; pass a seeded {@link Random} for reproducible delays. */
        public Builder random(Random random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** The immutable policy. */
        public RetryPolicy build() {
            return new RetryPolicy(this);
        }

        private static Duration nonNegative(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, got " + d);
            }
            return d;
        }
    }
}
