package io.github.botconnector.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.broadcast.support.Fakes;
import io.github.botconnector.testing.Exchange;
import io.github.botconnector.testing.FakeConnector;
import io.github.botconnector.testing.FakeUser;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 2: seeded faults on the fake (5 % 503, 1 % connections reset after the request was read, 2 % of the
 * users blocked the bot, the token endpoint failing for the first token requests): nothing is delivered twice, every
 * recipient ends in a final state, each blocked user is reported blocked and each reset send unknown (a blocked
 * user whose send was reset before the fake processed it is unknown: nothing told the engine about the block).
 */
class FaultsOnFakeConnectorTest {

    @Test
    void seededFaultsEndInOneFinalStateEachWithoutDuplicates() {
        try (FakeConnector fake = Fakes.start(1, 500);
             ConnectorClient client = Fakes.client(fake);
             BroadcastEngine engine = BroadcastEngine.builder().client(client).limits(Fakes.limits())
                     .backoff(Duration.ofMillis(50), Duration.ofMillis(400)).build()) {
            List<Recipient> recipients = Fakes.installForAll(fake);
            Set<String> blocked = new HashSet<>();
            List<FakeUser> users = fake.users();
            for (int i = 0; i < users.size(); i += 50) {     // 2 %
                fake.blockBot(users.get(i));
                blocked.add(fake.personalConversationId(users.get(i)));
            }
            fake.faults().on("token").next(6).respond(503)
                    .on("sendToConversation").fraction(0.01, 11).disconnectAfterRequest()
                    .on("sendToConversation").fraction(0.05, 7).respond(503);

            engine.submit(BroadcastJob.builder("faults").recipients(recipients).message(Fakes.message("faults"))
                    .build());
            BroadcastReport report = engine.awaitCompletion("faults", Duration.ofMinutes(2));

            assertTrue(report.finished(), report::toString);
            Map<String, Delivery> byConversation = engine.ledger().deliveries("faults").stream()
                    .collect(Collectors.toMap(d -> d.reference().conversation().id(), d -> d));
            assertEquals(500, byConversation.size());
            assertTrue(byConversation.values().stream().allMatch(d -> d.state().isFinal()), "all final");

            Map<String, Integer> delivered = Fakes.deliveredPerConversationAndText(fake);
            assertTrue(delivered.values().stream().allMatch(n -> n == 1), "nothing delivered twice: " + delivered);
            for (Delivery d : byConversation.values()) {
                boolean arrived = delivered.containsKey(d.reference().conversation().id() + "|Broadcast faults");
                assertEquals(d.state() == DeliveryState.SENT, arrived, "ledger and fake agree on " + d);
            }

            Set<String> reset = fake.exchanges().stream()
                    .filter(e -> e.status() == -1 && e.note() != null && e.note().contains("request not processed"))
                    .map(FaultsOnFakeConnectorTest::conversationOf).collect(Collectors.toSet());
            for (String conversationId : blocked) {
                Delivery d = byConversation.get(conversationId);
                // a send reset before the fake processed it never learns that the user blocked the bot
                DeliveryState expected = reset.contains(conversationId) ? DeliveryState.UNKNOWN : DeliveryState.FAILED;
                assertEquals(expected, d.state(), d::toString);
                if (expected == DeliveryState.FAILED) {
                    assertEquals(FailureReason.BLOCKED, d.reason(), d::toString);
                }
            }
            assertTrue(!reset.isEmpty(), "the seed resets some sends");
            Set<String> unknown = byConversation.entrySet().stream()
                    .filter(e -> e.getValue().state() == DeliveryState.UNKNOWN).map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
            assertEquals(reset, unknown, "exactly the reset sends are unknown");
            Set<String> notSent = new HashSet<>(blocked);
            notSent.addAll(reset);
            assertEquals(blocked.size() - blocked.stream().filter(reset::contains).count(),
                    report.count(FailureReason.BLOCKED));
            assertEquals(500 - notSent.size(), report.count(DeliveryState.SENT), report::toString);
            assertEquals(6, fake.exchanges().stream().filter(e -> Fakes.isTokenRequest(e) && e.status() == 503).count(),
                    "the token endpoint failed first");
            assertTrue(fake.tokenRequests().stream().anyMatch(t -> t.status() == 200), "then served a token");
        }
    }

    private static String conversationOf(Exchange e) {
        String path = e.path();
        int start = path.indexOf("/v3/conversations/") + "/v3/conversations/".length();
        int end = path.indexOf('/', start);
        return URLDecoder.decode(path.substring(start, end), StandardCharsets.UTF_8);
    }
}
