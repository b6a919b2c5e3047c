package io.github.botconnector.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.broadcast.support.BroadcastProcess;
import io.github.botconnector.broadcast.support.Databases;
import io.github.botconnector.broadcast.support.Fakes;
import io.github.botconnector.testing.AuthMode;
import io.github.botconnector.testing.FakeConnector;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Acceptance 3: an engine in another JVM is killed ({@code destroyForcibly()}, no shutdown) at a random point of a
 * job; a new engine on the same JDBC ledger finishes it. Nothing is delivered twice, nothing is lost, and only the
 * requests in flight at the kill end {@code UNKNOWN}.
 */
class CrashAndResumeTest {

    static Stream<Databases.Db> databases() {
        return Stream.of(Databases.h2File(), Databases.postgres());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aKilledEngineIsResumedWithoutDuplicatesOrLosses(Databases.Db db) throws Exception {
        int recipients = 300;
        try (FakeConnector fake = Fakes.start(1, recipients, AuthMode.BEARER_PRESENT)) {
            // latency, so that requests are in flight when the process dies
            fake.faults().on("sendToConversation").always().delay(Duration.ofMillis(25));
            Ledger ledger = Ledger.jdbc(db.dataSource());
            BroadcastJob job = BroadcastJob.builder("crash").recipients(Fakes.installForAll(fake))
                    .message(Fakes.message("crash")).build();
            BroadcastProcess.store(ledger, job);

            Process child = BroadcastProcess.start(db, fake.serviceUrl(), "crash-child-" + db.name());
            int killAfter = 30 + new Random().nextInt(recipients / 2);
            try {
                fake.awaitActivities(killAfter, Duration.ofMinutes(2));
            } finally {
                child.destroyForcibly();
                child.waitFor();
            }
            List<Delivery> atKill = ledger.deliveries("crash");
            long sendingAtKill = atKill.stream().filter(d -> d.state() == DeliveryState.SENDING).count();
            System.out.printf("%s: killed after %d deliveries with %d in flight%n", db, killAfter, sendingAtKill);

            try (ConnectorClient client = Fakes.fixedTokenClient(fake.serviceUrl());
                 BroadcastEngine engine = BroadcastEngine.builder().client(client).ledger(ledger)
                         .limits(Fakes.limits()).build()) {
                BroadcastReport report = engine.awaitCompletion("crash", Duration.ofMinutes(2));
                assertTrue(report.finished(), report::toString);
                assertEquals(sendingAtKill, report.count(DeliveryState.UNKNOWN),
                        "unknown are exactly the ones in flight at the kill: " + report);
                assertEquals(recipients - sendingAtKill, report.count(DeliveryState.SENT), report::toString);
            }
            Map<String, Integer> delivered = Fakes.deliveredPerConversationAndText(fake);
            assertTrue(delivered.values().stream().allMatch(n -> n == 1), "nothing delivered twice");
            BroadcastProcess.checkSentOrUnknown(ledger, "crash", delivered, "Broadcast crash");
            assertTrue(ledger.deliveries("crash").stream().filter(d -> d.state() == DeliveryState.UNKNOWN)
                    .allMatch(d -> d.detail().contains("process stopped")), "unknown because in flight at the kill");
        }
    }
}
