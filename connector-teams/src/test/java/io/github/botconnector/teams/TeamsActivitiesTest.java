package io.github.botconnector.teams;

import static io.github.botconnector.test.JsonAssert.assertJsonEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.schema.ConversationAccount;
import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.schema.Mention;
import io.github.botconnector.test.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link TeamsActivities} over the Teams activity fixtures. */
class TeamsActivitiesTest {

    private static final String TENANT = "c603ca06-32cc-4a8f-9a2a-a31442aeb907";
    private static final String TEAM = "19:xU5yQt4xbGuJMzxgOjBfG6UtfiBiE3qmNxOk8mvkTH9D@thread.tacv2";
    private static final String INCIDENTS = "19:02462b0293bad658a74848c6bc2239ef@thread.tacv2";
    private static final String RELEASES = "19:9e556880874c19d2faad1be9feee1ce2@thread.tacv2";
    private static final String BOT = "28:805a9832-b270-4490-a35a-a726f1fc9513";
    private static final String ADELE = "29:1rLA8axJC9icrhSQQbKQwSIrK1RtIEkowbq7wDybG9I0VGs-mpjBA6KvisxrKPpFFc-mmc1C0Q-4dYbOSAo-6TA";
    private static final String LEE = "29:1N_IN7S35A-J_G0-6L5vhUgc1ptdTB1HmjqSDFSDpVjwjO4fP0ryUnWdb7Fot6OtaPL-ViYHOrfPvY3gDKHOm_Q";

    private static Activity fixture(String name) {
        return Activity.fromJson(Fixtures.read("activities/" + name));
    }

    @Test
    void installInPersonalScope() {
        Activity install = fixture("installation-update-add-personal.json");
        assertTrue(TeamsActivities.isInstall(install));
        assertFalse(TeamsActivities.isUninstall(install));
        assertTrue(TeamsActivities.isPersonal(install));
        assertEquals(TENANT, TeamsActivities.tenantId(install));
        assertNull(TeamsActivities.teamId(install));
        assertNull(TeamsActivities.channelId(install));

        Activity installed = fixture("conversation-update-personal-bot-installed.json");
        assertTrue(TeamsActivities.botWasAdded(installed));
        assertTrue(TeamsActivities.isInstall(installed));
        List<TeamsChannelAccount> added = TeamsActivities.membersAdded(installed);
        assertEquals(List.of(BOT, ADELE), added.stream().map(TeamsChannelAccount::id).toList());
        assertEquals("f47efa0c-83f3-4809-9aa3-697717f94f7e", added.get(1).aadObjectId());

        ConversationReference reference = TeamsActivities.conversationReference(installed);
        assertEquals(TENANT, reference.conversation().tenantId());
        assertEquals("personal", reference.conversation().conversationType());
        assertEquals(ADELE, reference.user().id());
        assertEquals(BOT, reference.bot().id());

        Activity removed = fixture("installation-update-remove-personal.json");
        assertTrue(TeamsActivities.isUninstall(removed));
        assertFalse(TeamsActivities.isInstall(removed));

        Activity upgrade = install.toBuilder().action("add-upgrade").build();
        assertTrue(TeamsActivities.isInstall(upgrade));
        assertTrue(TeamsActivities.isUninstall(install.toBuilder().action("remove-upgrade").build()));
    }

    @Test
    void botAddedToATeamAndRemoved() {
        Activity added = fixture("conversation-update-team-bot-added.json");
        assertTrue(TeamsActivities.isInstall(added));
        assertTrue(TeamsActivities.botWasAdded(added));
        assertEquals("teamMemberAdded", TeamsActivities.eventType(added));
        assertEquals(TEAM, TeamsActivities.teamId(added));
        assertEquals(TENANT, TeamsActivities.tenantId(added));
        assertNull(TeamsActivities.channelId(added), "a conversationUpdate has no channel in channelData");
        TeamsChannelData data = TeamsActivities.teamsChannelData(added);
        assertEquals("Contoso Operations", data.team().name());
        assertEquals(Map.of("selectedChannel", Map.of("id", INCIDENTS)), data.settings());

        Activity installTeam = fixture("installation-update-add-team.json");
        assertTrue(TeamsActivities.isInstall(installTeam));
        assertEquals(INCIDENTS, TeamsActivities.channelId(installTeam));
        assertFalse(TeamsActivities.isGeneralChannel(installTeam));

        Activity removed = fixture("conversation-update-team-bot-removed.json");
        assertTrue(TeamsActivities.botWasRemoved(removed));
        assertTrue(TeamsActivities.isUninstall(removed));
        assertFalse(TeamsActivities.isInstall(removed));
        assertEquals("teamMemberRemoved", TeamsActivities.eventType(removed));
    }

