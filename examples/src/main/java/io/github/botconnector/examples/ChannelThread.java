package io.github.botconnector.examples;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ConversationParameters;
import io.github.botconnector.schema.ConversationResourceResponse;
import io.github.botconnector.testing.FakeTeam;
import java.io.PrintStream;
import java.util.Map;

/**
 * Starts a new thread in a team channel, then replies in it.
 *
 * <p>Teams rules: the app must be installed in the team (403 BotNotInConversationRoster otherwise); bots cannot
 * post to private channels, nor create channels or group chats. The General channel's id is the team id. The thread's
 * conversation id is {@code <channelId>;messageid=<rootMessageId>}: sending to it posts a reply in the thread.
 *
 * <pre>
 * java ... ChannelThread &lt;channelId&gt; [tenantId]     (with the BOT_* variables for Teams)
 * </pre>
 */
public final class ChannelThread {

    /** The thread and the reply. */
    public record Posted(String threadConversationId, String rootMessageId, String replyId) {
    }

    private final ConnectorClient client;
    private final PrintStream out;

    /**
     * @param client the bot's client
     * @param out    where progress is printed
     */
    public ChannelThread(ConnectorClient client, PrintStream out) {
        this.client = client;
        this.out = out;
    }

    /**
     * Posts {@code first} as a new thread in {@code channelId}, then {@code reply} inside that thread.
     *
     * @param channelId the channel ({@code 19:...@thread.tacv2}; the team id for General)
     * @param tenantId  the team's tenant
     */
    public Posted post(String channelId, String tenantId, Activity first, Activity reply) {
        // isGroup true + channelData.channel.id + the first message (mandatory) = a new thread.
        ConversationParameters parameters = ConversationParameters.builder()
                .isGroup(true)
                .channelData(Map.of("channel", Map.of("id", channelId), "tenant", Map.of("id", tenantId)))
                .tenantId(tenantId)
                .activity(first)
                .build();
        ConversationResourceResponse thread = client.createConversation(parameters);
        out.println("  new thread " + thread.id() + " (root message " + thread.activityId() + ")");

        // Sending to the thread's conversation id posts a reply under the root message.
        String replyId = client.sendToConversation(thread.id(), reply).id();
        out.println("  reply " + replyId + " in thread " + thread.id());
        return new Posted(thread.id(), thread.activityId(), replyId);
    }

    /**
     * {@code ChannelThread <channelId> [tenantId]}. Without Teams settings it posts to the Dispatch channel of the
     * sample tenant's field service team through the embedded fake connector.
     */
    public static void main(String[] args) {
        try (ExampleConfig config = ExampleConfig.fromEnvironment();
             ConnectorClient client = config.newClient()) {
            String channelId;
            if (config.fakeConnector().isPresent()) {
                FakeTeam team = config.fakeConnector().get().team(SampleTenant.FIELD_SERVICE_TEAM);
                channelId = team.channel(SampleTenant.DISPATCH_CHANNEL).id();
            } else if (args.length >= 1) {
                channelId = args[0];
            } else {
                System.err.println("Usage: ChannelThread <channelId (19:...@thread.tacv2)> [tenantId]");
                System.exit(2);
                return;
            }
            String tenantId = args.length >= 2 ? args[1] : config.tenantId();
            new ChannelThread(client, System.out).post(channelId, tenantId,
                    Messages.threadStart("Truck 12 delayed on route A4"),
                    Activity.message("Update: Truck 12 is moving again, new arrival time 14:30."));
        }
    }
}
