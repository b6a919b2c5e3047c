package io.github.botconnector.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.testing.FakeConnector;
import io.github.botconnector.testing.FakeConnectorExtension;
import io.github.botconnector.testing.FakeTeam;
import io.github.botconnector.testing.FakeUser;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MessageAllMembersTest {

    @RegisterExtension
    static FakeConnectorExtension fakeConnector = SampleFake.strict();

    @Test
    void everyMemberGetsAPersonalisedHello(FakeConnector fake) {
        FakeTeam team = fake.team(SampleTenant.FIELD_SERVICE_TEAM);
        CapturedOutput out = new CapturedOutput();

        MessageAllMembers.Report report = run(fake, team, out);

        fake.awaitActivities(team.memberIds().size(), Duration.ofSeconds(10));
        assertEquals(10, team.memberIds().size());
        assertEquals(team.memberIds().size(), report.sent().size());
        assertEquals(0, report.failed().size());
        for (String memberId : team.memberIds()) {
            FakeUser member = fake.user(memberId);
            List<Activity> received = fake.activitiesSentTo(member);
            assertEquals(1, received.size(), member.name());
            String firstName = member.name().split(" ")[0];
            assertTrue(received.get(0).text().startsWith("Hello " + firstName + "! "), received.get(0).text());
            assertTrue(received.get(0).text().contains(team.name()));
            assertEquals(report.sent().get(memberId), received.get(0).id());
            assertTrue(out.text().contains(member.name() + ": sent " + received.get(0).id() + " in "
                    + fake.personalConversationId(member)), out.text());
        }
        assertTrue(out.text().contains("roster page 1: 10 members"), out.text());
        assertTrue(out.text().endsWith("All messages have been sent." + System.lineSeparator()), out.text());
    }

    @Test
    void aMemberWhoBlockedTheBotDoesNotStopTheOthers(FakeConnector fake) {
        FakeTeam team = fake.team(SampleTenant.FIELD_SERVICE_TEAM);
        FakeUser nestor = fake.user("Nestor Wilke");
        fake.blockBot(nestor);
        CapturedOutput out = new CapturedOutput();

        MessageAllMembers.Report report = run(fake, team, out);

        assertEquals(team.memberIds().size() - 1, report.sent().size());
        assertEquals("403 MessageWritesBlocked", report.failed().get(nestor.id()));
        assertEquals(team.memberIds().size() - 1, fake.sentActivities().size());
        assertEquals(List.of(), fake.activitiesSentTo(nestor));
        assertTrue(out.text().contains("Nestor Wilke: not sent, 403 MessageWritesBlocked"), out.text());
        assertTrue(out.text().contains("All messages have been sent."), out.text());
    }

    private static MessageAllMembers.Report run(FakeConnector fake, FakeTeam team, CapturedOutput out) {
        ExampleConfig config = ExampleConfig.forFakeConnector(fake);
        try (ConnectorClient client = config.newClient()) {
            return new MessageAllMembers(client, config.bot(), out.stream()).run(team.id(), team.name(),
                    team.tenantId());
        }
    }
}
