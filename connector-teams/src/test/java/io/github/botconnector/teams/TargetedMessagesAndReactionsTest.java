package io.github.botconnector.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.exception.ConnectorResponseException;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.teams.messages.TeamsMessages;
import io.github.botconnector.teams.support.TestClients;
import io.github.botconnector.testing.Exchange;
import io.github.botconnector.testing.FakeConnector;
import io.github.botconnector.testing.FakeGroupChat;
import io.github.botconnector.testing.FakeTeam;
import io.github.botconnector.testing.FakeUser;
import io.github.botconnector.testsupport.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Targeted messages and reactions against the fake connector, including what Teams refuses and the reaction limit. */
class TargetedMessagesAndReactionsTest {

    static final Instant START = Instant.parse("2026-01-15T12:00:00Z");

    @Test
    void targetedMessageInAGroupChatIsSentUpdatedAndDeletedForItsRecipientOnly() {
        ManualClock time = new ManualClock(START);
        try (FakeConnector fake = FakeConnector.builder().contoso().clock(time).start();
             ConnectorClient client = TestClients.connector(fake.serviceUrl())) {
            FakeGroupChat chat = fake.groupChat("Launch planning");
            ConversationReference ref = fake.installBotInGroupChat(chat);
            FakeUser adele = fake.user("Adele Vance");
            TeamsClient teams = TeamsClient.of(client);

            String id = teams.sendTargeted(ref, adele.toChannelAccount(),
                    Activity.message("Only you can see this: your launch task is the press release.")).id();

            assertEquals(adele.id(), fake.targetedRecipient(chat.id(), id));
            Exchange create = last(fake);
            assertEquals("POST", create.method());
            assertEquals("isTargetedActivity=true", create.query());
            assertTrue(create.requestBody().contains(adele.id()), create.requestBody());

            teams.updateTargeted(chat.id(), id, Activity.message("Only you can see this: your launch task is the blog."));
            assertEquals("isTargetedActivity=true", last(fake).query());
            Activity updated = fake.conversation(chat.id()).activities().get(0);
            assertEquals("Only you can see this: your launch task is the blog.", updated.text());
            assertEquals(adele.id(), updated.recipient().id(), "the recipient stays");
            assertEquals(adele.id(), fake.targetedRecipient(chat.id(), id));

            teams.deleteTargeted(chat.id(), id);
            assertEquals("isTargetedActivity=true", last(fake).query());
            assertEquals(List.of(), fake.conversation(chat.id()).activities());
            assertNull(fake.targetedRecipient(chat.id(), id));
        }
    }

    @Test
    void targetedMessageInAChannel() {
        try (FakeConnector fake = FakeConnector.builder().contoso().start();
             ConnectorClient client = TestClients.connector(fake.serviceUrl())) {
            FakeTeam team = fake.team("Contoso Operations");
            fake.installBotInTeam(team);
            FakeUser lee = fake.user("Lee Gu");
            String channelId = team.channel("Incidents").id();

            String id = TeamsClient.of(client).sendTargeted(channelId, lee.toChannelAccount(),
                    Activity.message("Only you can see this: you are on call tonight.")).id();

            assertEquals(lee.id(), fake.targetedRecipient(channelId, id));
        }
    }

