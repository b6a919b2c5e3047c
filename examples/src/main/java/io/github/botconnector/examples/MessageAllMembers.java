package io.github.botconnector.examples;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.exception.ConnectorResponseException;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.teams.TeamsChannelAccount;
import io.github.botconnector.teams.TeamsClient;
import io.github.botconnector.teams.TeamsPagedMembersResult;
import io.github.botconnector.testing.FakeTeam;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends a personalised 1:1 message to every member of a team.
 *
 * <p>Teams rules: a bot installed in a team can message its members proactively, even those who never talked to it.
 * The roster comes in pages ({@code pagedmembers}, follow {@code continuationToken}). Teams allows about 50 requests
 * per second per app and tenant: the client honours 429 {@code Retry-After}; for thousands of members pace the sends,
 * or let Teams fan out the same message with its batch API ({@code TeamsClient.sendToTeam}, {@code sendToUsers}) when
 * it need not be personalised. Don't message every member of a large team (more than about 100) when the bot is
 * added: send one introduction to the channel instead.
 *
 * <pre>
 * java ... MessageAllMembers &lt;teamId&gt; [tenantId]     (with the BOT_* variables for Teams)
 * </pre>
 */
public final class MessageAllMembers {

    /** The outcome per member: the message id, or the error that stopped the message. */
    public record Report(Map<String, String> sent, Map<String, String> failed) {
    }

    private final TeamsClient teams;
    private final DirectMessage directMessage;
    private final PrintStream out;

    /**
     * @param client the bot's client
     * @param bot    the bot's account ({@code 28:<appId>})
     * @param out    where progress is printed
     */
    public MessageAllMembers(ConnectorClient client, ChannelAccount bot, PrintStream out) {
        this.teams = TeamsClient.of(client);
        // One line per member is enough here: the direct messages print nothing.
        this.directMessage = new DirectMessage(client, bot, new PrintStream(OutputStream.nullOutputStream()));
        this.out = out;
    }

    /**
     * Reads the team's roster page by page and sends each member a personalised hello in their 1:1 chat.
     *
     * @param teamId   the team id (the General channel's id)
     * @param teamName the team's name, used in the message
     * @param tenantId the team's tenant
     */
    public Report run(String teamId, String teamName, String tenantId) {
        List<TeamsChannelAccount> members = roster(teamId);
        Map<String, String> sent = new LinkedHashMap<>();
        Map<String, String> failed = new LinkedHashMap<>();
        for (TeamsChannelAccount member : members) {
            try {
                DirectMessage.Sent result = directMessage.send(tenantId, member.toChannelAccount(),
                        Messages.teamMemberHello(firstName(member), teamName));
                sent.put(member.id(), result.activityId());
                out.println("  " + member.name() + ": sent " + result.activityId() + " in "
                        + result.conversationId());
            } catch (ConnectorResponseException e) {
                // One member's failure (blocked the bot, left the tenant) must not stop the others.
                failed.put(member.id(), e.statusCode() + " " + e.errorCode());
                out.println("  " + member.name() + ": not sent, " + e.statusCode() + " " + e.errorCode());
            }
        }
        out.println("All messages have been sent.");
        return new Report(sent, failed);
    }

    /** Every member of the team, following the continuation token from page to page. */
    private List<TeamsChannelAccount> roster(String teamId) {
        List<TeamsChannelAccount> members = new ArrayList<>();
        String continuationToken = null;
        int page = 0;
        do {
            TeamsPagedMembersResult result = teams.membersPage(teamId, 100, continuationToken);
            page++;
            members.addAll(result.members());
            out.println("  roster page " + page + ": " + result.members().size() + " members");
            continuationToken = result.continuationToken();
        } while (continuationToken != null && !continuationToken.isEmpty());
        return members;
    }

    /** The member's given name as Teams knows it, else the first word of the display name. */
    private static String firstName(TeamsChannelAccount member) {
        return member.givenName() != null ? member.givenName() : member.name();
    }

    /**
     * {@code MessageAllMembers <teamId> [tenantId]}. Without Teams settings it messages the members of the sample
     * tenant's field service team through the embedded fake connector.
     */
    public static void main(String[] args) {
        try (ExampleConfig config = ExampleConfig.fromEnvironment();
             ConnectorClient client = config.newClient()) {
            String teamId;
            String teamName;
            if (config.fakeConnector().isPresent()) {
                FakeTeam team = config.fakeConnector().get().team(SampleTenant.FIELD_SERVICE_TEAM);
                teamId = team.id();
                teamName = team.name();
            } else if (args.length >= 1) {
                teamId = args[0];
                teamName = "your team";
            } else {
                System.err.println("Usage: MessageAllMembers <teamId (19:...@thread.tacv2)> [tenantId]");
                System.exit(2);
                return;
            }
            String tenantId = args.length >= 2 ? args[1] : config.tenantId();
            new MessageAllMembers(client, config.bot(), System.out).run(teamId, teamName, tenantId);
        }
    }
}
