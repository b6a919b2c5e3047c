package io.github.botconnector.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.broadcast.support.BroadcastProcess;
import io.github.botconnector.broadcast.support.Databases;
import io.github.botconnector.broadcast.support.Fakes;
import io.github.botconnector.testing.AuthMode;
import io.github.botconnector.testing.FakeConnector;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
            List<Delivery> pending = new ArrayList<>();
            for (Recipient r : job.recipients()) {
                pending.add(Delivery.pending(job.id(), r, null, null, Instant.now()));
            }
            assertTrue(ledger.createJob(job.record(), pending, Instant.now()));

            Process child = startEngineProcess(db, fake.serviceUrl());
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
            for (Delivery d : ledger.deliveries("crash")) {
                boolean arrived = delivered.containsKey(d.reference().conversation().id() + "|Broadcast crash");
                if (d.state() == DeliveryState.SENT) {
                    assertTrue(arrived, "sent and delivered: " + d);
                } else {
                    assertEquals(DeliveryState.UNKNOWN, d.state(), d::toString);
                    assertTrue(d.detail().contains("process stopped"), d::toString);
                }
            }
        }
    }

    private static Process startEngineProcess(Databases.Db db, String serviceUrl) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File log = Path.of("target", "crash-child-" + db.name() + ".log").toFile();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                BroadcastProcess.class.getName(), db.url(), db.user(), db.password(), serviceUrl)
                .redirectErrorStream(true).redirectOutput(log).start();
    }
}
