package io.github.botconnector.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.exception.ConnectorResponseException;
import io.github.botconnector.exception.PossiblyDeliveredException;
import io.github.botconnector.RetryPolicy;
import io.github.botconnector.auth.TokenProvider;
import io.github.botconnector.auth.TrustedHosts;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.teams.support.TestClients;
import io.github.botconnector.testing.FakeConnector;
import io.github.botconnector.testing.FakeConnectorExtension;
import io.github.botconnector.testing.FakeUser;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sends that fail after the fake processed them: never sent twice, and reported as possibly delivered, also when the
 * opt-in retry then fails with another error. The fake's journal says what was delivered.
 */
class TeamsSendFaultsOnFakeConnectorTest {

    @RegisterExtension
    static final FakeConnectorExtension FAKE = FakeConnectorExtension.builder().contoso().build();

    private static ConnectorClient client(FakeConnector fake, boolean retryPossiblyDelivered) {
        return ConnectorClient.builder()
                .serviceUrl(fake.serviceUrl())
                .credentials(TokenProvider.fixed(TestClients.TOKEN))
                .trustedHosts(TrustedHosts.builder().allowLoopback(true).build())
                .retryPolicy(RetryPolicy.builder().retryPossiblyDeliveredRequests(retryPossiblyDelivered)
                        .sleeper(d -> CompletableFuture.completedFuture(null)).build())
                .build();
    }

    /** Installs the app for {@code user}, creates the 1:1 chat, arms the faults, then sends: it must fail so. */
    private static PossiblyDeliveredException sendFailing(FakeConnector fake, FakeUser user, boolean optIn,
                                                          Runnable faults) {
        fake.installBotFor(user);
        try (ConnectorClient client = client(fake, optIn)) {
            TeamsClient teams = TeamsClient.of(client);
            DirectConversation chat = teams.createOrGetDirectConversation(null, user.toChannelAccount(),
                    fake.tenantIds().get(0));
            faults.run();
            return assertThrows(PossiblyDeliveredException.class,
                    () -> teams.send(chat.reference(), Activity.message("Your report is ready.")));
        }
    }

    @Test
    void aSendWhoseResponseWasLostIsPossiblyDeliveredAndNotResent(FakeConnector fake) {
        FakeUser adele = fake.user("Adele Vance");
        PossiblyDeliveredException e = sendFailing(fake, adele, false,
                () -> fake.faults().on("sendToConversation").next(1).dropResponse());
        assertEquals(1, e.attempts());
        assertEquals(1, fake.activitiesSentTo(adele).size(), "delivered once, not re-sent");
    }

    @Test
    void withTheOptInALostResponseFollowedByServiceUnavailableIsStillPossiblyDelivered(FakeConnector fake) {
        FakeUser alex = fake.user("Alex Wilber");
        PossiblyDeliveredException e = sendFailing(fake, alex, true, () -> fake.faults().on("sendToConversation")
                .next(1).dropResponse().on("sendToConversation").next(3).respond(503));
        assertTrue(e.possiblyDelivered());
        assertEquals(4, e.attempts());
        assertEquals(503, assertInstanceOf(ConnectorResponseException.class, e.getCause()).statusCode());
        assertEquals(1, fake.activitiesSentTo(alex).size(), "the first attempt delivered it; the 503s did not");
    }
}
