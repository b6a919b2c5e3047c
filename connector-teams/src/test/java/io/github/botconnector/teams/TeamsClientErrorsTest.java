package io.github.botconnector.teams;

import static io.github.botconnector.teams.support.RecordingDispatcher.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.exception.BotNotInConversationRosterException;
import io.github.botconnector.ConnectorClient;
import io.github.botconnector.exception.ConversationNotFoundException;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.teams.support.TestClients;
import io.github.botconnector.test.Fixtures;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Service errors of Teams operations surface as the client's typed exceptions. */
class TeamsClientErrorsTest {

    private static final String TENANT = "c603ca06-32cc-4a8f-9a2a-a31442aeb907";
    private static final ChannelAccount BOT = ChannelAccount.of("28:805a9832-b270-4490-a35a-a726f1fc9513", "Contoso Notifier");
    private static final String LEE = "29:1N_IN7S35A-J_G0-6L5vhUgc1ptdTB1HmjqSDFSDpVjwjO4fP0ryUnWdb7Fot6OtaPL-ViYHOrfPvY3gDKHOm_Q";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private ConnectorClient connector;
    private TeamsClient teams;

    @BeforeEach
    void setUp() {
        connector = TestClients.connector(server.url("/amer/").toString());
        teams = TeamsClient.of(connector);
    }

    @AfterEach
    void tearDown() {
        connector.close();
    }

    @Test
    void userWhoNeverInstalledTheAppGetsRosterError() {
        String body = Fixtures.read("connector/errors/bot-not-in-conversation-roster.403.json");
        server.enqueue(json(403, body));
        BotNotInConversationRosterException create = assertThrows(BotNotInConversationRosterException.class,
                () -> teams.createOrGetDirectConversation(BOT, ChannelAccount.of(LEE, "Lee Gu"), TENANT));
        assertEquals(403, create.statusCode());
        assertEquals("BotNotInConversationRoster", create.errorCode());
        assertTrue(create.getMessage().toLowerCase(Locale.ROOT).contains("install"),
                "the message points to installing the app first: " + create.getMessage());

        // A send through a stored reference of a user who uninstalled: same typed error, also on the async view.
        ConversationReference stale = ConversationReference.fromJson(Fixtures.read("connector/conversation-reference.personal.json"))
                .toBuilder().serviceUrl(teams.serviceUrl()).build();
        server.enqueue(json(403, body));
        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> teams.async().send(stale, Activity.message("Your report is ready.")).get());
        BotNotInConversationRosterException send = assertInstanceOf(BotNotInConversationRosterException.class, failed.getCause());
        assertTrue(send.getMessage().toLowerCase(Locale.ROOT).contains("install"), send.getMessage());
    }

    @Test
    void threadCreationInATeamWithoutTheAppGetsRosterError() {
        server.enqueue(json(403, Fixtures.read("connector/errors/bot-not-in-conversation-roster.403.json")));
        assertThrows(BotNotInConversationRosterException.class, () -> teams.createChannelThread(
                "19:9e556880874c19d2faad1be9feee1ce2@thread.tacv2", Activity.message("hello"), TENANT));
    }

    @Test
    void replyToADeletedThreadIsConversationNotFound() {
        server.enqueue(json(404, Fixtures.read("connector/errors/conversation-not-found.404.json")));
        assertThrows(ConversationNotFoundException.class, () -> teams.replyInThread(
                "19:9e556880874c19d2faad1be9feee1ce2@thread.tacv2;messageid=1768478400321", Activity.message("late")));
    }
}
