package io.github.botconnector.examples;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.teams.GraphClient;
import io.github.botconnector.teams.ReachResult;
import io.github.botconnector.teams.TeamsActivities;
import io.github.botconnector.teams.TeamsReach;
import io.github.botconnector.testing.FakeUser;
import java.io.PrintStream;

/**
 * Sends a 1:1 message to a person known only by e-mail address, who never installed the app (the Company
 * Communicator case).
 *
 * <p>Teams refuses e-mail addresses and UPNs as recipients, and the Entra object id works only once the app is
 * installed for the person. So: Microsoft Graph resolves the address to the object id, checks whether the app is
 * installed for the person, installs it when it is not (Teams then sends the bot the install event), and returns the
 * installation's 1:1 chat, which the Bot Connector accepts as the conversation id. A second run installs nothing and
 * reuses the chat. {@link TeamsReach} does all of it in one call.
 *
 * <p>The app registration needs the Graph application permissions {@code User.Read.All},
 * {@code AppCatalog.Read.All} and {@code TeamsAppInstallation.ReadWriteSelfForUser.All} with admin consent, and the
 * app must be in the tenant's app catalog (a new org app can take hours to appear in Graph).
 *
 * <pre>
 * java ... EmailMessage &lt;tenantId&gt; &lt;e-mail or UPN&gt; [text] [--no-install]
 *     (with the BOT_* variables for Teams)
 * </pre>
 */
public final class EmailMessage {

    private final TeamsReach reach;
    private final PrintStream out;

    /**
     * @param client        the bot's Bot Connector client
     * @param graph         the bot's Graph client
     * @param manifestAppId the id of the app manifest
     * @param bot           the bot's account ({@code 28:<appId>})
     * @param out           where progress is printed
     */
    public EmailMessage(ConnectorClient client, GraphClient graph, String manifestAppId, ChannelAccount bot,
                        PrintStream out) {
        this.reach = TeamsReach.builder().connector(client).graph(graph).manifestAppId(manifestAppId).bot(bot)
                .build();
        this.out = out;
    }

    /**
     * Reaches the person and sends {@code message} with an activity-feed alert; nothing is sent when the person is
     * unreachable.
     *
     * @param tenantId       the person's tenant id
     * @param email          the e-mail address or UPN
     * @param message        the message
     * @param installAllowed whether the app may be installed for the person
     * @return what happened
     */
    public ReachResult send(String tenantId, String email, Activity message, boolean installAllowed) {
        ReachResult result = reach.send(tenantId, email, TeamsActivities.withAlert(message), installAllowed);
        if (!result.isReachable()) {
            out.println("  " + email + " is unreachable (" + result.unreachable() + "): " + result.detail());
            return result;
        }
        out.println("  " + email + ": " + result.detail() + " (service URL " + result.reference().serviceUrl()
                + ", " + result.serviceUrlSource() + ")");
        out.println("  sent message " + result.sent().id() + " to " + result.reference().conversation().id());
        return result;
    }

    /**
     * {@code EmailMessage <tenantId> <email> [text] [--no-install]}. Without Teams settings it messages the sample
     * tenant's Lee Gu, who never had the app, through the embedded fake connector.
     */
    public static void main(String[] args) {
        try (ExampleConfig config = ExampleConfig.fromEnvironment();
             ConnectorClient client = config.newClient();
             GraphClient graph = config.newGraphClient()) {
            EmailMessage example = new EmailMessage(client, graph, config.manifestAppId(), config.bot(), System.out);
            if (config.fakeConnector().isPresent()) {
                FakeUser lee = config.fakeConnector().get().user(SampleTenant.USER_WITHOUT_APP);
                example.send(config.tenantId(), lee.email(), Messages.directMessage(lee.name()), true);
            } else {
                if (args.length < 2) {
                    System.err.println("Usage: EmailMessage <tenantId> <e-mail or UPN> [text] [--no-install]");
                    System.exit(2);
                }
                boolean install = !java.util.Arrays.asList(args).contains("--no-install");
                Activity message = args.length > 2 && !args[2].equals("--no-install") ? Activity.message(args[2])
                        : Messages.directMessage(null);
                example.send(args[0], args[1], message, install);
            }
        }
    }
}
