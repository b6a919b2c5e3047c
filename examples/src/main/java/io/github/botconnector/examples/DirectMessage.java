package io.github.botconnector.examples;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.teams.DirectConversation;
import io.github.botconnector.teams.TeamsActivities;
import io.github.botconnector.teams.TeamsClient;
import io.github.botconnector.testing.FakeUser;
import java.io.PrintStream;

/**
 * Sends a 1:1 message to a user who never wrote to the bot.
 *
 * <p>Teams rules: the app must be installed for the user (personally, or in a team the user is a member of),
 * otherwise Teams answers 403. The user is addressed by the Teams user id ({@code 29:...}) or the Microsoft Entra
 * object id — never by e-mail or UPN. The tenant id is mandatory. Creating the 1:1 chat is idempotent: the same user
 * always gets the same conversation id, so store it instead of creating it before every message.
 *
 * <pre>
 * java ... DirectMessage &lt;tenantId&gt; &lt;userId&gt; [text]     (with the BOT_* variables for Teams)
 * </pre>
 */
public final class DirectMessage {

    /** What was sent: the 1:1 conversation (store its reference) and the message id. */
    public record Sent(String conversationId, String activityId, ConversationReference reference) {
    }

    private final ConnectorClient client;
    private final TeamsClient teams;
    private final ChannelAccount bot;
    private final PrintStream out;

    /**
     * @param client the bot's client
     * @param bot    the bot's account ({@code 28:<appId>})
     * @param out    where progress is printed
     */
    public DirectMessage(ConnectorClient client, ChannelAccount bot, PrintStream out) {
        this.client = client;
        this.teams = TeamsClient.of(client);
        this.bot = bot;
        this.out = out;
    }

    /**
     * Creates (or gets) the 1:1 chat with {@code user} and sends {@code message} with an activity-feed alert.
     *
     * @param tenantId the user's Microsoft Entra tenant id
     * @param user     the user: its Teams id ({@code 29:...}) or Entra object id, and optionally its name
     * @param message  the message
     */
    public Sent send(String tenantId, ChannelAccount user, Activity message) {
        // POST v3/conversations with isGroup false, the user as the only member and the tenant id.
        DirectConversation chat = teams.createOrGetDirectConversation(bot, user, tenantId);
        out.println("  1:1 conversation with " + nameOf(user) + ": " + chat.conversationId());

        // notification.alert makes Teams show the message in the user's activity feed, not only in the chat.
        Activity alerting = TeamsActivities.withAlert(message);
        String activityId = client.sendToConversation(chat.conversationId(), alerting).id();
        out.println("  sent message " + activityId + " (notification.alert = true)");
        return new Sent(chat.conversationId(), activityId, chat.reference());
    }

    private static String nameOf(ChannelAccount user) {
        return user.name() != null ? user.name() + " (" + user.id() + ")" : user.id();
    }

    /**
     * {@code DirectMessage <tenantId> <userId> [text]}. Without Teams settings it messages the sample tenant's
     * Megan Bowen through the embedded fake connector.
     */
    public static void main(String[] args) {
        try (ExampleConfig config = ExampleConfig.fromEnvironment();
             ConnectorClient client = config.newClient()) {
            DirectMessage example = new DirectMessage(client, config.bot(), System.out);
            if (config.fakeConnector().isPresent()) {
                FakeUser megan = config.fakeConnector().get().user(SampleTenant.NEW_USER);
                example.send(config.tenantId(), megan.toChannelAccount(), Messages.directMessage(megan.name()));
            } else {
                if (args.length < 2) {
                    System.err.println("Usage: DirectMessage <tenantId> <userId (29:... or Entra object id)> [text]");
                    System.exit(2);
                }
                Activity message = args.length > 2 ? Activity.message(args[2]) : Messages.directMessage(null);
                example.send(args[0], ChannelAccount.of(args[1]), message);
            }
        }
    }
}
