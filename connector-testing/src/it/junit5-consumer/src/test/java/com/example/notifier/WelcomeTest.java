package com.example.notifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.testing.FakeConnector;
import io.github.botconnector.testing.FakeConnectorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WelcomeTest {

    @RegisterExtension
    static FakeConnectorExtension fake = FakeConnectorExtension.builder().contoso().build();

    @Test
    void welcomesTheInstaller(FakeConnector connector) {
        ConversationReference ref = connector.installBotFor(connector.user("Adele Vance"));
        try (ConnectorClient client = connector.clientBuilder().build()) {  // the fake's service URL, cloud, credentials
            client.send(ref, Activity.message("Welcome!"));                 // in a real test: your code under test
        }
        assertEquals("Welcome!", connector.activitiesSentTo(connector.user("Adele Vance")).get(0).text());
    }
}
