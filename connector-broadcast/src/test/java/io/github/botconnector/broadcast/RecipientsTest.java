package io.github.botconnector.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.broadcast.support.Fakes;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.testing.AuthMode;
import io.github.botconnector.testing.FakeConnector;
import io.github.botconnector.testing.FakeTeam;
import io.github.botconnector.testing.FakeUser;
import io.github.botconnector.testing.RateLimits;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Everyone in a team (paged roster), and the installer hook for 1:1 recipients without the app. */
class RecipientsTest {

    private static final String TENANT = "c603ca06-0000-4000-8000-000000000001";

    private static FakeConnector fake() {
        return FakeConnector.builder().auth(AuthMode.STRICT).rateLimits(RateLimits.teams().scaled(Fakes.SCALE))
                .tenant(t -> t.id(TENANT).users("Member", 7)
                        .team("Operations", team -> team.channel("Incidents").members("Member 1", "Member 2",
                                "Member 3", "Member 4", "Member 5").botInstalled()))
                .start();
    }

    @Test
    void everyoneInATeamGetsA1on1Message() {
        try (FakeConnector fake = fake(); ConnectorClient client = Fakes.client(fake);
             BroadcastEngine engine = BroadcastEngine.builder().client(client).limits(Fakes.limits()).build()) {
            FakeTeam team = fake.team("Operations");
            List<Recipient> members = engine.teamMembers(team.id(), TENANT);
            assertEquals(5, members.size());
            engine.submit(BroadcastJob.builder("team").recipients(members)
                    .message(Activity.message("Welcome to Operations")).build());
            assertEquals(5, engine.awaitCompletion("team", Duration.ofMinutes(1)).count(DeliveryState.SENT));
            for (String memberId : team.memberIds()) {
                assertEquals(1, fake.activitiesSentTo(memberId).size(), memberId);
            }
        }
    }

    @Test
    void theInstallerIsAskedOnceForRecipientsWithoutTheAppThenTheChatIsCreated() {
        try (FakeConnector fake = fake(); ConnectorClient client = Fakes.client(fake)) {
            FakeUser six = fake.user("Member 6");
            FakeUser seven = fake.user("Member 7");
            AppInstaller installer = (tenantId, userId) -> {
                if (userId.equals(six.id())) {
                    fake.installBotFor(six);
                    return CompletableFuture.completedFuture(true);
                }
                return CompletableFuture.completedFuture(false);
            };
            try (BroadcastEngine engine = BroadcastEngine.builder().client(client).limits(Fakes.limits())
                    .installer(installer).build()) {
                engine.submit(BroadcastJob.builder("install").recipient(Recipient.user(TENANT, six.id()))
                        .recipient(Recipient.user(TENANT, seven.id())).message(Activity.message("Hello")).build());
                BroadcastReport report = engine.awaitCompletion("install", Duration.ofMinutes(1));
                assertEquals(1, report.count(DeliveryState.SENT), report::toString);
                assertEquals(1, report.count(FailureReason.NOT_INSTALLED), report::toString);
                assertEquals(1, fake.activitiesSentTo(six).size());
                assertTrue(fake.activitiesSentTo(seven).isEmpty());
            }
        }
    }

    @Test
    void aChannelRecipientGetsANewThreadThatCanBeRecalled() {
        try (FakeConnector fake = fake(); ConnectorClient client = Fakes.client(fake);
             BroadcastEngine engine = BroadcastEngine.builder().client(client).limits(Fakes.limits()).build()) {
            FakeTeam team = fake.team("Operations");
            List<Recipient> channels = team.channels().stream().map(c -> Recipient.channel(TENANT, c.id())).toList();
            assertEquals(2, channels.size());
            engine.submit(BroadcastJob.builder("incident").recipients(channels)
                    .message(Activity.message("Incident 42 resolved")).build());
            BroadcastReport report = engine.awaitCompletion("incident", Duration.ofMinutes(1));
            assertEquals(2, report.count(DeliveryState.SENT), report::toString);
            for (Delivery d : engine.ledger().deliveries("incident")) {
                assertTrue(d.reference().conversation().id().contains(";messageid="), d::toString);
                assertEquals(List.of("Incident 42 resolved"), fake.conversation(d.reference().conversation().id())
                        .texts());
            }

            engine.recall("incident-recall", "incident");
            assertEquals(2, engine.awaitCompletion("incident-recall", Duration.ofMinutes(1))
                    .count(DeliveryState.SENT));
            for (Delivery d : engine.ledger().deliveries("incident")) {
                assertEquals(List.of(), fake.conversation(d.reference().conversation().id()).texts(), d::toString);
            }
        }
    }

