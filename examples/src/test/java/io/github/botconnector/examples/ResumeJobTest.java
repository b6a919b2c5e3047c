package io.github.botconnector.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.broadcast.BroadcastReport;
import io.github.botconnector.broadcast.Delivery;
import io.github.botconnector.broadcast.DeliveryState;
import io.github.botconnector.broadcast.Ledger;
import io.github.botconnector.broadcast.Recipient;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.testing.FakeConnector;
import io.github.botconnector.testing.FakeConnectorExtension;
import io.github.botconnector.testing.FakeTeam;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ResumeJobTest {

    @RegisterExtension
    static FakeConnectorExtension fakeConnector = SampleFake.strict();

    @TempDir
    Path dir;

    @Test
    void aJobStoppedMidWayIsFinishedByANewEngineAndNothingSentIsSentAgain(FakeConnector fake) {
        FakeTeam team = fake.team(SampleTenant.FIELD_SERVICE_TEAM);
        ExampleConfig config = ExampleConfig.forFakeConnector(fake);
        List<Recipient> members = team.memberIds().stream().map(id -> Recipient.user(team.tenantId(), id)).toList();
        Activity plan = Activity.message("Your shift plan for next week is ready.");
        CapturedOutput out = new CapturedOutput();
        ResumeJob example = new ResumeJob(config, out.stream());

        JdbcConnectionPool first = LedgerDatabase.h2File(dir.resolve("ledger"));
        BroadcastReport stopped;
        Set<String> sentByTheFirstEngine = new HashSet<>();
        try {
            stopped = example.startAndStop(first, "shift-plan", members, plan, 3);
            for (Delivery d : Ledger.jdbc(first).deliveries("shift-plan")) {
                if (d.state() == DeliveryState.SENT) {
                    sentByTheFirstEngine.add(d.recipient().userId());
                }
            }
        } finally {
            first.dispose();
        }
        assertTrue(stopped.count(DeliveryState.SENT) >= 3, stopped::toString);
        assertTrue(stopped.count(DeliveryState.SENT) < members.size(), "stopped mid-way: " + stopped);
        int inFlight = stopped.count(DeliveryState.SENDING);

        JdbcConnectionPool second = LedgerDatabase.h2File(dir.resolve("ledger"));
        BroadcastReport report;
        try {
            report = example.resume(second, "shift-plan");
        } finally {
            second.dispose();
        }

        assertEquals(members.size(), report.count(DeliveryState.SENT) + report.count(DeliveryState.UNKNOWN),
                report::toString);
        assertTrue(report.count(DeliveryState.UNKNOWN) <= inFlight, "unknown only for requests in flight: " + report);
        for (Recipient member : members) {
            int received = fake.activitiesSentTo(member.userId()).size();
            assertTrue(received <= 1, member.userId() + " received " + received);
            if (sentByTheFirstEngine.contains(member.userId())) {
                assertEquals(1, received, "sent by the first engine, not again: " + member.userId());
            }
        }
        for (Delivery d : report.notSent()) {
            assertEquals(DeliveryState.UNKNOWN, d.state(), d::toString);
        }
        assertTrue(out.text().contains("first engine stopped mid-job"), out.text());
        assertTrue(out.text().contains("second engine finished the job"), out.text());
    }
}
