package io.github.botconnector.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.ConnectorListener;
import io.github.botconnector.broadcast.support.Fakes;
import io.github.botconnector.testing.AuthMode;
import io.github.botconnector.testing.FakeConnector;
import io.github.botconnector.testing.RateLimits;
import io.github.botconnector.testsupport.ManualClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The tenant budget is a rate of arrivals, not a number of requests in flight. Against the fake with Teams'
 * real limits (50 requests per second per tenant, counted by the fake's limiter when a request arrives) and every
 * send answered seconds late, the engine has more requests in flight at once than the budget allows per second, and
 * the fake answers none of them 429.
 *
 * <p>The engine and the fake share a clock that the test moves in steps of 10 ms (the engine's arrival allowance),
 * each only once every request the engine started has reached the fake: a request arrives at most one step after its
 * start on that clock, whatever the load on the machine, so the fake's windows see what the engine paced.
 */
class PacingAtTeamsLatencyTest {

    private static final int RECIPIENTS = 80;
    private static final int BUDGET = 50;
    private static final Duration STEP = Duration.ofMillis(10);

    @Test
    void moreRequestsThanTheBudgetPerSecondAreInFlightAtOnceAndNoneIsAnswered429() {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-27T08:00:00Z"));
        InFlight inFlight = new InFlight();
        try (FakeConnector fake = Fakes.builder(1, RECIPIENTS, AuthMode.BEARER_PRESENT, RateLimits.teams())
                .clock(clock).start();
             ConnectorClient client = Fakes.fixedTokenClient(fake.serviceUrl(), inFlight);
             BroadcastEngine engine = BroadcastEngine.builder().client(client).clock(clock).build()) {
            fake.faults().on("sendToConversation").always().delay(Duration.ofSeconds(5));
            engine.submit(BroadcastJob.builder("latency").recipients(Fakes.installForAll(fake))
                    .message(Fakes.message("latency")).build());
            Fakes.stepUntilArrived(clock, STEP, engine, "latency", fake, RECIPIENTS);
            BroadcastReport report = engine.awaitCompletion("latency", Duration.ofMinutes(1));

            assertEquals(RECIPIENTS, report.count(DeliveryState.SENT), report::toString);
            Map<String, Integer> delivered = Fakes.deliveredPerConversationAndText(fake);
            assertEquals(RECIPIENTS, delivered.size());
            assertTrue(delivered.values().stream().allMatch(n -> n == 1), "nothing delivered twice");
            long[] counts = Fakes.requestsAndThrottled(fake);
            assertEquals(0, counts[1], () -> "requests answered 429 by the fake's limiter: "
                    + fake.recentExchanges(10));
            assertEquals(RECIPIENTS, counts[0], "one request per recipient");
            assertTrue(inFlight.peak.get() > BUDGET, "requests in flight at once: " + inFlight.peak.get()
                    + ", the budget is " + BUDGET + " per second");
            Duration span = Duration.between(fake.exchanges().get(0).at(),
                    fake.exchanges().get(RECIPIENTS - 1).at());
            assertTrue(span.compareTo(Duration.ofSeconds((RECIPIENTS - 1) / BUDGET)) >= 0,
                    "at most " + BUDGET + " per second on the shared clock: " + RECIPIENTS + " sends in " + span);
        }
    }

    /** Counts the client's requests in flight and the most at once. */
    private static final class InFlight implements ConnectorListener {
        final AtomicInteger now = new AtomicInteger();
        final AtomicInteger peak = new AtomicInteger();

        @Override
        public void requestStart(Request request) {
            peak.accumulateAndGet(now.incrementAndGet(), Math::max);
        }

        @Override
        public void requestEnd(Request request, int status, String requestId, Duration duration) {
            now.decrementAndGet();
        }

        @Override
        public void requestFailed(Request request, IOException error, Duration duration) {
            now.decrementAndGet();
        }
    }
}
