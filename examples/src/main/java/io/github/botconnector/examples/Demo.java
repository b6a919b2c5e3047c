package io.github.botconnector.examples;

import io.github.botconnector.exception.BlockedByUserException;
import io.github.botconnector.exception.BotNotInConversationRosterException;
import io.github.botconnector.exception.BotNotInstalledException;
import io.github.botconnector.ConnectorClient;
import io.github.botconnector.broadcast.BroadcastEngine;
import io.github.botconnector.broadcast.BroadcastJob;
import io.github.botconnector.broadcast.BroadcastReport;
import io.github.botconnector.broadcast.Delivery;
import io.github.botconnector.broadcast.DeliveryState;
import io.github.botconnector.broadcast.Ledger;
import io.github.botconnector.broadcast.Recipient;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.teams.TeamsActivities;
import io.github.botconnector.teams.TeamsChannelAccount;
import io.github.botconnector.teams.TeamsChannelData;
import io.github.botconnector.teams.TeamsClient;
import io.github.botconnector.testing.FakeConnector;
import io.github.botconnector.testing.FakeConversation;
import io.github.botconnector.testing.FakeTeam;
import io.github.botconnector.testing.FakeUser;
import io.github.botconnector.testing.InboundResult;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The end-to-end proactive messaging demo (the README's first Quickstart command, {@code mvn -q -Pdemo package}).
 *
 * <p>An embedded fake connector plays Teams and the Bot Connector service for the sample tenant
 * ({@link SampleTenant}); a {@link NotifyServer} on a loopback port plays the bot. The demo walks through every
 * proactive flow of the Teams documentation, then prints what the fake received, conversation by conversation.
 */
public final class Demo {

    private final FakeConnector fake;
    private final ExampleConfig config;
    private final ConnectorClient client;
    private final NotifyServer bot;
    private final ReferenceStore references;
    private final PrintStream out;

    private Demo(FakeConnector fake, ExampleConfig config, ConnectorClient client, NotifyServer bot,
                 PrintStream out) {
        this.fake = fake;
        this.config = config;
        this.client = client;
        this.bot = bot;
        this.references = bot.references();
        this.out = out;
    }

    /** Runs the demo against a new embedded fake connector. */
    public static void main(String[] args) {
        try (FakeConnector fake = SampleTenant.startFakeConnector()) {
            run(fake, System.out);
        }
    }

    /**
     * Runs the seven steps against {@code fake} (seeded with {@link SampleTenant}) and prints the story to
     * {@code out}.
     */
    public static void run(FakeConnector fake, PrintStream out) {
        long started = System.nanoTime();
        ExampleConfig config = ExampleConfig.forFakeConnector(fake);
        // The bot: a client for sending, and its messaging endpoint on a free loopback port.
        try (ConnectorClient client = config.newClient();
             NotifyServer bot = NotifyServer.start(new InetSocketAddress("127.0.0.1", 0),
                     config.newAuthenticator(), client, new ReferenceStore(), out)) {
            new Demo(fake, config, client, bot, out).tellStory();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        out.println();
        out.println("Demo complete in " + millis + " ms: 7 of 7 steps done, " + fake.sentActivities().size()
                + " activities sent by the bot.");
    }

    private void tellStory() {
        introduction();
        InboundResult install = step1ReceiveInstall();
        ConversationReference installer = references.find(install.activity().conversation().id());
        step2Welcome(installer, install.activity());
        step3DirectMessage();
        step4MessageAllMembers();
        step5ChannelThread();
        step6Notification(installer);
        step7Failures();
        printTranscript();
    }

    private void introduction() {
        out.println("Bot Connector for Java - proactive messaging demo");
        out.println("Fake Teams / Bot Connector service: " + fake.baseUrl() + " (service URL " + fake.serviceUrl()
                + ")");
        out.println("Bot: " + config.bot().id() + ", tenant " + config.tenantId());
        out.println("Authentication: strict. The bot gets its tokens from the fake's token endpoint with the"
                + " client-credentials flow (ClientSecretCredential), exactly as from Microsoft Entra ID.");
    }

    // ----------------------------------------------------------------------------------------------- step 1

    private InboundResult step1ReceiveInstall() {
        header(1, "The app is installed: Teams posts a signed conversationUpdate to the bot");
        explain("A real bot validates the JWT on every request (BotAuthenticator) and stores the conversation"
                + " reference: it is the only way to reach the user later.");
        out.println("  bot endpoint: " + bot.messagesUrl());

        FakeUser adele = fake.user(SampleTenant.INSTALLER);
        InboundResult install = install(adele);
        install(fake.user(SampleTenant.BLOCKING_USER));
        install(fake.user(SampleTenant.UNINSTALLED_USER));

        Activity forged = NotifyServer.forgedInstall(config);
        out.println("  a forged install arrives, naming " + forged.serviceUrl() + " as service URL (the bot would"
                + " send its token there): once unsigned, once wrongly signed");
        InboundResult unsigned = fake.inbound(bot.messagesUrl()).sendUnsigned(forged);
        InboundResult wronglySigned = fake.inbound(bot.messagesUrl()).sendWithUntrustedSignature(forged);
        out.println("  forged install (unsigned) -> HTTP " + unsigned.status() + ", (wrongly signed) -> HTTP "
                + wronglySigned.status() + "; nothing stored for " + forged.conversation().id());

        String conversationId = install.activity().conversation().id();
        out.println("  stored references: " + references.size() + "; " + adele.name() + "'s, as JSON:");
        out.println("    " + references.json(conversationId));
        return install;
    }

    /** The user installs the app: the fake posts the signed install event to the bot, as Teams would. */
    private InboundResult install(FakeUser user) {
        out.println("  " + user.name() + " installs the app; Teams posts a conversationUpdate to the bot");
        InboundResult result = fake.inbound(bot.messagesUrl()).installPersonal(user);
        out.println("  -> HTTP " + result.status() + " for activity " + result.activity().id());
        return result;
    }

    // ----------------------------------------------------------------------------------------------- step 2

    private void step2Welcome(ConversationReference installer, Activity installEvent) {
        header(2, "Welcome message to the installer, through the stored reference");
        explain("Say why the user gets the message, what the app offers and what to do next: a poor welcome makes"
                + " users block the app. WelcomeMessage asks for each part and takes the reason from the install event.");
        String id = client.send(installer, Messages.welcome(installEvent)).id();
        out.println("  client.send(reference, welcome) -> activity " + id + " in " + installer.conversation().id());
    }

    // ----------------------------------------------------------------------------------------------- step 3

    private void step3DirectMessage() {
        header(3, "1:1 message to a user who never wrote to the bot");
        FakeUser megan = fake.user(SampleTenant.NEW_USER);
        explain(megan.name() + "'s admin installed the app for her, so the bot may create the 1:1 chat"
                + " (tenant id + her Teams id " + megan.id() + ") and write first.");
        DirectMessage.Sent sent = new DirectMessage(client, config.bot(), out)
                .send(config.tenantId(), megan.toChannelAccount(), Messages.directMessage(megan.name()));
        references.save(sent.reference());
        out.println("  stored the reference of " + sent.conversationId() + " for next time");
    }

    // ----------------------------------------------------------------------------------------------- step 4

    private void step4MessageAllMembers() {
        FakeTeam team = fake.team(SampleTenant.FIELD_SERVICE_TEAM);
        header(4, "Message all members of the team " + team.name() + " (" + team.id() + ")");
        explain("The bot is installed in the team, so it may message every member. The broadcast engine creates a"
                + " 1:1 chat and sends a personalised hello per member, paced to Teams' limits, each recipient"
                + " recorded in a ledger (here in memory) before its request, so nothing is sent twice.");
        Map<String, String> firstNames = new LinkedHashMap<>();
        for (TeamsChannelAccount member : TeamsClient.of(client).members(team.id())) {
            firstNames.put(member.id(), member.givenName() != null ? member.givenName() : member.name());
        }
        out.println("  roster: " + firstNames.size() + " members");
        BroadcastReport report;
        try (ConnectorClient engineClient = config.newBroadcastClient();
             BroadcastEngine engine = BroadcastEngine.builder().client(engineClient).ledger(Ledger.inMemory())
                     .build()) {
            BroadcastJob.Builder job = BroadcastJob.builder("hello-" + team.id())
                    .message(r -> Messages.teamMemberHello(firstNames.get(r.userId()), team.name()));
            firstNames.keySet().forEach(id -> job.recipient(Recipient.user(team.tenantId(), id)));
            engine.submit(job.build());
            report = engine.awaitCompletion("hello-" + team.id(), Duration.ofMinutes(5));
        }
        out.println("  report: " + report.count(DeliveryState.SENT) + " sent, "
                + report.count(DeliveryState.FAILED) + " failed, " + report.count(DeliveryState.UNKNOWN)
                + " unknown; " + report.requests() + " requests, " + report.throttled() + " answered 429");
        for (Delivery d : report.notSent()) {
            out.println("    " + d.recipient().userId() + ": " + d.state() + " " + d.reason() + " " + d.detail());
        }
        out.println("All messages have been sent.");
    }

    // ----------------------------------------------------------------------------------------------- step 5

    private void step5ChannelThread() {
        FakeTeam team = fake.team(SampleTenant.FIELD_SERVICE_TEAM);
        String channelId = team.channel(SampleTenant.DISPATCH_CHANNEL).id();
        header(5, "New thread in the channel " + SampleTenant.DISPATCH_CHANNEL + " (" + channelId + "), then a reply");
        explain("Bots cannot create channels, but can start threads in any standard channel of a team they are in.");
        new ChannelThread(client, out).post(channelId, team.tenantId(),
                Messages.threadStart("Truck 12 delayed on route A4"),
                Activity.message("Update: Truck 12 is moving again, new arrival time 14:30."));
    }

    // ----------------------------------------------------------------------------------------------- step 6

    private void step6Notification(ConversationReference installer) {
        header(6, "Notification: what happened, the result, who triggered it, actions and opt-out");
        explain("NotificationMessage: an Adaptive Card with a summary for the notification preview, an action button"
                + " and the opt-out button it requires.");
        Activity card = Messages.notification("INC-2041", "Incident INC-2041 was resolved",
                "Status: Resolved, service restored in Berlin", "Nestor Wilke (on-call engineer)");
        String id = client.send(installer, card).id();
        out.println("  sent card " + id + " to " + installer.user().name() + " in " + installer.conversation().id());
    }

    // ----------------------------------------------------------------------------------------------- step 7

    private void step7Failures() {
        header(7, "Sending to a user who blocked the bot, one who removed the app, one who never had it");
        FakeUser alex = fake.user(SampleTenant.BLOCKING_USER);
        FakeUser pradeep = fake.user(SampleTenant.UNINSTALLED_USER);
        FakeUser lee = fake.user(SampleTenant.USER_WITHOUT_APP);
        fake.blockBot(alex);
        fake.uninstallBotFor(pradeep);
        explain("Meanwhile in Teams: " + alex.name() + " blocked the bot and " + pradeep.name() + " uninstalled the"
                + " app (the bot missed the installationUpdate). " + lee.name() + " never had the app.");

        Map<String, String> report = new LinkedHashMap<>();
        report.put(alex.name(), sendThroughStoredReference(alex));
        report.put(pradeep.name(), sendThroughStoredReference(pradeep));
        report.put(lee.name(), sendWithoutApp(lee));
        out.println("  report per user:");
        report.forEach((name, outcome) -> out.println(String.format("    %-15s %s", name, outcome)));
        out.println("  stored references now: " + references.size());
    }

    /** Sends through the reference stored at install time; drops it when Teams says it is no longer usable. */
    private String sendThroughStoredReference(FakeUser user) {
        String conversationId = fake.personalConversationId(user);
        ConversationReference reference = references.find(conversationId);
        try {
            client.send(reference, Activity.message("Your weekly summary is ready."));
            return "sent";
        } catch (BlockedByUserException e) {
            references.remove(conversationId);
            out.println("  " + user.name() + ": BlockedByUserException " + e.statusCode() + " " + e.errorCode()
                    + " -> reference " + conversationId + " dropped");
            return "blocked the bot: reference dropped, no more messages until the user writes again";
        } catch (BotNotInConversationRosterException e) {
            references.remove(conversationId);
            out.println("  " + user.name() + ": BotNotInConversationRosterException " + e.statusCode() + " "
                    + e.errorCode() + " -> reference " + conversationId + " dropped");
            return "app removed: reference dropped, wait for a new install";
        }
    }

    /** Tries to open a 1:1 chat with a user who does not have the app. */
    private String sendWithoutApp(FakeUser user) {
        try {
            new DirectMessage(client, config.bot(), out)
                    .send(config.tenantId(), user.toChannelAccount(), Messages.directMessage(user.name()));
            return "sent";
        } catch (BotNotInstalledException e) {
            out.println("  " + user.name() + ": BotNotInstalledException " + e.statusCode() + " "
                    + e.errorCode() + " (\"" + e.serviceMessage() + "\")");
            return "app not installed: install it for the user (Microsoft Graph) first";
        }
    }

    // ------------------------------------------------------------------------------------------ transcript

    private void printTranscript() {
        out.println();
        out.println("Transcript of the fake connector, per conversation");
        for (FakeConversation conversation : fake.conversations()) {
            if (conversation.activities().isEmpty()) {
                continue;
            }
            out.println("  " + conversation.type() + " " + conversation.id() + " (" + owner(conversation) + ")");
            for (Activity activity : conversation.activities()) {
                out.println("    " + activity.id() + describe(activity));
            }
        }
    }

    private String owner(FakeConversation conversation) {
        if (conversation.userId() != null) {
            return fake.user(conversation.userId()).name();
        }
        return fake.team(conversation.teamId()).name();
    }

    private static String describe(Activity activity) {
        StringBuilder line = new StringBuilder();
        if (activity.replyToId() != null) {
            line.append(" (reply to ").append(activity.replyToId()).append(")");
        }
        if (activity.attachments() != null && !activity.attachments().isEmpty()) {
            line.append(" [Adaptive Card]");
        }
        if (hasAlert(activity)) {
            line.append(" [alert]");
        }
        // A card message shows its summary (the notification preview) in the transcript.
        String shown = activity.text() != null ? activity.text() : activity.summary() != null ? activity.summary() : "";
        String text = shown.replaceAll("\\s+", " ");
        line.append(": ").append(text.length() > 80 ? text.substring(0, 77) + "..." : text);
        return line.toString();
    }

    /** Whether {@code channelData.notification.alert} is true. */
    static boolean hasAlert(Activity activity) {
        TeamsChannelData channelData = TeamsActivities.teamsChannelData(activity);
        return channelData != null && channelData.notification() != null
                && Boolean.TRUE.equals(channelData.notification().alert());
    }

    // ---------------------------------------------------------------------------------------------- output

    private void header(int step, String title) {
        out.println();
        out.println("[" + step + "/7] " + title);
    }

    private void explain(String text) {
        out.println("  > " + text);
    }
}
