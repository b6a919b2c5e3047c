package io.github.botconnector.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.exception.ConnectorResponseException;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.testing.FakeConnector;
import io.github.botconnector.testing.FakeConnectorExtension;
import io.github.botconnector.testing.FakeUser;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DirectMessageTest {

    @RegisterExtension
    static FakeConnectorExtension fakeConnector = SampleFake.strict();

    @Test
    void messagesAUserWhoNeverWroteWithAnAlert(FakeConnector fake) {
        FakeUser megan = fake.user(SampleTenant.NEW_USER);
        CapturedOutput out = new CapturedOutput();
        ExampleConfig config = ExampleConfig.forFakeConnector(fake);

        DirectMessage.Sent sent;
        try (ConnectorClient client = config.newClient()) {
            sent = new DirectMessage(client, config.bot(), out.stream())
                    .send(config.tenantId(), megan.toChannelAccount(), Messages.directMessage(megan.name()));
        }

        List<Activity> received = fake.awaitActivities(1, Duration.ofSeconds(10));
        assertEquals(fake.personalConversationId(megan), sent.conversationId());
        assertEquals(sent.conversationId(), sent.reference().conversation().id());
        assertEquals(config.tenantId(), sent.reference().tenantId());
        Activity message = fake.activitiesSentTo(megan).get(0);
        assertEquals(received.get(0).id(), message.id());
        assertEquals(sent.activityId(), message.id());
        assertTrue(message.text().startsWith("Hi Megan, your administrator installed Contoso Notifier"),
                message.text());
        assertTrue(Demo.hasAlert(message), "notification.alert must be set: " + message.toJson());
        assertTrue(out.text().contains("1:1 conversation with Megan Bowen (" + megan.id() + "): "
                + sent.conversationId()), out.text());
        assertTrue(out.text().contains("sent message " + sent.activityId()), out.text());
        // The token came from the fake's token endpoint (client credentials), as from Microsoft Entra ID.
        assertTrue(fake.tokenRequests().size() >= 1);
    }

    @Test
    void createOrGetIsIdempotent(FakeConnector fake) {
        FakeUser megan = fake.user(SampleTenant.NEW_USER);
        ExampleConfig config = ExampleConfig.forFakeConnector(fake);
        try (ConnectorClient client = config.newClient()) {
            DirectMessage example = new DirectMessage(client, config.bot(), new CapturedOutput().stream());
            DirectMessage.Sent first = example.send(config.tenantId(), megan.toChannelAccount(),
                    Activity.message("one"));
            DirectMessage.Sent second = example.send(config.tenantId(), megan.toChannelAccount(),
                    Activity.message("two"));
            assertEquals(first.conversationId(), second.conversationId());
        }
        assertEquals(List.of("one", "two"), fake.conversation(fake.personalConversationId(megan)).texts());
    }

    @Test
    void userWithoutTheAppGets403AndNothingIsSent(FakeConnector fake) {
        FakeUser lee = fake.user(SampleTenant.USER_WITHOUT_APP);
        ExampleConfig config = ExampleConfig.forFakeConnector(fake);
        try (ConnectorClient client = config.newClient()) {
            DirectMessage example = new DirectMessage(client, config.bot(), new CapturedOutput().stream());
            ConnectorResponseException e = assertThrows(ConnectorResponseException.class,
                    () -> example.send(config.tenantId(), lee.toChannelAccount(), Activity.message("hi")));
            assertEquals(403, e.statusCode());
        }
        assertEquals(List.of(), fake.sentActivities());
    }
}
