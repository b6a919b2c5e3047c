package io.github.botconnector.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests move by hand, so nothing in a test waits for real time: it stands still at a start instant
 * ({@link #ManualClock(Instant)}) or follows the system clock ({@link #followingSystem()}), and moves only by
 * {@link #advance}, {@link #set} or {@link #sleep}. {@code sleep} is a sleeper that moves the clock instead of waiting
 * (pass {@code clock::sleep} where the SDK takes a {@code RetryPolicy.Sleeper}) and records every delay it was asked
 * for. Thread-safe; always in UTC.
 */
public final class ManualClock extends Clock {

    /** The start of the fixtures' day, {@code 2026-01-15T12:00:00Z}. */
    public static final Instant FIXTURE_NOW = Instant.parse("2026-01-15T12:00:00Z");

    private final boolean followsSystem;
    /** The time (standing still) or the shift from the system clock (following it). */
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final Instant start;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    /** A clock standing still at {@code start}. */
    public ManualClock(Instant start) {
        this(start, false);
    }

    private ManualClock(Instant start, boolean followsSystem) {
        this.start = start;
        this.followsSystem = followsSystem;
    }

    /** A clock standing still at {@link #FIXTURE_NOW}. */
    public static ManualClock atFixtureNow() {
        return new ManualClock(FIXTURE_NOW);
    }

    /** The system clock, moved forward by what the test adds: a schedule hours ahead fires without waiting. */
    public static ManualClock followingSystem() {
        return new ManualClock(null, true);
    }

    @Override
    public Instant instant() {
        return (followsSystem ? Instant.now() : start).plus(offset.get());
    }

    /** Moves the clock forward (or back, for a negative {@code by}). */
    public void advance(Duration by) {
        offset.updateAndGet(o -> o.plus(by));
    }

    /** Moves the clock to {@code instant}. */
    public void set(Instant instant) {
        if (followsSystem) {
            offset.set(Duration.between(Instant.now(), instant));
        } else {
            offset.set(Duration.between(start, instant));
        }
    }

    /** Sleeps by moving the clock forward; the returned stage is already complete. Records {@code delay}. */
    public CompletionStage<Void> sleep(Duration delay) {
        sleeps.add(delay);
        advance(delay);
        return CompletableFuture.completedFuture(null);
    }

    /** Every delay {@link #sleep} was asked for, in order. */
    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** This clock: it is always in UTC. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public String toString() {
        return "ManualClock[" + instant() + (followsSystem ? ", following the system clock" : "") + "]";
    }
}
