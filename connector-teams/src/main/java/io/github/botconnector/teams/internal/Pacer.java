package io.github.botconnector.teams.internal;

import io.github.botconnector.exception.ConnectorException;
import io.github.botconnector.RetryPolicy;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
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

    /**
     * Runs {@code call} when a permit is free and its window has passed; the permit is returned when the call ends. A
     * caller that cancels the returned future while waiting gives its permit back unused.
     */
    public <T> CompletableFuture<T> run(Supplier<CompletableFuture<T>> call) {
        Objects.requireNonNull(call, "call");
        CompletableFuture<T> result = new CompletableFuture<>();
        // Internal stages only: cancelling the returned future must not strand a permit.
        acquire().whenComplete((permit, notAcquired) -> {
            if (notAcquired != null) {
                result.completeExceptionally(notAcquired);
                return;
            }
            if (result.isDone()) {
                release(permit, false);
                return;
            }
            CompletableFuture<T> attempt;
            try {
                attempt = waitFor(permit).thenCompose(ignored -> call.get());
            } catch (RuntimeException e) {
                attempt = CompletableFuture.failedFuture(e);
            }
            attempt.whenComplete((value, error) -> {
                release(permit, true);
                if (error != null) {
                    result.completeExceptionally(error instanceof CompletionException && error.getCause() != null
                            ? error.getCause() : error);
                } else {
                    result.complete(value);
                }
            });
        });
        return result;
    }

    /**
     * Runs {@code call} on the calling thread once a permit is free and its window has passed (the caller waits); the
     * permit is returned when the call ends. For blocking clients, whose exchanges run on the caller's thread.
     *
     * @throws ConnectorException when interrupted while waiting (nothing was sent; the interrupt flag is kept)
     */
    public <T> T runBlocking(Supplier<T> call) {
        Objects.requireNonNull(call, "call");
        CompletableFuture<Integer> waiter = acquire();
        int permit;
        try {
            permit = waiter.get();
        } catch (InterruptedException e) {
            if (!waiter.cancel(false)) {
                release(waiter.join(), false);
            }
            throw interrupted(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        boolean used = false;
        try {
            waitFor(permit).get();
            used = true;
            return call.get();
        } catch (InterruptedException e) {
            throw interrupted(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            release(permit, used);
        }
    }

    private static ConnectorException interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return new ConnectorException("Interrupted while waiting for a reaction permit; nothing was sent", e);
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

    private void release(int permit, boolean used) {
        boolean stamp = used;
        while (true) {
            CompletableFuture<Integer> next;
            synchronized (this) {
                if (stamp) {
                    lastDone[permit] = clock.millis();
                    stamp = false;
                }
                next = waiters.poll();
                if (next == null) {
                    busy[permit] = false;
                    return;
                }
            }
            // Handed over to the next waiter, still busy.
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
