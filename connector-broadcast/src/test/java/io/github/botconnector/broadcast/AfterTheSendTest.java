package io.github.botconnector.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.broadcast.support.Databases;
import io.github.botconnector.broadcast.support.Fakes;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.testing.ActivityEvent;
import io.github.botconnector.testing.AuthMode;
import io.github.botconnector.testing.FakeConnector;
import io.github.botconnector.testing.FakeConversation;
import io.github.botconnector.testing.FakeUser;
import io.github.botconnector.testing.RateLimits;
import io.github.botconnector.testsupport.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 5: a scheduled job survives a restart and fires not before its time; update and recall reach every
 * delivered message; opted-out users receive nothing. Also 1:1 recipients given as (tenant, user) and the ones
 * without the app.
 */
class AfterTheSendTest {

    /**
     * On the engine's clock (shared with the fake, standing still unless moved): nothing leaves a millisecond before
     * {@code notBefore}, also after a restart on the JDBC ledger, and everything within a second of it — the
     * dispatcher sleeps until the earliest scheduled time instead of looking every second.
     */
    @Test
    void aScheduledJobSurvivesARestartAndFiresWithinASecondOfItsTimeOnTheEnginesClock() {
        Instant notBefore = Instant.parse("2026-11-27T08:00:00Z");
        ManualClock clock = new ManualClock(notBefore.minus(Duration.ofHours(1)));
        Ledger ledger = Ledger.jdbc(Databases.h2Memory().dataSource());
        try (FakeConnector fake = Fakes.builder(1, 20, AuthMode.BEARER_PRESENT, RateLimits.teams().scaled(Fakes.SCALE))
                .clock(clock).start();
             ConnectorClient client = Fakes.fixedTokenClient(fake.serviceUrl())) {
            List<Recipient> recipients = Fakes.installForAll(fake);
            try (BroadcastEngine first = BroadcastEngine.builder().client(client).ledger(ledger).clock(clock)
                    .limits(Fakes.limits()).build()) {
                first.submit(BroadcastJob.builder("scheduled").recipients(recipients)
                        .message(Fakes.message("scheduled")).notBefore(notBefore).build());
            }

            clock.set(notBefore.minusMillis(1));
            try (BroadcastEngine second = BroadcastEngine.builder().client(client).ledger(ledger).clock(clock)
                    .limits(Fakes.limits()).build()) {
                assertEquals(20, second.report("scheduled").count(DeliveryState.PENDING));
                assertTrue(fake.sentActivities().isEmpty(), "nothing before the time");

                clock.set(notBefore);
                Fakes.stepUntilArrived(clock, Duration.ofMillis(10), second, "scheduled", fake, 20);
                BroadcastReport report = second.awaitCompletion("scheduled", Duration.ofMinutes(1));
                assertEquals(20, report.count(DeliveryState.SENT), report::toString);
            }
            assertEquals(20, fake.sentActivities().size());
            for (FakeConversation c : fake.conversations()) {
                for (ActivityEvent e : c.history()) {
                    assertFalse(e.at().isBefore(notBefore), "sent at " + e.at() + ", scheduled for " + notBefore);
                    assertTrue(e.at().isBefore(notBefore.plusSeconds(1)), "sent at " + e.at() + ", scheduled for "
                            + notBefore);
                }
            }
        }
    }

    @Test
    void updateAndRecallReachEveryDeliveredMessage() {
        try (FakeConnector fake = Fakes.start(1, 20); ConnectorClient client = Fakes.client(fake);
             BroadcastEngine engine = BroadcastEngine.builder().client(client).limits(Fakes.limits()).build()) {
            engine.submit(BroadcastJob.builder("news").recipients(Fakes.installForAll(fake))
                    .message(Activity.message("Maintenance tonight")).build());
            assertEquals(20, engine.awaitCompletion("news", Duration.ofMinutes(1)).count(DeliveryState.SENT));

            assertTrue(engine.update("news-edit", "news", Activity.message("Maintenance moved to Friday")));
            assertEquals(20, engine.awaitCompletion("news-edit", Duration.ofMinutes(1)).count(DeliveryState.SENT));
            for (FakeConversation c : fake.conversations()) {
                assertEquals(List.of("Maintenance moved to Friday"), c.texts(), c.id());
            }

            assertTrue(engine.recall("news-recall", "news"));
            assertFalse(engine.recall("news-recall", "news"), "the same id is one job");
            assertEquals(20, engine.awaitCompletion("news-recall", Duration.ofMinutes(1)).count(DeliveryState.SENT));
            for (FakeConversation c : fake.conversations()) {
                assertEquals(List.of(), c.texts(), "deleted in " + c.id());
            }
            assertThrows(IllegalArgumentException.class, () -> engine.recall("x", "no-such-job"));
        }
    }

