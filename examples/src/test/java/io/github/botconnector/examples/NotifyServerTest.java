package io.github.botconnector.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ActivityTypes;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.schema.ConversationAccount;
import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.testing.FakeConnector;
import io.github.botconnector.testing.FakeUser;
import io.github.botconnector.testing.InboundResult;
import io.github.botconnector.testing.InboundSender;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotifyServerTest {

    private FakeConnector fake;
    private ExampleConfig config;
    private ConnectorClient client;
    private NotifyServer bot;
    private InboundSender teams;
    private final CapturedOutput out = new CapturedOutput();

    @BeforeEach
    void start() {
        fake = SampleTenant.startFakeConnector();
        config = ExampleConfig.forFakeConnector(fake);
        client = config.newClient();
        bot = NotifyServer.start(new InetSocketAddress("127.0.0.1", 0), config.newAuthenticator(), client,
                new ReferenceStore(), out.stream());
        teams = fake.inbound(bot.messagesUrl());
    }

    @AfterEach
    void stop() {
        bot.close();
        client.close();
        fake.close();
    }

    @Test
    void aClickOnTheOptOutButtonOfANotificationIsRecordedForItsTopic() {
        FakeUser adele = fake.user(SampleTenant.INSTALLER);
        teams.installPersonal(adele);
        String conversationId = fake.personalConversationId(adele);
        Activity notification = Messages.notification("INC-2041", "Incident INC-2041 was resolved", "Resolved",
                "Nestor Wilke");
        client.send(bot.references().find(conversationId), notification);
        Map<?, ?> card = fake.activitiesSentTo(adele).get(0).attachments().get(0).content(Map.class);
        List<?> actions = (List<?>) card.get("actions");
        Object optOutData = ((Map<?, ?>) actions.get(actions.size() - 1)).get("data");

        // Teams posts the click as a message whose value is the button's data.
        Activity message = teams.message(adele, "hello").activity();
        assertFalse(bot.optedOut(conversationId, Messages.INCIDENTS_TOPIC), "a plain message is no opt-out");
        InboundResult click = teams.send(message.toBuilder().id("1768478400000").text(null).value(optOutData).build());

        assertEquals(200, click.status());
        assertTrue(bot.optedOut(conversationId, Messages.INCIDENTS_TOPIC), out.text());
        assertTrue(out.text().contains("opted out of incidents notifications"), out.text());
    }

    @Test
    void signedInstallIsStored() {
        FakeUser adele = fake.user(SampleTenant.INSTALLER);

        InboundResult result = teams.installPersonal(adele);

        assertEquals(200, result.status());
        String conversationId = fake.personalConversationId(adele);
        ConversationReference stored = bot.references().find(conversationId);
        assertEquals(adele.id(), stored.user().id());
        assertEquals(fake.botId(), stored.bot().id());
        assertEquals(fake.serviceUrl(), stored.serviceUrl());
        assertEquals(adele.tenantId(), stored.tenantId());
        assertTrue(out.text().contains("stored reference of conversation " + conversationId), out.text());
    }

    @Test
    void unsignedInstallIsRefusedWith401AndNothingIsStored() {
        Activity install = personalInstall(fake.user(SampleTenant.NEW_USER));

        InboundResult result = teams.sendUnsigned(install);

        assertEquals(401, result.status());
        assertEquals(0, bot.references().size());
        assertTrue(out.text().contains("refused an inbound request (401)"), out.text());
        // The same activity, signed by the channel, is accepted: only the missing signature made the difference.
        assertEquals(200, teams.send(install).status());
        assertEquals(1, bot.references().size());
    }

    @Test
    void wronglySignedInstallIsRefusedWith401AndNothingIsStored() {
        Activity install = personalInstall(fake.user(SampleTenant.NEW_USER));

        InboundResult result = teams.sendWithUntrustedSignature(install);

        assertEquals(401, result.status());
        assertEquals(0, bot.references().size());
    }

    @Test
    void forgedInstallNamingAnotherServiceUrlIsRefusedAndNothingIsStored() {
        Activity forged = NotifyServer.forgedInstall(config);

        assertEquals(401, teams.sendUnsigned(forged).status());
        assertEquals(401, teams.sendWithUntrustedSignature(forged).status());
        // A genuine channel token issued for the real service URL does not cover another one.
        InboundResult tokenForOtherUrl = teams.sendWithAuthorization(forged,
                "Bearer " + fake.channelToken(fake.serviceUrl()));
        assertNotEquals(200, tokenForOtherUrl.status());
        assertEquals(0, bot.references().size());
        assertNull(bot.references().find(forged.conversation().id()));
    }

    @Test
    void notifySendsAHelloToEveryStoredConversation() {
        FakeUser adele = fake.user(SampleTenant.INSTALLER);
        FakeUser nestor = fake.user("Nestor Wilke");
        teams.installPersonal(adele);
        teams.installPersonal(nestor);

        String answer = NotifyServer.post(bot.notifyUrl());

        assertEquals("{\"sent\":2,\"stored\":2}", answer);
        fake.awaitActivities(2, Duration.ofSeconds(10));
        for (FakeUser user : List.of(adele, nestor)) {
            List<Activity> received = fake.activitiesSentTo(user);
            assertEquals(1, received.size(), user.name());
            assertTrue(received.get(0).text().startsWith("Hello from Contoso Notifier!"), received.get(0).text());
            assertTrue(out.text().contains("sent " + received.get(0).id() + " to "
                    + fake.personalConversationId(user)), out.text());
        }
    }

    @Test
    void notifyDropsTheReferenceOfAUserWhoBlockedTheBot() {
        FakeUser adele = fake.user(SampleTenant.INSTALLER);
        FakeUser alex = fake.user(SampleTenant.BLOCKING_USER);
        teams.installPersonal(adele);
        teams.installPersonal(alex);
        fake.blockBot(alex);

        String answer = NotifyServer.post(bot.notifyUrl());

        assertEquals("{\"sent\":1,\"stored\":1}", answer);
        assertNull(bot.references().find(fake.personalConversationId(alex)));
        assertEquals(List.of(), fake.activitiesSentTo(alex));
        assertEquals(1, fake.activitiesSentTo(adele).size());
        assertTrue(out.text().contains("403 MessageWritesBlocked for " + fake.personalConversationId(alex)
                + ", reference dropped"), out.text());
    }

    @Test
    void uninstallEventDropsTheReference() {
        FakeUser adele = fake.user(SampleTenant.INSTALLER);
        Activity install = teams.installPersonal(adele).activity();
        Activity uninstall = install.toBuilder()
                .type(ActivityTypes.INSTALLATION_UPDATE)
                .action("remove")
                .membersAdded(List.of())
                .build();

        assertEquals(200, teams.send(uninstall).status());

        assertEquals(0, bot.references().size());
    }

    @Test
    void mainAgainstTheFakeRefusesForgeriesAndNotifiesTheInstallers() {
        String answer = NotifyServer.runAgainstFake(config, client, out.stream());

        assertEquals("{\"sent\":3,\"stored\":3}", answer);
        assertTrue(out.text().contains("Forged install, unsigned -> HTTP 401; wrongly signed -> HTTP 401;"
                + " references stored: 3"), out.text());
        fake.awaitActivities(3, Duration.ofSeconds(10));
        for (String name : List.of(SampleTenant.INSTALLER, SampleTenant.NEW_USER, "Nestor Wilke")) {
            assertEquals(1, fake.activitiesSentTo(name).size(), name);
        }
    }

    private Activity personalInstall(FakeUser user) {
        return Activity.builder()
                .type(ActivityTypes.CONVERSATION_UPDATE)
                .id("f:install-" + user.aadObjectId())
                .channelId("msteams")
                .serviceUrl(fake.serviceUrl())
                .conversation(ConversationAccount.builder().id(fake.personalConversationId(user))
                        .conversationType("personal").tenantId(user.tenantId()).build())
                .from(user.toChannelAccount())
                .recipient(ChannelAccount.of(fake.botId(), "Contoso Notifier"))
                .membersAdded(ChannelAccount.of(fake.botId()), user.toChannelAccount())
                .build();
    }
}
