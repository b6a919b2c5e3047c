package io.github.botconnector.teams.internal;

import io.github.botconnector.RetryPolicy;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Runs calls at most {@code permits} per {@code window}, measured from the end of each call: each permit is reused only
 * a window after its previous call completed, so the server (which sees each request after it was sent and before
 * the answer) never counts more than {@code permits} requests in any window. Waiting callers are served in order;
 * no thread is parked: waits go through the {@link RetryPolicy.Sleeper}. Not public API.
 */
public final class Pacer {

    private static final long NEVER = Long.MIN_VALUE;

    private final InstantSource clock;
    private final RetryPolicy.Sleeper sleeper;
    private final long windowMillis;
    private final long[] lastDone;
    private final boolean[] busy;
    private final ArrayDeque<CompletableFuture<Integer>> waiters = new ArrayDeque<>();

    public Pacer(int permits, Duration window, InstantSource clock, RetryPolicy.Sleeper sleeper) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, got " + permits);
        }
        this.windowMillis = Objects.requireNonNull(window, "window").toMillis();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.lastDone = new long[permits];
        this.busy = new boolean[permits];
        java.util.Arrays.fill(lastDone, NEVER);
    }

    /** Runs {@code call} when a permit is free and its window has passed; the permit is returned when the call ends. */
    public <T> CompletableFuture<T> run(Supplier<CompletableFuture<T>> call) {
        Objects.requireNonNull(call, "call");
        return acquire().thenCompose(permit -> {
            CompletableFuture<T> result;
            try {
                result = waitFor(permit).thenCompose(ignored -> call.get());
            } catch (RuntimeException e) {
                result = CompletableFuture.failedFuture(e);
            }
            return result.whenComplete((value, error) -> release(permit));
        });
    }

    private synchronized CompletableFuture<Integer> acquire() {
        int best = -1;
        for (int i = 0; i < busy.length; i++) {
            if (!busy[i] && (best < 0 || lastDone[i] < lastDone[best])) {
                best = i;
            }
        }
        if (best >= 0) {
            busy[best] = true;
            return CompletableFuture.completedFuture(best);
        }
        CompletableFuture<Integer> waiter = new CompletableFuture<>();
        waiters.add(waiter);
        return waiter;
    }

    private CompletableFuture<Void> waitFor(int permit) {
        long delay;
        synchronized (this) {
            delay = lastDone[permit] == NEVER ? 0 : lastDone[permit] + windowMillis - clock.millis();
        }
        if (delay <= 0) {
            return CompletableFuture.completedFuture(null);
        }
        return sleeper.sleep(Duration.ofMillis(delay)).toCompletableFuture();
    }

    private void release(int permit) {
        while (true) {
            CompletableFuture<Integer> next;
            synchronized (this) {
                lastDone[permit] = clock.millis();
                next = waiters.poll();
                if (next == null) {
                    busy[permit] = false;
                    return;
                }
            }
            // Handed over still busy; a waiter that gave up (cancelled) passes the permit on.
            if (next.complete(permit)) {
                return;
            }
        }
    }

    @Override
    public String toString() {
        return "Pacer[" + busy.length + " per " + windowMillis + " ms]";
    }
}