    @Test
    void membersAddedInATeam() {
        Activity memberAdded = fixture("conversation-update-team-member-added.json");
        assertFalse(TeamsActivities.botWasAdded(memberAdded));
        assertFalse(TeamsActivities.isInstall(memberAdded));
        assertEquals("teamMemberAdded", TeamsActivities.eventType(memberAdded));
        List<TeamsChannelAccount> added = TeamsActivities.membersAdded(memberAdded);
        assertEquals(1, added.size());
        assertEquals(LEE, added.get(0).id());
        assertEquals("c2e885db-ef00-4af4-b288-540a8c1ada4a", added.get(0).aadObjectId());
        assertEquals(TEAM, TeamsActivities.teamId(memberAdded));
        assertTrue(TeamsActivities.membersRemoved(memberAdded).isEmpty());
    }

    @Test
    void channelMessageWithMention() {
        Activity message = fixture("message-channel-mention.json");
        assertTrue(TeamsActivities.isChannel(message));
        assertEquals(RELEASES, TeamsActivities.channelId(message));
        assertEquals(TEAM, TeamsActivities.teamId(message));
        assertEquals(TENANT, TeamsActivities.tenantId(message));
        assertFalse(TeamsActivities.isGeneralChannel(message));
        assertEquals("what is the status of deployment 2026.01.15-3?", TeamsActivities.textWithoutMention(message));
        assertEquals("1768478100456", TeamsActivities.rootMessageIdOfThread(message.conversation().id()));

        // Without any channel data the channel id still comes from the threaded conversation id.
        Activity bare = message.toBuilder().channelData(null).build();
        assertEquals(RELEASES, TeamsActivities.channelId(bare));
        assertNull(TeamsActivities.teamId(bare));
        assertEquals(TENANT, TeamsActivities.tenantId(bare), "falls back to conversation.tenantId");

        // Only deprecated duplicates present.
        Activity legacy = message.toBuilder().channelData(Map.of("teamsChannelId", INCIDENTS, "teamsTeamId", TEAM)).build();
        assertEquals(INCIDENTS, TeamsActivities.channelId(legacy));
        assertEquals(TEAM, TeamsActivities.teamId(legacy));

        // In the General channel the channel id is the team id.
        Activity general = message.toBuilder().channelData(Map.of("channel", Map.of("id", TEAM), "team", Map.of("id", TEAM))).build();
        assertTrue(TeamsActivities.isGeneralChannel(general));
    }

    @Test
    void mentionOfSomeoneElseIsKept() {
        Activity message = fixture("message-channel-mention.json").toBuilder()
                .text("<at>Contoso Notifier</at> page <at>Lee Gu</at> now")
                .addEntity(Mention.of(ChannelAccount.of(LEE, "Lee Gu")).toEntity())
                .build();
        assertEquals("page <at>Lee Gu</at> now", TeamsActivities.textWithoutMention(message));
        assertEquals("", TeamsActivities.textWithoutMention(Activity.builder().type("message").build()));
        assertEquals("hi", TeamsActivities.textWithoutMention(Activity.message("  hi ")));
    }

    @Test
    void groupChat() {
        Activity message = fixture("message-group-chat.json");
        assertTrue(TeamsActivities.isGroupChat(message));
        assertFalse(TeamsActivities.isChannel(message));
        assertNull(TeamsActivities.teamId(message));
        assertNull(TeamsActivities.channelId(message), "a group chat is not a channel");
        assertEquals(TENANT, TeamsActivities.tenantId(message));
        assertEquals("remind us about the release review at 15:00", TeamsActivities.textWithoutMention(message));
    }

    @Test
    void unknownNestedFieldsInTeamStillYieldTeamAndChannelIds() {
        Activity message = fixture("message-unknown-properties.json");
        assertEquals(TEAM, TeamsActivities.teamId(message));
        assertEquals(INCIDENTS, TeamsActivities.channelId(message));
        assertEquals(TENANT, TeamsActivities.tenantId(message));
        assertEquals("ping", TeamsActivities.textWithoutMention(message));
        assertEquals(TEAM, TeamsActivities.teamsChannelData(message).team().id());

        // Even odd shapes of members the helpers do not read never hide the ids.
        Activity odd = message.toBuilder().channelData(Map.of(
                "team", Map.of("id", TEAM, "name", List.of("not", "a", "string"), "aadGroupId", Map.of("x", 1)),
                "channel", Map.of("id", INCIDENTS, "type", 42),
                "tenant", Map.of("id", TENANT, "extra", List.of()),
                "settings", "not-an-object",
                "notification", "weird")).build();
        assertEquals(TEAM, TeamsActivities.teamId(odd));
        assertEquals(INCIDENTS, TeamsActivities.channelId(odd));
        assertEquals(TENANT, TeamsActivities.tenantId(odd));
    }

    @Test
    void legacyChannelCreatedEvent() {
        Activity created = fixture("conversation-update-legacy-channel-created.json");
        assertEquals("channelCreated", TeamsActivities.eventType(created));
        assertEquals("19:c006ae2b0961a96f89b3c9bcdbe812e9@thread.skype", TeamsActivities.channelId(created));
        assertEquals("Field Reports", TeamsActivities.teamsChannelData(created).channel().name());
        assertEquals(TENANT, TeamsActivities.tenantId(created), "from channelData; no conversation.tenantId");
        ConversationReference reference = TeamsActivities.conversationReference(created);
        assertEquals(TENANT, reference.conversation().tenantId(), "tenant filled in from channelData");
        assertEquals("19:db6caeecb5370859c355f1948cd28a25@thread.skype", reference.conversation().id());
    }

