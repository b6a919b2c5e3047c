package io.github.botconnector.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualClockTest {

    private static final Instant START = Instant.parse("2026-01-15T12:00:00Z");

    @Test
    void standsStillUntilMoved() {
        ManualClock clock = new ManualClock(START);
        assertEquals(START, clock.instant());
        clock.advance(Duration.ofSeconds(90));
        assertEquals(START.plusSeconds(90), clock.instant());
        clock.set(START.minusSeconds(5));
        assertEquals(START.minusSeconds(5), clock.instant());
        assertEquals(START.minusSeconds(5).toEpochMilli(), clock.millis());
    }

    @Test
    void sleepingMovesTheClockAndIsRecorded() {
        ManualClock clock = ManualClock.atFixtureNow();
        assertTrue(clock.sleep(Duration.ofSeconds(3)).toCompletableFuture().isDone());
        clock.sleep(Duration.ZERO);
        assertEquals(List.of(Duration.ofSeconds(3), Duration.ZERO), clock.sleeps());
        assertEquals(ManualClock.FIXTURE_NOW.plusSeconds(3), clock.instant());
    }

    @Test
    void followingTheSystemClockKeepsTheShift() {
        ManualClock clock = ManualClock.followingSystem();
        clock.advance(Duration.ofHours(1));
        Instant before = Instant.now().plus(Duration.ofHours(1));
        Instant shifted = clock.instant();
        Instant after = Instant.now().plus(Duration.ofHours(1));
        assertTrue(!shifted.isBefore(before) && !shifted.isAfter(after),
                shifted + " not within " + before + ".." + after);
        Instant target = Instant.now().plus(Duration.ofDays(2));
        clock.set(target);
        assertTrue(!clock.instant().isBefore(target), "set moves the clock to at least the target");
    }
}