    @Test
    void whatTeamsRefusesIsRefusedBeforeAnyRequest() {
        try (FakeConnector fake = FakeConnector.builder().contoso().start();
             ConnectorClient client = TestClients.connector(fake.serviceUrl())) {
            FakeGroupChat chat = fake.groupChat("Launch planning");
            ConversationReference ref = fake.installBotInGroupChat(chat);
            ChannelAccount adele = fake.user("Adele Vance").toChannelAccount();
            TeamsClient teams = TeamsClient.of(client);
            String id = teams.sendTargeted(ref, adele, Activity.message("For Adele only.")).id();
            int exchanges = fake.exchanges().size();

            TeamsRuleException noRecipient = assertThrows(TeamsRuleException.class,
                    () -> teams.sendTargeted(ref, null, Activity.message("For nobody.")));
            assertTrue(noRecipient.getMessage().contains("needs its recipient"), noRecipient.getMessage());
            assertThrows(TeamsRuleException.class,
                    () -> teams.sendTargeted(ref, ChannelAccount.of(fake.botId()), Activity.message("For the bot.")));
            assertThrows(TeamsRuleException.class,
                    () -> teams.sendTargeted(ref, ChannelAccount.of("adele@contoso.example"), Activity.message("By mail.")));
            assertThrows(TeamsRuleException.class, () -> teams.sendTargeted(ref, adele, TeamsMessages.typing()));
            TeamsRuleException recipientEdit = assertThrows(TeamsRuleException.class, () -> teams.updateTargeted(
                    chat.id(), id, Activity.message("Now for Alex.").toBuilder()
                            .recipient(fake.user("Alex Wilber").toChannelAccount()).build()));
            assertTrue(recipientEdit.getMessage().contains("Cannot edit Recipient of Targeted Message"),
                    recipientEdit.getMessage());

            assertEquals(exchanges, fake.exchanges().size(), "nothing was sent");
        }
    }

    @Test
    void whatOnlyTheServiceKnowsIsRefusedByIt() {
        try (FakeConnector fake = FakeConnector.builder().contoso().start();
             ConnectorClient client = TestClients.connector(fake.serviceUrl())) {
            FakeGroupChat chat = fake.groupChat("Launch planning");
            ConversationReference ref = fake.installBotInGroupChat(chat);
            FakeUser megan = fake.addUser("Megan Bowen");
            TeamsClient teams = TeamsClient.of(client);

            ConnectorResponseException notMember = assertThrows(ConnectorResponseException.class,
                    () -> teams.sendTargeted(ref, megan.toChannelAccount(), Activity.message("You are not in this chat.")));
            assertEquals(400, notMember.statusCode());

            String plain = teams.send(ref, Activity.message("For everyone.")).id();
            ConnectorResponseException notTargeted = assertThrows(ConnectorResponseException.class,
                    () -> teams.updateTargeted(chat.id(), plain, Activity.message("Edited.")));
            assertEquals(400, notTargeted.statusCode());
        }
    }

    @Test
    void reactionsArePacedBelowTwoPerSecondAcrossConversationsSoTheFakeNeverThrottles() {
        ManualClock time = new ManualClock(START);
        try (FakeConnector fake = FakeConnector.builder().contoso().clock(time).start();
             ConnectorClient client = TestClients.connector(fake.serviceUrl())) {
            List<String[]> messages = messagesInThreeConversations(fake, client);
            TeamsClient teams = TeamsClient.of(client).withReactionPacer(ReactionPacer.of(time, time::sleep));
            String[] types = {ReactionTypes.LIKE, ReactionTypes.HEART, ReactionTypes.LAUGH, ReactionTypes.SURPRISED,
                    ReactionTypes.SAD, "1f44b_wavinghand"};
            int before = fake.exchanges().size();

            for (int i = 0; i < types.length; i++) {
                String[] m = messages.get(i % messages.size());
                teams.addReaction(m[0], m[1], types[i]);
            }

            List<Exchange> reactions = fake.exchanges().subList(before, fake.exchanges().size());
            assertEquals(6, reactions.size());
            assertTrue(reactions.stream().allMatch(e -> e.status() == 200), () -> statuses(reactions));
            assertAtMostTwoPerSecond(reactions);
            assertTrue(Duration.between(START, time.instant()).compareTo(Duration.ofSeconds(2)) >= 0,
                    "six reactions take at least two seconds: " + time.instant());
            assertEquals(List.of(ReactionTypes.LIKE, ReactionTypes.SURPRISED),
                    fake.reactions(messages.get(0)[0], messages.get(0)[1]));
        }
    }

