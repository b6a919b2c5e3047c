package io.github.botconnector.teams.support;

import io.github.botconnector.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests move by hand, and a sleeper that moves it instead of waiting (recording each sleep). */
public final class ManualTime implements InstantSource {

    private final AtomicReference<Instant> now;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    public ManualTime(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    public void advance(Duration d) {
        now.updateAndGet(i -> i.plus(d));
    }

    /** Sleeps by moving this clock forward; completes at once. */
    public RetryPolicy.Sleeper sleeper() {
        return delay -> {
            sleeps.add(delay);
            advance(delay);
            return CompletableFuture.completedFuture(null);
        };
    }

    /** Every sleep asked for, in order. */
    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
