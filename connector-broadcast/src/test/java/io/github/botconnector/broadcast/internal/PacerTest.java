package io.github.botconnector.broadcast.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.broadcast.PacingLimits;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pacer on a simulated clock: a rate of starts, evenly spread, whatever the latency. */
class PacerTest {

    private static final List<PacingLimits.Window> TENANT = PacingLimits.teams().perTenant();

    /** Starts every request the pacer allows from 0 to {@code until} ms, each answered {@code latency} ms later. */
    private static List<Long> run(Pacer pacer, long until, long latency) {
        List<Long> starts = new ArrayList<>();
        List<Long> answers = new ArrayList<>();
        for (long now = 0; now < until; now++) {
            while (!answers.isEmpty() && answers.get(0) <= now) {
                answers.remove(0);
                pacer.finish(now);
            }
            while (pacer.availableAt(now) <= now) {
                pacer.start(now);
                starts.add(now);
                answers.add(now + latency);
            }
        }
        return starts;
    }

    private static int mostInAnySpan(List<Long> starts, long span) {
        int most = 0;
        int first = 0;
        for (int i = 0; i < starts.size(); i++) {
            while (starts.get(i) - starts.get(first) >= span) {
                first++;
            }
            most = Math.max(most, i - first + 1);
        }
        return most;
    }

    @Test
    void theTenantBudgetIsARateOfStartsWhateverTheLatency() {
        for (long latency : new long[] {1, 500, 1000, 3000}) {
            List<Long> starts = run(new Pacer(TENANT, Integer.MAX_VALUE, 10, true), 20_000, latency);
            assertTrue(mostInAnySpan(starts, 1010) <= 50, "at most 50 in any 1.01 s at latency " + latency);
            // 20 s at 50 per 1.01 s
            assertTrue(starts.size() >= 985, starts.size() + " starts in 20 s at latency " + latency);
        }
    }

    @Test
    void countedUntilAnsweredARequestHoldsItsPlaceWhileInFlightAndAWindowAfter() {
        Pacer pacer = new Pacer(TENANT, Integer.MAX_VALUE, 10, true, true);
        List<Long> starts = run(pacer, 10_000, 1_000);
        // each request occupies 2 s (1 s in flight, then its window): 50 per 2 s, about half the budget
        assertTrue(mostInAnySpan(starts, 2_000) <= 50, "at most 50 in any 2 s");
        assertTrue(starts.size() >= 200 && starts.size() <= 260, starts.size() + " starts in 10 s");
    }

    @Test
    void startsAreSpreadEvenlyNotInBursts() {
        List<Long> starts = run(new Pacer(TENANT, Integer.MAX_VALUE, 10, true), 5_000, 700);
        assertTrue(mostInAnySpan(starts, 100) <= 5, "at most a tenth of the budget in any 100 ms");
    }

    @Test
    void aConversationHasOneRequestInFlightAndItsOwnWindows() {
        Pacer conversation = new Pacer(PacingLimits.teams().perConversation(), 1, 10, false);
        conversation.start(0);
        assertEquals(Long.MAX_VALUE, conversation.availableAt(5), "one in flight");
        conversation.finish(5);
        // answered after 1 ms: 7 in the first second, the 8th once the first left its 1 s window (+ 10 ms), the
        // 9th only after the 8 per 2 s window
        List<Long> starts = run(new Pacer(PacingLimits.teams().perConversation(), 1, 10, false), 2_011, 1);
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 1_010L, 2_010L), starts);
    }

    @Test
    void a429PausesAndHalvesTheRateWhichClimbsBack() {
        Pacer tenant = new Pacer(TENANT, Integer.MAX_VALUE, 10, true);
        tenant.throttled(1_000);
        assertEquals(1_000, tenant.availableAt(0));
        List<Long> starts = new ArrayList<>();
        for (long now = 1_000; now < 3_020; now++) {
            while (tenant.availableAt(now) <= now) {
                tenant.start(now);
                tenant.finish(now);
                starts.add(now);
            }
        }
        assertTrue(mostInAnySpan(starts, 1010) <= 25, "half the budget after a 429");
        for (int i = 0; i < 25; i++) {
            tenant.succeeded();
        }
        assertTrue(tenant.availableAt(3_020 + 1010) <= 3_020 + 1010);
    }
}