    @Test
    void mentionBuilderMatchesTheFixture() {
        ChannelAccount adele = ChannelAccount.of(ADELE, "Adele Vance");
        Activity message = Activity.builder().type("message")
                .text("purchase order PO-4471 (EUR 12,400) is waiting for your approval.")
                .summary("Approval needed: PO-4471").build();
        Activity sent = TeamsActivities.withAlert(TeamsActivities.withMention(message, adele));
        assertJsonEquals(Fixtures.read("connector/send-notification-mention-alert.request.json"), sent.toJson());

        // Text that already contains the mention is left alone.
        Activity already = TeamsActivities.withMention(Activity.message("Hi <at>Adele Vance</at>!"), adele);
        assertEquals("Hi <at>Adele Vance</at>!", already.text());
        assertEquals(1, already.mentions().size());

        Mention escaped = TeamsActivities.mention(ChannelAccount.of(ADELE, "R&D <Ops>"));
        assertEquals("<at>R&amp;D &lt;Ops&gt;</at>", escaped.text());
        assertEquals(ADELE, escaped.mentioned().id());
        assertThrows(IllegalArgumentException.class, () -> TeamsActivities.mention(ChannelAccount.builder().name("x").build()));
    }

    @Test
    void alertMergesIntoExistingChannelData() throws Exception {
        Activity message = Activity.builder().type("message").text("t")
                .channelData(Map.of("tenant", Map.of("id", TENANT), "notification", Map.of("alertInMeeting", false), "x-keep", 1))
                .build();
        Activity alerted = TeamsActivities.withAlert(message);
        assertJsonEquals("{\"tenant\":{\"id\":\"" + TENANT + "\"},\"notification\":{\"alertInMeeting\":false,\"alert\":true},\"x-keep\":1}",
                new ObjectMapper().writeValueAsString(alerted.channelData()));
        assertEquals(Boolean.TRUE, TeamsActivities.teamsChannelData(alerted).notification().alert());

        // A typed channel data object is merged as well.
        Activity typed = Activity.message("t").toBuilder().channelData(TeamsChannelData.ofTenant(TENANT)).build();
        TeamsChannelData merged = TeamsActivities.teamsChannelData(TeamsActivities.withAlert(typed));
        assertEquals(TENANT, merged.tenant().id());
        assertEquals(Boolean.TRUE, merged.notification().alert());

        Activity meeting = TeamsActivities.withMeetingAlert(Activity.message("t"), "https://teams.microsoft.com/l/bubble/app?url=x");
        assertEquals(Boolean.TRUE, TeamsActivities.teamsChannelData(meeting).notification().alertInMeeting());
        assertEquals("https://teams.microsoft.com/l/bubble/app?url=x",
                TeamsActivities.teamsChannelData(meeting).notification().externalResourceUrl());

        Activity withTenant = TeamsActivities.withTenant(alerted, "other");
        assertEquals("other", TeamsActivities.tenantId(withTenant));
        assertEquals(Boolean.TRUE, TeamsActivities.teamsChannelData(withTenant).notification().alert());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TeamsActivities.withAlert(Activity.message("t").toBuilder().channelData(List.of(1)).build()));
        assertTrue(e.getMessage().contains("channelData must be a JSON object"), e.getMessage());
    }

    @Test
    void channelThreadTargets() {
        String thread = TeamsActivities.threadConversationId(RELEASES, "1768478400321");
        assertEquals(RELEASES + ";messageid=1768478400321", thread);
        assertEquals(RELEASES, TeamsActivities.channelIdOfThread(thread));
        assertEquals("1768478400321", TeamsActivities.rootMessageIdOfThread(thread));
        assertEquals(RELEASES, TeamsActivities.channelIdOfThread(RELEASES));
        assertNull(TeamsActivities.rootMessageIdOfThread(RELEASES));

        Activity reply = TeamsActivities.inThread(Activity.message("done").toBuilder()
                .conversation(ConversationAccount.builder().tenantId(TENANT).build()).build(), RELEASES, "1768478400321");
        assertEquals(thread, reply.conversation().id());
        assertEquals(TENANT, reply.conversation().tenantId());
        assertEquals("channel", reply.conversation().conversationType());

        assertThrows(IllegalArgumentException.class, () -> TeamsActivities.threadConversationId(RELEASES, "0"));
        assertThrows(IllegalArgumentException.class, () -> TeamsActivities.threadConversationId(RELEASES, "abc"));
        assertThrows(IllegalArgumentException.class, () -> TeamsActivities.threadConversationId(" ", "1"));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> TeamsActivities.threadConversationId(thread, "1"));
        assertTrue(twice.getMessage().contains("already a thread"), twice.getMessage());
    }
}
