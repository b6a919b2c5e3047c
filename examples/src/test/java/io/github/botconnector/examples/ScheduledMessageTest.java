package io.github.botconnector.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.broadcast.BroadcastReport;
import io.github.botconnector.broadcast.DeliveryState;
import io.github.botconnector.broadcast.Recipient;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.testing.FakeConnector;
import io.github.botconnector.testing.FakeConnectorExtension;
import io.github.botconnector.testing.FakeTeam;
import io.github.botconnector.testsupport.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ScheduledMessageTest {

    @RegisterExtension
    static FakeConnectorExtension fakeConnector = SampleFake.strict();

    @TempDir
    Path dir;

    @Test
    void aJobScheduledAnHourAheadSurvivesARestartAndIsSentOnceAtItsTime(FakeConnector fake) {
        FakeTeam team = fake.team(SampleTenant.FIELD_SERVICE_TEAM);
        ExampleConfig config = ExampleConfig.forFakeConnector(fake);
        ManualClock clock = ManualClock.followingSystem();
        Instant at = clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);   // as stored
        Activity reminder = Activity.message("Reminder: the quarterly review starts in 15 minutes.");
        CapturedOutput out = new CapturedOutput();
        JdbcConnectionPool database = LedgerDatabase.h2File(dir.resolve("ledger"));
        try {
            List<Recipient> members;
            try (ScheduledMessage first = ScheduledMessage.start(config, database, clock, out.stream())) {
                members = first.teamMembers(team.id(), team.tenantId());
                assertEquals(at, first.schedule("review", members, reminder, at));
            }
            database.dispose();
            database = LedgerDatabase.h2File(dir.resolve("ledger"));   // the next run of the program

            try (ScheduledMessage second = ScheduledMessage.start(config, database, clock, out.stream())) {
                assertEquals(at, second.schedule("review", members, reminder, at.plusSeconds(60)),
                        "the same job keeps its schedule");
                assertEquals(members.size(), second.report("review").count(DeliveryState.PENDING));
                assertEquals(List.of(), fake.sentActivities(), "nothing before its time");

                clock.advance(Duration.ofHours(1));
                BroadcastReport report = second.awaitSent("review", Duration.ofMinutes(1));

                assertEquals(members.size(), report.count(DeliveryState.SENT), report::toString);
            }
        } finally {
            database.dispose();
        }
        for (String memberId : team.memberIds()) {
            assertEquals(List.of(reminder.text()),
                    fake.activitiesSentTo(memberId).stream().map(Activity::text).toList(), memberId);
        }
        assertTrue(out.text().contains("scheduled job review for " + at), out.text());
        assertTrue(out.text().contains("already in the ledger: job review for " + at), out.text());
    }
}
