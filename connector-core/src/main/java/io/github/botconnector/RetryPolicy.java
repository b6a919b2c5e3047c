package io.github.botconnector;

import io.github.botconnector.exception.ThrottledException;
import io.github.botconnector.internal.SdkTimer;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Every retry decision of the client: what is retried and how long to wait. The request pipeline only asks
 * {@link #onStatus} and {@link #onFailure}.
 *
 * <ul>
 *   <li>Statuses: {@link #retryableStatuses()} (default 412, 429, 502, 503, 504). The wait is the service's
 *       {@code Retry-After} (seconds or HTTP-date) when it sent one, else exponential backoff with full jitter. A
 *       {@code Retry-After} longer than {@link #maxRetryAfter()} is not waited for and never anticipated: the request
 *       fails at once (a 429 with {@link ThrottledException#retryAfter()}) and the caller decides when to try again.
 *       Never retried: 400, 401 (apart from the pipeline's one token refresh), 403, 404, 413, 500.</li>
 *   <li>Failures without an answer: retried when the request was not written (connect failure, DNS, a pooled
 *       connection found closed); after it was written only for idempotent methods (GET, HEAD, PUT, DELETE, OPTIONS),
 *       or for any method when {@link #retryPossiblyDeliveredRequests()} is on.</li>
 *   <li>Limits: {@link #maxAttempts()} attempts and {@link #totalBudget()} from the first attempt.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe. The clock, the {@link Sleeper} and the random source are injectable so tests never
 * wait. Blocking calls wait for the sleeper on the caller's thread and continue there; asynchronous calls continue on
 * the thread that completes the sleeper's stage (for {@link Sleeper#system()} a daemon timer thread of the SDK that
 * only starts the next non-blocking attempt).
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

        /**
         * The default: one daemon timer thread of the SDK ({@code bot-connector-timer}), started on first use; never
         * the JVM's common pool.
         */
        static Sleeper system() {
            return SdkTimer::sleep;
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

    /**
     * A retry decision.
     *
     * @param retry  whether to try again
     * @param delay  how long to wait first ({@link Duration#ZERO} when not retrying)
     * @param reason why not, for logs and messages ({@code null} when retrying)
     */
    public record Decision(boolean retry, Duration delay, String reason) {
        static Decision retryIn(Duration delay) {
            return new Decision(true, delay, null);
        }

        static Decision stop(String reason) {
            return new Decision(false, Duration.ZERO, reason);
        }
    }

    private static final Set<Integer> DEFAULT_RETRYABLE_STATUSES = Set.of(412, 429, 502, 503, 504);
    private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");
    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy NONE = builder().maxAttempts(1).build();

    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Duration maxRetryAfter;
    private final Duration totalBudget;
    private final boolean retryPossiblyDeliveredRequests;
    private final Set<Integer> retryableStatuses;
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
        this.retryableStatuses = b.retryableStatuses;
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
        b.retryableStatuses = retryableStatuses;
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

    /** Longest {@code Retry-After} waited for; when the service asks for longer, the request fails at once. */
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

    /** The HTTP statuses that are retried (default 412, 429, 502, 503, 504). */
    public Set<Integer> retryableStatuses() {
        return retryableStatuses;
    }

    /** Whether {@code method} may be sent twice without a second effect (GET, HEAD, PUT, DELETE, OPTIONS). */
    public boolean isIdempotent(String method) {
        return IDEMPOTENT_METHODS.contains(method);
    }

    /**
     * Whether and when to retry after the service answered {@code status}.
     *
     * @param status     the HTTP status of the attempt
     * @param attempts   attempts made so far, this one included
     * @param elapsed    time since the first attempt started
     * @param retryAfter the service's {@code Retry-After}, or {@code null}
     * @return the decision; never a retry before {@code retryAfter}
     */
    public Decision onStatus(int status, int attempts, Duration elapsed, Duration retryAfter) {
        if (!retryableStatuses.contains(status)) {
            return Decision.stop("HTTP " + status + " is not retried");
        }
        if (retryAfter != null && retryAfter.compareTo(maxRetryAfter) > 0) {
            return Decision.stop("the service asked to wait " + retryAfter.toSeconds() + " s (Retry-After), longer than"
                    + " the " + maxRetryAfter.toSeconds() + " s this policy waits");
        }
        return next(attempts, elapsed, retryAfter);
    }

    /**
     * Whether and when to retry after an attempt failed without an answer (connection failure, timeout, reset).
     *
     * @param method      the HTTP method
     * @param requestSent whether the request was written to a connection (it may then have been processed)
     * @param attempts    attempts made so far, this one included
     * @param elapsed     time since the first attempt started
     * @return the decision
     */
    public Decision onFailure(String method, boolean requestSent, int attempts, Duration elapsed) {
        if (requestSent && !isIdempotent(method) && !retryPossiblyDeliveredRequests) {
            return Decision.stop("the request was sent, so it may have been processed, and " + method
                    + " is not retried unless retryPossiblyDeliveredRequests is on");
        }
        return next(attempts, elapsed, null);
    }

    private Decision next(int attempts, Duration elapsed, Duration retryAfter) {
        if (attempts >= maxAttempts) {
            return Decision.stop("all " + maxAttempts + " attempts were made");
        }
        Duration wait = delay(attempts, retryAfter);
        if (elapsed.plus(wait).compareTo(totalBudget) > 0) {
            return Decision.stop("the retry budget of " + totalBudget.toSeconds() + " s would be exceeded");
        }
        return Decision.retryIn(wait);
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
     * The delay before the next attempt after {@code failedAttempts} attempts: {@code retryAfter} (capped; but
     * {@link #onStatus} does not retry at all when it is above the cap) when the service sent one, else a uniformly
     * random duration between zero and
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
                + ", retryPossiblyDeliveredRequests=" + retryPossiblyDeliveredRequests + ", retryableStatuses="
                + new java.util.TreeSet<>(retryableStatuses) + "]";
    }

    /** Builder for {@link RetryPolicy}. Not thread-safe. */
    public static final class Builder {
        private int maxAttempts = 4;
        private Duration baseDelay = Duration.ofSeconds(1);
        private Duration maxDelay = Duration.ofSeconds(20);
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private Duration totalBudget = Duration.ofMinutes(2);
        private boolean retryPossiblyDeliveredRequests;
        private Set<Integer> retryableStatuses = DEFAULT_RETRYABLE_STATUSES;
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

        /**
         * Longest {@code Retry-After} waited for (default 60 s). When the service asks for longer, the request is not
         * retried: it fails at once with the requested {@code retryAfter()}.
         */
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

        /**
         * The HTTP statuses to retry (default 412, 429, 502, 503, 504). Only add statuses whose request the service
         * did not process: a retried POST must not deliver a message twice.
         *
         * @throws IllegalArgumentException for a status outside 400-599, or 401 (the pipeline refreshes the token once
         *                                  on its own)
         */
        public Builder retryableStatuses(Set<Integer> statuses) {
            Objects.requireNonNull(statuses, "statuses");
            for (Integer s : statuses) {
                if (s == null || s < 400 || s > 599 || s == 401) {
                    throw new IllegalArgumentException("retryableStatuses takes error statuses from 400 to 599 other"
                            + " than 401 (a 401 gets one token refresh on its own), got " + s);
                }
            }
            this.retryableStatuses = Set.copyOf(statuses);
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
