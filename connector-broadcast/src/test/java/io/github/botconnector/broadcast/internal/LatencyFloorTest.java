package io.github.botconnector.broadcast.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LatencyFloorTest {

    @Test
    void firstAnswersOfAJobAreAllLateUntilEnoughAreKnown() {
        LatencyFloor floor = new LatencyFloor();
        // new connections: every answer of the first second takes 150-180 ms
        for (int i = 0; i < LatencyFloor.MIN_SAMPLES; i++) {
            long latency = 150 + i % 31;
            assertEquals(latency, floor.lateness(latency, 10L * i, true),
                    "answer " + i + " counted as processing time before enough answers were known");
        }
        // enough answers: the minimum (150 ms) is taken as the service's own time
        assertEquals(30, floor.lateness(180, 400, true));
    }

    @Test
    void minimumFollowsTheServiceOverTwoBuckets() {
        LatencyFloor floor = new LatencyFloor();
        for (int i = 0; i < LatencyFloor.MIN_SAMPLES; i++) {
            floor.lateness(5, i, true);
        }
        assertEquals(5, floor.floor(100));
        // the service slows down: the old minimum is forgotten after two buckets of slower answers
        long t = LatencyFloor.BUCKET_MILLIS;
        for (int i = 0; i < LatencyFloor.MIN_SAMPLES; i++) {
            floor.lateness(500, t + i, true);
        }
        assertEquals(5, floor.floor(t + 100), "the previous bucket still holds the fast answers");
        t = 2 * LatencyFloor.BUCKET_MILLIS;
        for (int i = 0; i < LatencyFloor.MIN_SAMPLES; i++) {
            floor.lateness(500, t + i, true);
        }
        assertEquals(500, floor.floor(t + 100));
    }

    @Test
    void errorsDoNotLowerTheMinimum() {
        LatencyFloor floor = new LatencyFloor();
        for (int i = 0; i < LatencyFloor.MIN_SAMPLES; i++) {
            floor.lateness(400, i, true);
        }
        floor.lateness(2, 50, false);
        assertEquals(400, floor.floor(60));
    }
}
