package io.github.botconnector.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.broadcast.support.BroadcastProcess;
import io.github.botconnector.broadcast.support.Fakes;
import io.github.botconnector.testing.FakeConnector;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Recipients an engine finds {@code SENDING} when it resumes a ledger (the previous process stopped mid-request)
 * end {@code UNKNOWN}: the listener hears of each of them, as of every other outcome, not only the report.
 */
class ResumeOutcomesTest {

    @Test
    void recipientsLeftInFlightReachTheListenerAsUnknownWhenTheJobIsResumed() {
        try (FakeConnector fake = Fakes.start(1, 5); ConnectorClient client = Fakes.client(fake)) {
            Ledger ledger = Ledger.inMemory();
            List<Recipient> recipients = Fakes.installForAll(fake);
            BroadcastProcess.store(ledger, BroadcastJob.builder("resumed").recipients(recipients)
                    .message(Fakes.message("resumed")).build());
            leaveInFlight(ledger, "resumed", 2);
            List<Delivery> outcomes = new CopyOnWriteArrayList<>();

            try (BroadcastEngine engine = BroadcastEngine.builder().client(client).ledger(ledger)
                    .limits(Fakes.limits()).listener(collect(outcomes)).build()) {
                BroadcastReport report = engine.awaitCompletion("resumed", Duration.ofMinutes(1));

                assertEquals(2, report.count(DeliveryState.UNKNOWN), report::toString);
                assertEquals(3, report.count(DeliveryState.SENT), report::toString);
            }
            assertEquals(Map.of(DeliveryState.UNKNOWN, 2L, DeliveryState.SENT, 3L), countByState(outcomes));
            assertEquals(5, outcomes.stream().map(Delivery::key).distinct().count(), "one outcome per recipient");
            assertTrue(outcomes.stream().filter(d -> d.state() == DeliveryState.UNKNOWN)
                    .allMatch(d -> d.detail().contains("process stopped")), outcomes::toString);
        }
    }

    @Test
    void aJobWhoseLastRecipientsWereInFlightFinishesOnResumeAndTheListenerHearsOfEach() {
        try (FakeConnector fake = Fakes.start(1, 3); ConnectorClient client = Fakes.client(fake)) {
            Ledger ledger = Ledger.inMemory();
            BroadcastProcess.store(ledger, BroadcastJob.builder("all-in-flight")
                    .recipients(Fakes.installForAll(fake)).message(Fakes.message("all-in-flight")).build());
            leaveInFlight(ledger, "all-in-flight", 3);
            List<Delivery> outcomes = new CopyOnWriteArrayList<>();

            try (BroadcastEngine engine = BroadcastEngine.builder().client(client).ledger(ledger)
                    .limits(Fakes.limits()).listener(collect(outcomes)).build()) {
                BroadcastReport report = engine.awaitCompletion("all-in-flight", Duration.ofMinutes(1));

                assertEquals(3, report.count(DeliveryState.UNKNOWN), report::toString);
            }
            assertEquals(Map.of(DeliveryState.UNKNOWN, 3L), countByState(outcomes));
            assertEquals(List.of(), fake.sentActivities(), "possibly delivered: not sent again");
        }
    }

    /** Moves the first {@code n} recipients to {@code SENDING}, as a process that died mid-request leaves them. */
    private static void leaveInFlight(Ledger ledger, String jobId, int n) {
        for (Delivery d : ledger.deliveries(jobId).subList(0, n)) {
            assertTrue(ledger.transition(d, d.sending(Instant.now())));
        }
    }

    private static BroadcastListener collect(List<Delivery> outcomes) {
        return new BroadcastListener() {
            @Override
            public void onOutcome(Delivery delivery) {
                outcomes.add(delivery);
            }
        };
    }

    private static Map<DeliveryState, Long> countByState(List<Delivery> outcomes) {
        return outcomes.stream().collect(Collectors.groupingBy(Delivery::state, Collectors.counting()));
    }
}
