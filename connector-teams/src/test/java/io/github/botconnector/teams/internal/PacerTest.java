package io.github.botconnector.teams.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.testsupport.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class PacerTest {

    static final Instant START = Instant.parse("2026-01-15T12:00:00Z");

    @Test
    void twoPermitsPerSecondEachReusedASecondAfterItsCallEnded() {
        ManualClock time = new ManualClock(START);
        Pacer pacer = new Pacer(2, Duration.ofSeconds(1), time, time::sleep);
        List<Long> starts = new ArrayList<>();

        for (int i = 0; i < 5; i++) {
            pacer.run(() -> {
                starts.add(Duration.between(START, time.instant()).toMillis());
                time.advance(Duration.ofMillis(100));           // the call takes 100 ms
                return CompletableFuture.completedFuture(null);
            }).join();
        }

        assertEquals(List.of(0L, 100L, 1100L, 1200L, 2200L), starts);
    }

    @Test
    void callsSpacedMoreThanAWindowApartNeverWait() {
        ManualClock time = new ManualClock(START);
        Pacer pacer = new Pacer(2, Duration.ofSeconds(1), time, time::sleep);
        for (int i = 0; i < 4; i++) {
            pacer.run(() -> CompletableFuture.completedFuture(null)).join();
            time.advance(Duration.ofMillis(600));
        }
        assertEquals(List.of(), time.sleeps());
    }

    @Test
    void waitersAreServedInOrderWhenPermitsComeBackAndFailuresReturnTheirPermit() throws Exception {
        ManualClock time = new ManualClock(START);
        Pacer pacer = new Pacer(2, Duration.ofSeconds(1), time, time::sleep);
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> second = new CompletableFuture<>();
        CompletableFuture<String> a = pacer.run(() -> first);
        CompletableFuture<String> b = pacer.run(() -> second);
        List<String> order = new ArrayList<>();
        CompletableFuture<String> c = pacer.run(() -> {
            order.add("c");
            return CompletableFuture.completedFuture("c");
        });
        CompletableFuture<String> d = pacer.run(() -> {
            order.add("d");
            return CompletableFuture.completedFuture("d");
        });
        assertFalse(c.isDone(), "both permits are in use");

        second.completeExceptionally(new IllegalStateException("refused"));
        ExecutionException failed = assertThrows(ExecutionException.class, b::get);
        assertSame(IllegalStateException.class, failed.getCause().getClass());
        assertEquals("c", c.get());
        assertEquals("d", d.get(), "d reuses c's permit a second after c ended");
        assertFalse(a.isDone());
        first.complete("a");
        assertEquals("a", a.get());
        assertEquals(List.of("c", "d"), order);
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1)), time.sleeps());
    }

    @Test
    void aCallerThatCancelsWhileWaitingGivesThePermitBackUnused() {
        ManualClock time = new ManualClock(START);
        Pacer pacer = new Pacer(1, Duration.ofSeconds(1), time, time::sleep);
        CompletableFuture<String> busy = new CompletableFuture<>();
        pacer.run(() -> busy);
        List<String> ran = new ArrayList<>();
        CompletableFuture<String> cancelled = pacer.run(() -> {
            ran.add("cancelled");
            return CompletableFuture.completedFuture("x");
        });
        CompletableFuture<String> next = pacer.run(() -> {
            ran.add("next");
            return CompletableFuture.completedFuture("y");
        });

        assertTrue(cancelled.cancel(true));
        busy.complete("done");

        assertEquals("y", next.join());
        assertEquals(List.of("next"), ran);
    }
}
