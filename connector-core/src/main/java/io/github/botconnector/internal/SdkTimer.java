package io.github.botconnector.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The SDK's one timer: a daemon thread named {@code bot-connector-timer}, started on first use, that completes
 * retry delays. Work continued on it must not block (it only starts the next asynchronous attempt); blocking calls
 * wait for the delay on their own thread. Keeps delays off the JVM's common pool, where they would compete with the
 * application's tasks. Not public API.
 */
public final class SdkTimer {

    /** Name of the timer thread. */
    public static final String THREAD_NAME = "bot-connector-timer";

    private SdkTimer() {
    }

    /** Holder idiom: the thread starts only when a delay is first needed. */
    private static final class Holder {
        static final ScheduledThreadPoolExecutor TIMER = create();

        private static ScheduledThreadPoolExecutor create() {
            ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread thread = new Thread(runnable, THREAD_NAME);
                thread.setDaemon(true);
                return thread;
            });
            timer.setRemoveOnCancelPolicy(true);
            return timer;
        }
    }

    /** A future completed (normally) after {@code delay}; at once for a zero or negative delay. */
    public static CompletableFuture<Void> sleep(Duration delay) {
        if (delay.isNegative() || delay.isZero()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        Holder.TIMER.schedule(() -> done.complete(null), delay.toNanos(), TimeUnit.NANOSECONDS);
        return done;
    }
}
