package io.github.botconnector.examples;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.teams.TeamsClient;
import io.github.botconnector.testing.FakeTeam;
import java.io.PrintStream;

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

    private final TeamsClient teams;
    private final PrintStream out;

    /**
     * @param client the bot's client
     * @param out    where progress is printed
     */
    public ChannelThread(ConnectorClient client, PrintStream out) {
        this.teams = TeamsClient.of(client);
        this.out = out;
    }

    /**
     * Posts {@code first} as a new thread in {@code channelId}, then {@code reply} inside that thread.
     *
     * @param channelId the channel ({@code 19:...@thread.tacv2}; the team id for General)
     * @param tenantId  the team's tenant
     */
    public Posted post(String channelId, String tenantId, Activity first, Activity reply) {
        // POST v3/conversations with isGroup true, channelData.channel.id and the first message (mandatory).
        io.github.botconnector.teams.ChannelThread thread = teams.createChannelThread(channelId, first, tenantId);
        out.println("  new thread " + thread.conversationId() + " (root message " + thread.activityId() + ")");

        // Sending to the thread's conversation id posts a reply under the root message.
        String replyId = teams.replyInThread(thread.conversationId(), reply).id();
        out.println("  reply " + replyId + " in thread " + thread.conversationId());
        return new Posted(thread.conversationId(), thread.activityId(), replyId);
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
