package io.github.botconnector.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.broadcast.support.Fakes;
import io.github.botconnector.testing.FakeConnector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 1: 2,000 messages in 200 conversations of one tenant (ten jobs to the same 200 users at once, so every
 * conversation gets ten) against the fake with Teams' limits on (scaled ×10): each delivered exactly once, and the
 * engine's pacing keeps 429s at or below 0.5 % of the requests.
 */
class PacedBroadcastOnFakeConnectorTest {

    @Test
    void twoThousandMessagesInTwoHundredConversationsAreDeliveredOnceWithFew429s() {
        try (FakeConnector fake = Fakes.start(1, 200);
             ConnectorClient client = Fakes.client(fake);
             BroadcastEngine engine = BroadcastEngine.builder().client(client).limits(Fakes.limits()).build()) {
            List<Recipient> recipients = Fakes.installForAll(fake);
            List<String> jobIds = new ArrayList<>();
            for (int j = 0; j < 10; j++) {
                String id = "paced-" + j;
                jobIds.add(id);
                assertTrue(engine.submit(BroadcastJob.builder(id).recipients(recipients).message(Fakes.message(id))
                        .build()));
            }
            for (String id : jobIds) {
                BroadcastReport report = engine.awaitCompletion(id, Duration.ofMinutes(2));
                assertEquals(200, report.count(DeliveryState.SENT), report::toString);
            }

            Map<String, Integer> delivered = Fakes.deliveredPerConversationAndText(fake);
            assertEquals(2000, delivered.size(), "every (conversation, job) pair delivered");
            assertTrue(delivered.values().stream().allMatch(n -> n == 1), "nothing delivered twice");
            long[] counts = Fakes.requestsAndThrottled(fake);
            assertTrue(counts[1] * 200 <= counts[0], counts[1] + " of " + counts[0] + " requests answered 429");
            for (String id : jobIds) {
                for (Delivery d : engine.ledger().deliveries(id)) {
                    assertTrue(d.activityId() != null && !d.activityId().isBlank(), "activity id kept for " + d);
                }
            }
        }
    }
}