    @Test
    void optedOutUsersReceiveNothingAndAreReportedSo() {
        List<Delivery> outcomes = new CopyOnWriteArrayList<>();
        List<Progress> progress = new CopyOnWriteArrayList<>();
        BroadcastListener listener = new BroadcastListener() {
            @Override
            public void onOutcome(Delivery delivery) {
                outcomes.add(delivery);
            }

            @Override
            public void onProgress(Progress p) {
                progress.add(p);
            }
        };
        try (FakeConnector fake = Fakes.start(1, 10); ConnectorClient client = Fakes.client(fake);
             BroadcastEngine engine = BroadcastEngine.builder().client(client).limits(Fakes.limits())
                     .listener(listener).build()) {
            List<Recipient> recipients = Fakes.installForAll(fake);
            List<FakeUser> users = fake.users();
            engine.optOut(users.get(0).tenantId(), users.get(0).id());
            engine.optOut(users.get(1).tenantId(), users.get(1).id());

            engine.submit(BroadcastJob.builder("digest").recipients(recipients).message(Fakes.message("digest"))
                    .build());
            BroadcastReport report = engine.awaitCompletion("digest", Duration.ofMinutes(1));

            assertEquals(2, report.count(FailureReason.OPTED_OUT), report::toString);
            assertEquals(8, report.count(DeliveryState.SENT));
            assertEquals(List.of(), fake.activitiesSentTo(users.get(0)));
            assertEquals(List.of(), fake.activitiesSentTo(users.get(1)));
            assertTrue(report.toCsv().contains("OPTED_OUT"), report.toCsv());
            assertEquals(10, outcomes.size(), "one outcome per recipient");
            assertEquals(2, outcomes.stream().filter(d -> d.reason() == FailureReason.OPTED_OUT).count());
            Progress last = progress.get(progress.size() - 1);
            assertTrue(last.finished(), last::toString);
            assertEquals(10, last.total());
        }
    }

    @Test
    void usersGivenByTenantAndIdGetA1on1ChatAndThoseWithoutTheAppAreReportedNotInstalled() {
        try (FakeConnector fake = Fakes.start(1, 6); ConnectorClient client = Fakes.client(fake);
             BroadcastEngine engine = BroadcastEngine.builder().client(client).limits(Fakes.limits()).build()) {
            List<FakeUser> users = fake.users();
            for (FakeUser u : users.subList(0, 4)) {
                fake.installBotFor(u);
            }
            BroadcastJob.Builder job = BroadcastJob.builder("welcome")
                    .message(r -> Activity.message("Welcome " + r.userId()));
            users.forEach(u -> job.recipient(Recipient.user(u.tenantId(), u.id())));
            engine.submit(job.build());
            BroadcastReport report = engine.awaitCompletion("welcome", Duration.ofMinutes(1));

            assertEquals(4, report.count(DeliveryState.SENT), report::toString);
            assertEquals(2, report.count(FailureReason.NOT_INSTALLED), report::toString);
            for (FakeUser u : users.subList(0, 4)) {
                assertEquals(List.of("Welcome " + u.id()),
                        fake.activitiesSentTo(u).stream().map(Activity::text).toList());
            }
            assertTrue(report.toJson().contains("\"reason\":\"NOT_INSTALLED\""), report.toJson());
            assertTrue(report.toJson().contains(FailureReason.NOT_INSTALLED.remedy()));
        }
    }
}
