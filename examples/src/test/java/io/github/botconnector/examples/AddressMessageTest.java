package io.github.botconnector.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.teams.DirectConversation;
import io.github.botconnector.testing.Exchange;
import io.github.botconnector.testing.FakeConnector;
import io.github.botconnector.testing.FakeConnectorExtension;
import io.github.botconnector.testing.FakeUser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AddressMessageTest {

    @RegisterExtension
    static FakeConnectorExtension fakeConnector = SampleFake.strict();

    @Test
    void userIdTenantIdAndServiceUrlGiveAMessageInOneCall(FakeConnector fake) {
        FakeUser megan = fake.user(SampleTenant.NEW_USER);
        ExampleConfig config = ExampleConfig.forFakeConnector(fake);
        CapturedOutput out = new CapturedOutput();
        int before = fake.exchanges().size();

        DirectConversation chat;
        try (ConnectorClient client = config.newClient()) {
            chat = new AddressMessage(client, config.bot(), out.stream())
                    .send(fake.serviceUrl(), config.tenantId(), megan.id(),
                            Activity.message("Your shift starts at 8."));
        }

        List<Exchange> calls = fake.exchanges().subList(before, fake.exchanges().size()).stream()
                .filter(e -> !e.path().endsWith("/oauth2/v2.0/token")).toList();
        assertEquals(1, calls.size(), "one Bot Connector request: " + calls);
        assertEquals("POST", calls.get(0).method());
        assertTrue(calls.get(0).path().endsWith("/v3/conversations"), calls.get(0).path());
        assertEquals(List.of("Your shift starts at 8."), fake.activitiesSentTo(megan).stream().map(Activity::text)
                .toList());
        assertEquals(fake.personalConversationId(megan), chat.conversationId());
        assertEquals(config.tenantId(), chat.reference().tenantId());
        assertTrue(out.text().contains("message posted to " + megan.id()), out.text());
    }
}