    @Test
    void theBatchRouteSendsOneRequestPerTenantAndReportsItsFailedEntries() {
        try (FakeConnector fake = fake(); ConnectorClient client = Fakes.client(fake);
             BroadcastEngine engine = BroadcastEngine.builder().client(client).limits(Fakes.limits()).build()) {
            // Members 1 to 3 are in the team the app is installed in; Member 6 is not reachable
            List<FakeUser> users = List.of(fake.user("Member 1"), fake.user("Member 2"), fake.user("Member 3"),
                    fake.user("Member 6"));
            fake.blockBot(users.get(2));
            BroadcastJob.Builder job = BroadcastJob.builder("batch").message(Activity.message("Quarterly results"))
                    .viaBatchApi();
            users.forEach(u -> job.recipient(Recipient.user(TENANT, u.id())));
            engine.submit(job.build());
            BroadcastReport report = engine.awaitCompletion("batch", Duration.ofMinutes(1));

            assertEquals(2, report.count(DeliveryState.SENT), report::toString);
            assertEquals(1, report.count(FailureReason.BLOCKED), report::toString);
            assertEquals(1, report.count(FailureReason.APP_REMOVED), report::toString);
            assertEquals(1, fake.exchanges().stream().filter(e -> e.path().contains("/v3/batch/conversation/users"))
                    .count(), "one batch request for the tenant");
            for (FakeUser u : users.subList(0, 2)) {
                assertEquals(1, fake.activitiesSentTo(u).size(), u.name());
            }
        }
    }

    @Test
    void theBatchRouteSendsToAListOfChannelsInOneRequestAndReportsAMissingChannel() {
        try (FakeConnector fake = fake(); ConnectorClient client = Fakes.client(fake);
             BroadcastEngine engine = BroadcastEngine.builder().client(client).limits(Fakes.limits()).build()) {
            FakeTeam team = fake.team("Operations");
            List<String> channelIds = team.channels().stream().map(c -> c.id()).toList();
            BroadcastJob.Builder job = BroadcastJob.builder("channels").message(Activity.message("Office closed"))
                    .viaBatchApi();
            channelIds.forEach(id -> job.recipient(Recipient.channel(TENANT, id)));
            job.recipient(Recipient.channel(TENANT, "19:no-such-channel@thread.tacv2"));
            engine.submit(job.build());
            BroadcastReport report = engine.awaitCompletion("channels", Duration.ofMinutes(1));

            assertEquals(channelIds.size(), report.count(DeliveryState.SENT), report::toString);
            assertEquals(1, report.count(FailureReason.NOT_FOUND), report::toString);
            assertEquals("channel:19:no-such-channel@thread.tacv2", report.notSent().get(0).key());
            assertEquals(1, fake.exchanges().stream()
                    .filter(e -> e.path().contains("/v3/batch/conversation/channels")).count(),
                    "one batch request for the channels of the tenant");
            for (String channelId : channelIds) {
                assertEquals(List.of("Office closed"), fake.conversation(channelId).texts(), channelId);
            }
        }
    }

