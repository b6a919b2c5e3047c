package io.github.botconnector.broadcast;

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
import org.junit.jupiter.api.Test;

/**
 * Acceptance 4: three engines on one PostgreSQL ledger, 10 tenants × 500 recipients; one engine (in its own JVM) is
 * killed mid-way. Nothing is delivered twice, nothing is lost, and tenant leases keep each tenant's budget with one
 * node at a time, so the fake answers at most 0.5 % of the requests with 429.
 */
class MultiNodeTest {

    @Test
    void threeNodesShareTenTenantsAndSurviveTheLossOfOne() throws Exception {
        Databases.Db db = Databases.postgres();
        Ledger ledger = Ledger.jdbc(db.dataSource());
        try (FakeConnector fake = Fakes.start(10, 500, AuthMode.BEARER_PRESENT)) {
            fake.faults().on("sendToConversation").always().delay(Duration.ofMillis(5));
            List<Recipient> recipients = Fakes.installForAll(fake);
            BroadcastJob job = BroadcastJob.builder("all-hands").recipients(recipients)
                    .message(Fakes.message("all-hands")).build();
            BroadcastProcess.store(ledger, job);

            Process child = BroadcastProcess.start(db, fake.serviceUrl(), "multi-node-child", "node-c", "4");
            BroadcastReport a;
            BroadcastReport b;
            try (ConnectorClient client = Fakes.fixedTokenClient(fake.serviceUrl())) {
                fake.awaitActivities(50, Duration.ofMinutes(1));          // node C holds its tenants
                try (BroadcastEngine nodeA = BroadcastProcess.node(BroadcastEngine.builder().client(client)
                             .ledger(ledger).limits(Fakes.limits()), "node-a", 4).build();
                     BroadcastEngine nodeB = BroadcastProcess.node(BroadcastEngine.builder().client(client)
                             .ledger(ledger).limits(Fakes.limits()), "node-b", 4).build()) {
                    try {
                        fake.awaitActivities(1500, Duration.ofMinutes(5));
                    } finally {
                        child.destroyForcibly();
                        child.waitFor();
                    }
                    a = nodeA.awaitCompletion("all-hands", Duration.ofMinutes(3));
                    b = nodeB.awaitCompletion("all-hands", Duration.ofMinutes(3));
                }
            }
            assertTrue(a.finished() && b.finished(), a + " / " + b);
            assertTrue(a.requests() > 0 && b.requests() > 0, "both surviving nodes sent: " + a + " / " + b);

            Map<String, Integer> delivered = Fakes.deliveredPerConversationAndText(fake);
            assertTrue(delivered.values().stream().allMatch(n -> n == 1), "nothing delivered twice");
            int unknown = BroadcastProcess.checkSentOrUnknown(ledger, "all-hands", delivered, "Broadcast all-hands");
            assertTrue(unknown <= 64, unknown + " unknown: at most what the killed node had in flight");
            long[] counts = Fakes.requestsAndThrottled(fake);
            System.out.printf("multi-node: %d requests, %d answered 429, %d unknown, node A %d requests, node B %d%n",
                    counts[0], counts[1], unknown, a.requests(), b.requests());
            assertTrue(counts[1] * 200 <= counts[0], counts[1] + " of " + counts[0] + " requests answered 429");
        }
    }
}
