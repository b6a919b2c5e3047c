package io.github.botconnector.broadcast.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StallWatchTest {

    @Test
    void fourAnswersLaterThanTheBoundWithinTenMillisecondsAreABurst() {
        StallWatch watch = new StallWatch(100);
        assertFalse(watch.answered(150, 1_000));
        assertFalse(watch.answered(140, 1_002));
        assertFalse(watch.answered(130, 1_004));
        assertTrue(watch.answered(120, 1_006));
        assertTrue(watch.inBurst(1_006));
        assertEquals(996, watch.burstFrom(), "the three before belong to it");
        assertTrue(watch.answered(110, 1_007));
        assertEquals(996, watch.burstFrom(), "the same burst");
        assertEquals(2, watch.bursts());
        assertFalse(watch.inBurst(1_008));
    }

    @Test
    void answersWithinTheBoundOrSpreadOutAreNoBurst() {
        StallWatch watch = new StallWatch(100);
        for (int i = 0; i < 10; i++) {
            assertFalse(watch.answered(100, 1_000), "within the bound");
        }
        for (long t = 1_004; t < 1_100; t += 4) {
            assertFalse(watch.answered(300, t), "three in any 10 ms");
        }
    }

    @Test
    void lateAnswersAtTheRateRequestsStartAreNoBurstButAStallsAnswersAre() {
        StallWatch watch = new StallWatch(100);
        // a service whose latency varies: a late answer every 2 ms (ten tenants at 50 per second, most answers later
        // than the fastest by more than the bound); at first, with none the second before, they are a burst
        watch.answered(300, 0);
        watch.answered(300, 2);
        watch.answered(300, 4);
        assertTrue(watch.answered(300, 6), "the first answers of a job, all late together");
        for (long t = 8; t < 1_000; t += 2) {
            watch.answered(300, t);
        }
        for (long t = 1_000; t < 3_000; t += 2) {
            assertFalse(watch.answered(300, t), "at the rate requests start, at " + t);
        }
        // it stalls for 200 ms, then answers the 100 requests that waited within 20 ms
        boolean burst = false;
        for (int i = 0; i < 100; i++) {
            burst |= watch.answered(300 + i, 3_200 + i / 5);
        }
        assertTrue(burst);
        assertTrue(watch.burstFrom() < 3_200 && watch.burstFrom() > 3_000, "from its first answers on, not before: "
                + watch.burstFrom());
    }

    @Test
    void aLateAnswerAfterNoAnswerForLongerThanTheBoundIsABurstWithTheOthersOfItsMillisecond() {
        StallWatch watch = new StallWatch(100);
        for (long t = 0; t < 1_000; t += 5) {
            assertFalse(watch.answered(5, t));
        }
        // an answer every 5 ms, then nothing for 135 ms: the engine stalled with two requests in flight, answered when
        // it resumed
        assertTrue(watch.answered(160, 1_130));
        assertTrue(watch.inBurst(1_130), "the other answer of that millisecond belongs to it");
        assertFalse(watch.answered(150, 1_131), "one late answer 1 ms later is not");
        // answers within the bound after a gap are just answers (nothing was in flight)
        assertFalse(watch.answered(5, 2_000));
    }

    @Test
    void aGapThatTheRateOfAnswersExplainsIsNoStall() {
        StallWatch watch = new StallWatch(100);
        // one tenant at a latency varying over 0.5-1 s: an answer every 20 ms on average, now and then none for
        // longer than the bound
        for (long t = 0; t < 1_000; t += 20) {
            watch.answered(5, t);
        }
        assertFalse(watch.answered(300, 1_110), "110 ms without an answer, fewer than ten times the mean");
    }
}
