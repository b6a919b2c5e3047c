package io.github.botconnector.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.broadcast.BroadcastReport;
import io.github.botconnector.broadcast.DeliveryState;
import io.github.botconnector.broadcast.FailureReason;
import io.github.botconnector.testing.FakeConnector;
import io.github.botconnector.testing.FakeConnectorExtension;
import io.github.botconnector.testing.FakeTeam;
import io.github.botconnector.testing.FakeUser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BroadcastToTeamTest {

    @RegisterExtension
    static FakeConnectorExtension fakeConnector = SampleFake.strict();

    @Test
    void everyMemberButTheOneWhoBlockedTheBotGetsTheAnnouncementAndTheReportSaysWhy(FakeConnector fake) {
        FakeTeam team = fake.team(SampleTenant.FIELD_SERVICE_TEAM);
        FakeUser nestor = fake.user("Nestor Wilke");
        fake.blockBot(nestor);
        CapturedOutput out = new CapturedOutput();

        BroadcastReport report = new BroadcastToTeam(ExampleConfig.forFakeConnector(fake), out.stream())
                .run("office-closed", team.id(), team.tenantId(), "The office is closed on Friday.");

        assertEquals(team.memberIds().size() - 1, report.count(DeliveryState.SENT), report::toString);
        assertEquals(1, report.count(FailureReason.BLOCKED));
        for (String memberId : team.memberIds()) {
            int expected = memberId.equals(nestor.id()) ? 0 : 1;
            assertEquals(expected, fake.activitiesSentTo(memberId).size(), memberId);
        }
        assertEquals(List.of(), fake.activitiesSentTo(nestor));
        assertTrue(out.text().contains("10 members"), out.text());
        assertTrue(out.text().contains("[##############################] 10/10"), out.text());
        assertTrue(out.text().contains("\"reason\":\"BLOCKED\""), out.text());
    }
}
