package io.github.botconnector.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.broadcast.support.Fakes;
import io.github.botconnector.testing.FakeConnector;
import io.github.botconnector.testing.FakeUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 2: seeded faults on the fake (5 % 503, 1 % connections reset after the request was read, 2 % of the
 * users blocked the bot, the token endpoint failing for the first token requests): nothing is delivered twice, every
 * recipient ends in a final state, every blocked one is reported blocked and every reset one unknown.
 *
 * <p>The rule where the two meet: a send reset after the request was written may have been delivered, so it ends
 * {@code UNKNOWN} (nothing told the engine about the block), unless the job opts into re-sending; then the re-sent
 * request is answered 403 and the recipient ends {@code BLOCKED}. The first test keeps the two sets apart (the resets
 * are drawn from the users who did not block the bot); the second shows the rule.
 */
class FaultsOnFakeConnectorTest {

    private static final long SEED = 11;

    /** An engine retrying transient failures after 50 to 400 ms. */
    private static BroadcastEngine engine(ConnectorClient client) {
        return BroadcastEngine.builder().client(client).limits(Fakes.limits())
                .backoff(Duration.ofMillis(50), Duration.ofMillis(400)).build();
    }

    @Test
    void seededFaultsEndInOneFinalStateEachWithoutDuplicates() {
        try (FakeConnector fake = Fakes.start(1, 500);
             ConnectorClient client = Fakes.client(fake);
             BroadcastEngine engine = engine(client)) {
            List<Recipient> recipients = Fakes.installForAll(fake);
            Set<String> blocked = new HashSet<>();
            List<String> others = new ArrayList<>();
            List<FakeUser> users = fake.users();
            for (int i = 0; i < users.size(); i++) {
                String conversationId = fake.personalConversationId(users.get(i));
                if (i % 50 == 0) {                              // 2 %
                    fake.blockBot(users.get(i));
                    blocked.add(conversationId);
                } else {
                    others.add(conversationId);
                }
            }
            Collections.shuffle(others, new Random(SEED));
            Set<String> reset = new HashSet<>(others.subList(0, users.size() / 100));   // 1 %
            for (String conversationId : reset) {
                fake.faults().onConversation(conversationId).next(1).disconnectAfterRequest();
            }
            fake.faults().on("token").next(6).respond(503)
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

            for (String conversationId : blocked) {
                Delivery d = byConversation.get(conversationId);
                assertEquals(DeliveryState.FAILED, d.state(), d::toString);
                assertEquals(FailureReason.BLOCKED, d.reason(), d::toString);
            }
            Set<String> unknown = byConversation.entrySet().stream()
                    .filter(e -> e.getValue().state() == DeliveryState.UNKNOWN).map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
            assertEquals(reset, unknown, "exactly the reset sends are unknown");
            assertEquals(blocked.size(), report.count(FailureReason.BLOCKED), report::toString);
            assertEquals(500 - blocked.size() - reset.size(), report.count(DeliveryState.SENT), report::toString);
            assertTrue(fake.exchanges().stream().anyMatch(e -> e.status() == 503 && !Fakes.isTokenRequest(e)),
                    "the seed answers some sends 503");
            assertEquals(6, fake.exchanges().stream().filter(e -> Fakes.isTokenRequest(e) && e.status() == 503).count(),
                    "the token endpoint failed first");
            assertTrue(fake.tokenRequests().stream().anyMatch(t -> t.status() == 200), "then served a token");
        }
    }

    @Test
    void aBlockedUserWhoseSendWasResetIsUnknownUnlessTheJobOptsIntoResending() {
        try (FakeConnector fake = Fakes.start(1, 1);
             ConnectorClient client = Fakes.client(fake);
             BroadcastEngine engine = engine(client)) {
            List<Recipient> recipients = Fakes.installForAll(fake);
            FakeUser user = fake.users().get(0);
            fake.blockBot(user);
            String conversationId = fake.personalConversationId(user);

            fake.faults().onConversation(conversationId).next(1).disconnectAfterRequest();
            engine.submit(BroadcastJob.builder("once").recipients(recipients).message(Fakes.message("once")).build());
            engine.awaitCompletion("once", Duration.ofMinutes(1));
            Delivery once = engine.ledger().deliveries("once").get(0);
            assertEquals(DeliveryState.UNKNOWN, once.state(), once::toString);

            fake.faults().onConversation(conversationId).next(1).disconnectAfterRequest();
            engine.submit(BroadcastJob.builder("again").recipients(recipients).message(Fakes.message("again"))
                    .resendPossiblyDelivered(true).build());
            engine.awaitCompletion("again", Duration.ofMinutes(1));
            Delivery again = engine.ledger().deliveries("again").get(0);
            assertEquals(DeliveryState.FAILED, again.state(), again::toString);
            assertEquals(FailureReason.BLOCKED, again.reason(), again::toString);
            assertEquals(2, again.attempts(), "reset, then answered 403");
            assertEquals(List.of(), fake.activitiesSentTo(user));
        }
    }
}
