package io.github.botconnector.examples;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.teams.DirectConversation;
import io.github.botconnector.teams.TeamsClient;
import io.github.botconnector.testing.FakeUser;
import java.io.PrintStream;

/**
 * The Teams documentation's "address" form: a user id, a tenant id and a service URL — no stored conversation —
 * and the message arrives after one call. {@code POST {serviceUrl}v3/conversations} with the user as the only
 * member, the tenant id and the message as the conversation's first activity creates (or gets) the 1:1 chat and
 * posts the message in the same request.
 *
 * <p>Teams rules: the app must be installed for the user; the user id is the Teams id ({@code 29:...}) or the
 * Entra object id, never an e-mail address; the service URL should be the tenant's, from an inbound activity
 * (the cloud's global URL works when none is known). The returned reference is what to store for later messages.
 *
 * <pre>
 * java ... AddressMessage &lt;tenantId&gt; &lt;userId&gt; [serviceUrl] [text]   (with the BOT_* variables for Teams)
 * </pre>
 */
public final class AddressMessage {

    private final TeamsClient teams;
    private final ChannelAccount bot;
    private final PrintStream out;

    /**
     * @param client the bot's client
     * @param bot    the bot's account ({@code 28:<appId>})
     * @param out    where progress is printed
     */
    public AddressMessage(ConnectorClient client, ChannelAccount bot, PrintStream out) {
        this.teams = TeamsClient.of(client);
        this.bot = bot;
        this.out = out;
    }

    /**
     * Sends {@code message} to the user at the address in one request.
     *
     * @param serviceUrl the tenant's service URL
     * @param tenantId   the tenant id
     * @param userId     the Teams user id or Entra object id
     * @param message    the message
     * @return the 1:1 chat, with the reference to store
     */
    public DirectConversation send(String serviceUrl, String tenantId, String userId, Activity message) {
        DirectConversation chat = teams.withServiceUrl(serviceUrl)
                .createOrGetDirectConversation(bot, ChannelAccount.of(userId), tenantId, message);
        out.println("  message posted to " + userId + " in 1:1 conversation " + chat.conversationId() + " at "
                + serviceUrl);
        return chat;
    }

    /**
     * {@code AddressMessage <tenantId> <userId> [serviceUrl] [text]}. Without Teams settings it messages the sample
     * tenant's Megan Bowen (app installed by her admin, never wrote to the bot) through the embedded fake connector.
     */
    public static void main(String[] args) {
        try (ExampleConfig config = ExampleConfig.fromEnvironment();
             ConnectorClient client = config.newClient()) {
            AddressMessage example = new AddressMessage(client, config.bot(), System.out);
            if (config.fakeConnector().isPresent()) {
                FakeUser megan = config.fakeConnector().get().user(SampleTenant.NEW_USER);
                example.send(config.serviceUrl(), config.tenantId(), megan.id(),
                        Messages.directMessage(megan.name()));
            } else {
                if (args.length < 2) {
                    System.err.println("Usage: AddressMessage <tenantId> <userId> [serviceUrl] [text]");
                    System.exit(2);
                }
                String serviceUrl = args.length > 2 ? args[2] : config.serviceUrl();
                Activity message = args.length > 3 ? Activity.message(args[3]) : Messages.directMessage(null);
                example.send(serviceUrl, args[0], args[1], message);
            }
        }
    }
}