    @Test
    void aBatchJobRefusesStoredReferencesAndPersonalisedMessagesBeforeAnyRequest() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BroadcastJob.builder("b")
                .viaBatchApi().recipient(Recipient.user(TENANT, "29:1")).message(r -> Activity.message("Hi"))
                .build());
        assertTrue(e.getMessage().contains("drop viaBatchApi()"), e.getMessage());
    }

    @Test
    void theTeamBatchRouteReachesEveryMemberInOneRequestAndAddsItsFailedEntriesToTheReport() {
        List<Delivery> outcomes = new java.util.concurrent.CopyOnWriteArrayList<>();
        BroadcastListener listener = new BroadcastListener() {
            @Override
            public void onOutcome(Delivery delivery) {
                outcomes.add(delivery);
            }
        };
        try (FakeConnector fake = fake(); ConnectorClient client = Fakes.client(fake);
             BroadcastEngine engine = BroadcastEngine.builder().client(client).limits(Fakes.limits())
                     .listener(listener).build()) {
            FakeTeam team = fake.team("Operations");
            FakeUser blocked = fake.user("Member 2");
            fake.blockBot(blocked);
            engine.submit(BroadcastJob.builder("team-batch").viaBatchApi().recipient(Recipient.team(TENANT, team.id()))
                    .message(Activity.message("All hands at 3 pm")).build());
            BroadcastReport report = engine.awaitCompletion("team-batch", Duration.ofMinutes(1));

            assertEquals(1, report.count(DeliveryState.SENT), report::toString);
            assertEquals(1, report.count(FailureReason.BLOCKED), report::toString);
            assertEquals(2, report.total(), report::toString);
            assertEquals("user:" + TENANT + ":" + blocked.id(), report.notSent().get(0).key());
            assertEquals(2, outcomes.size(), "the listener hears of the added entry too");
            assertEquals(1, fake.exchanges().stream().filter(e -> e.path().contains("/v3/batch/conversation/team"))
                    .count(), "one batch request for the team");
            for (String memberId : team.memberIds()) {
                int expected = memberId.equals(blocked.id()) ? 0 : 1;
                assertEquals(expected, fake.activitiesSentTo(memberId).size(), memberId);
            }
        }
    }

    @Test
    void theTenantBatchRouteReachesEveryoneWhoHasTheAppAndReportsTheOthersOnAJdbcLedger() {
        Ledger ledger = Ledger.jdbc(io.github.botconnector.broadcast.support.Databases.h2Memory().dataSource());
        try (FakeConnector fake = fake(); ConnectorClient client = Fakes.client(fake);
             BroadcastEngine engine = BroadcastEngine.builder().client(client).ledger(ledger).limits(Fakes.limits())
                     .build()) {
            engine.submit(BroadcastJob.builder("tenant-batch").viaBatchApi().recipient(Recipient.tenant(TENANT))
                    .message(Activity.message("Policy update")).build());
            BroadcastReport report = engine.awaitCompletion("tenant-batch", Duration.ofMinutes(1));

            // Members 1 to 5 are in the team the app is installed in; Members 6 and 7 cannot be reached
            assertEquals(1, report.count(DeliveryState.SENT), report::toString);
            assertEquals(2, report.count(FailureReason.APP_REMOVED), report::toString);
            for (int m = 1; m <= 7; m++) {
                assertEquals(m <= 5 ? 1 : 0, fake.activitiesSentTo(fake.user("Member " + m)).size(), "Member " + m);
            }
            List<Delivery> stored = ledger.deliveries("tenant-batch");
            assertEquals(List.of("tenant:" + TENANT, "user:" + TENANT + ":" + fake.user("Member 6").id(),
                    "user:" + TENANT + ":" + fake.user("Member 7").id()), stored.stream().map(Delivery::key).toList());
        }
    }

    @Test
    void teamAndTenantRecipientsNeedTheBatchRoute() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BroadcastJob.builder("t")
                .recipient(Recipient.team(TENANT, "19:team@thread.tacv2")).message(Activity.message("Hi")).build());
        assertTrue(e.getMessage().contains("viaBatchApi()"), e.getMessage());
    }
}
