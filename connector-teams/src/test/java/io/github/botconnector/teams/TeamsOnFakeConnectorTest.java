package io.github.botconnector.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.exception.BotNotInConversationRosterException;
import io.github.botconnector.ConnectorClient;
import io.github.botconnector.exception.ConnectorResponseException;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.teams.support.TestClients;
import io.github.botconnector.testing.FakeConnector;
import io.github.botconnector.testing.FakeConnectorExtension;
import io.github.botconnector.testing.FakeTeam;
import io.github.botconnector.testing.FakeUser;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Teams flows against the stateful fake Bot Connector of connector-testing (seeded with the Contoso world). */
class TeamsOnFakeConnectorTest {

    @RegisterExtension
    static final FakeConnectorExtension FAKE = FakeConnectorExtension.builder().contoso().build();

    @Test
    void messageEveryMemberOfATeamWhereTheAppIsInstalled(FakeConnector fake) {
        FakeTeam team = fake.team("Contoso Operations");
        fake.installBotInTeam(team);
        ChannelAccount bot = ChannelAccount.of(fake.botId(), "Contoso Notifier");
        try (ConnectorClient client = TestClients.connector(fake.serviceUrl())) {
            TeamsClient teams = TeamsClient.of(client);

            TeamDetails details = teams.teamDetails(team.id());
            assertEquals("Contoso Operations", details.name());
            List<ChannelInfo> channels = teams.channels(team.id());
            assertTrue(channels.stream().anyMatch(c -> team.id().equals(c.id())), "the General channel has the team id");

            List<TeamsChannelAccount> members = teams.members(team.id());
            assertEquals(3, members.size());
            for (TeamsChannelAccount member : members) {
                DirectConversation chat = teams.createOrGetDirectConversation(bot, member);
                assertEquals(chat.conversationId(), teams.createOrGetDirectConversation(bot, member).conversationId(),
                        "create-or-get is idempotent");
                teams.send(chat.reference(), Activity.message("Hi " + member.name() + ", the release review starts at 15:00."));
            }
            for (FakeUser user : fake.users()) {
                assertEquals(List.of("Hi " + user.name() + ", the release review starts at 15:00."),
                        fake.activitiesSentTo(user).stream().map(Activity::text).toList());
            }

            ChannelInfo releases = channels.stream().filter(c -> "Releases".equals(c.name())).findFirst().orElseThrow();
            ChannelThread thread = teams.createChannelThread(releases, Activity.message("Deployment started."),
                    fake.tenantIds().get(0));
            teams.replyInThread(thread.reference(), Activity.message("Deployment finished."));
            assertEquals(List.of("Deployment started.", "Deployment finished."), fake.conversation(thread.conversationId()).texts());
        }
    }

    @Test
    void usersWithoutTheAppCannotBeMessaged(FakeConnector fake) {
        FakeUser lee = fake.user("Lee Gu");
        String tenantId = fake.tenantIds().get(0);
        try (ConnectorClient client = TestClients.connector(fake.serviceUrl())) {
            TeamsClient teams = TeamsClient.of(client);

            // Never installed: the create is refused with 403 and a hint to install the app first.
            ConnectorResponseException notInstalled = assertThrows(ConnectorResponseException.class,
                    () -> teams.createOrGetDirectConversation(null, lee.toChannelAccount(), tenantId));
            assertEquals(403, notInstalled.statusCode());
            assertTrue(notInstalled.getMessage().toLowerCase(Locale.ROOT).contains("install"), notInstalled.getMessage());

            // Installed, chat created, then uninstalled: the send fails as not in the roster.
            fake.installBotFor(lee);
            DirectConversation chat = teams.createOrGetDirectConversation(null, lee.toChannelAccount(), tenantId);
            fake.uninstallBotFor(lee);
            BotNotInConversationRosterException roster = assertThrows(BotNotInConversationRosterException.class,
                    () -> teams.send(chat.reference(), Activity.message("Your report is ready.")));
            assertTrue(roster.getMessage().toLowerCase(Locale.ROOT).contains("install"), roster.getMessage());
        }
    }
}
