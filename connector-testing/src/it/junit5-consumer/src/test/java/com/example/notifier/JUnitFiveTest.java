package com.example.notifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.testing.AuthMode;
import io.github.botconnector.testing.FakeConnector;
import io.github.botconnector.testing.FakeConnectorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension on the JUnit 5 line this project declares, with one fake per test and strict authentication. */
class JUnitFiveTest {

    @RegisterExtension
    final FakeConnectorExtension fake = FakeConnectorExtension.builder().contoso().auth(AuthMode.STRICT).build();

    @Test
    void runsOnTheDeclaredJUnitFive() {
        String version = Test.class.getPackage().getImplementationVersion();
        assertTrue(version != null && version.startsWith("5.11."),
                "junit-jupiter-api on the test class path: " + version);
    }

    @Test
    void oneFakePerTestWithStrictTokens(FakeConnector connector) {
        try (ConnectorClient client = fake.clientBuilder().build()) {
            client.send(connector.installBotFor(connector.user("Lee Gu")), Activity.message("Hi Lee"));
        }
        assertEquals(1, connector.sentActivities().size());
        assertEquals(1, connector.tokenRequests().size());
    }
}