    @Test
    void concurrentAsyncReactionsAreAllDeliveredWithinTheLimit() {
        ManualClock time = new ManualClock(START);
        try (FakeConnector fake = FakeConnector.builder().contoso().clock(time).start();
             ConnectorClient client = TestClients.connector(fake.serviceUrl())) {
            List<String[]> messages = messagesInThreeConversations(fake, client);
            TeamsClient teams = TeamsClient.of(client).withReactionPacer(ReactionPacer.of(time, time::sleep));
            int before = fake.exchanges().size();

            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String[] m = messages.get(i % messages.size());
                all.add(teams.async().addReaction(m[0], m[1], i < 4 ? ReactionTypes.LIKE : ReactionTypes.HEART));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();

            List<Exchange> reactions = fake.exchanges().subList(before, fake.exchanges().size());
            assertEquals(8, reactions.size());
            assertTrue(reactions.stream().allMatch(e -> e.status() == 200), () -> statuses(reactions));
            assertAtMostTwoPerSecond(reactions);
        }
    }

    @Test
    void reactionsAreIdempotentRemovableAndFailOnDeletedMessages() {
        ManualClock time = new ManualClock(START);
        try (FakeConnector fake = FakeConnector.builder().contoso().clock(time).start();
             ConnectorClient client = TestClients.connector(fake.serviceUrl())) {
            ConversationReference ref = fake.installBotFor(fake.user("Adele Vance"));
            TeamsClient teams = TeamsClient.of(client).withReactionPacer(ReactionPacer.of(time, time::sleep));
            String conversation = ref.conversation().id();
            String id = teams.send(ref, Activity.message("Deployment finished.")).id();

            teams.addReaction(conversation, id, ReactionTypes.LIKE);
            teams.addReaction(conversation, id, ReactionTypes.LIKE);
            teams.addReaction(conversation, id, ReactionTypes.HEART);
            assertEquals(List.of(ReactionTypes.LIKE, ReactionTypes.HEART), fake.reactions(conversation, id));
            teams.removeReaction(conversation, id, ReactionTypes.LIKE);
            assertEquals(List.of(ReactionTypes.HEART), fake.reactions(conversation, id));

            client.deleteActivity(conversation, id);
            ConnectorResponseException gone = assertThrows(ConnectorResponseException.class,
                    () -> teams.addReaction(conversation, id, ReactionTypes.LIKE));
            assertEquals(404, gone.statusCode());
            assertThrows(IllegalArgumentException.class, () -> teams.addReaction(conversation, id, "thumbs up"));
        }
    }

    /** One bot message in Adele's and Alex's 1:1 chats and in the group chat: {conversationId, activityId}. */
    private static List<String[]> messagesInThreeConversations(FakeConnector fake, ConnectorClient client) {
        List<ConversationReference> refs = List.of(fake.installBotFor(fake.user("Adele Vance")),
                fake.installBotFor(fake.user("Alex Wilber")), fake.installBotInGroupChat(fake.groupChat("Launch planning")));
        List<String[]> out = new ArrayList<>();
        for (ConversationReference ref : refs) {
            String id = client.send(ref, Activity.message("The release is out.")).id();
            out.add(new String[] {ref.conversation().id(), id});
        }
        return out;
    }

    private static void assertAtMostTwoPerSecond(List<Exchange> exchanges) {
        for (Exchange e : exchanges) {
            long inWindow = exchanges.stream()
                    .filter(o -> !o.at().isBefore(e.at()) && o.at().isBefore(e.at().plusSeconds(1))).count();
            assertTrue(inWindow <= 2, () -> inWindow + " reactions within a second from " + e.at() + ": " + statuses(exchanges));
        }
    }

    private static String statuses(List<Exchange> exchanges) {
        return exchanges.stream().map(e -> e.at() + " " + e.method() + " " + e.status()).toList().toString();
    }

    private static Exchange last(FakeConnector fake) {
        List<Exchange> all = fake.exchanges();
        return all.get(all.size() - 1);
    }
}
