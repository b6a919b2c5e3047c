package io.github.botconnector.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.teams.GraphClient;
import io.github.botconnector.teams.ReachResult;
import io.github.botconnector.testing.FakeConnector;
import io.github.botconnector.testing.FakeConnectorExtension;
import io.github.botconnector.testing.FakeUser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmailMessageTest {

    @RegisterExtension
    static FakeConnectorExtension fakeConnector = SampleFake.strict();

    private static ReachResult send(FakeConnector fake, CapturedOutput out, String email, String text,
                                    boolean install) {
        ExampleConfig config = ExampleConfig.forFakeConnector(fake);
        try (ConnectorClient client = config.newClient(); GraphClient graph = config.newGraphClient()) {
            return new EmailMessage(client, graph, config.manifestAppId(), config.bot(), out.stream())
                    .send(config.tenantId(), email, Activity.message(text), install);
        }
    }

    @Test
    void aPersonKnownOnlyByEmailWhoNeverHadTheAppGetsTheMessage(FakeConnector fake) {
        FakeUser lee = fake.user(SampleTenant.USER_WITHOUT_APP);
        CapturedOutput out = new CapturedOutput();

        ReachResult first = send(fake, out, lee.email(), "Incident 4711 is resolved.", true);
        ReachResult second = send(fake, out, lee.email(), "Incident 4712 is resolved.", true);

        assertTrue(first.installedNow());
        assertFalse(second.installedNow(), "the second run installs nothing");
        assertEquals(first.reference().conversation().id(), second.reference().conversation().id());
        assertEquals(List.of("Incident 4711 is resolved.", "Incident 4712 is resolved."),
                fake.activitiesSentTo(lee).stream().map(Activity::text).toList());
        assertTrue(Demo.hasAlert(fake.activitiesSentTo(lee).get(0)));
        assertTrue(out.text().contains("Installed the app for " + lee.aadObjectId()), out.text());
        assertTrue(out.text().contains("The app was already installed for " + lee.aadObjectId()), out.text());
        assertTrue(out.text().contains("sent message " + first.sent().id()), out.text());
    }

    @Test
    void withoutInstallingNothingIsSent(FakeConnector fake) {
        FakeUser lee = fake.user(SampleTenant.USER_WITHOUT_APP);
        CapturedOutput out = new CapturedOutput();

        ReachResult result = send(fake, out, lee.email(), "hello", false);

        assertEquals(ReachResult.Unreachable.NOT_INSTALLED, result.unreachable());
        assertEquals(List.of(), fake.sentActivities());
        assertTrue(out.text().contains("is unreachable (NOT_INSTALLED)"), out.text());
    }
}
