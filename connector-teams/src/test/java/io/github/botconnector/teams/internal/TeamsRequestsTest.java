package io.github.botconnector.teams.internal;

import static io.github.botconnector.test.JsonAssert.assertJsonEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ActivityTypes;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.schema.ConversationParameters;
import io.github.botconnector.schema.ConversationResourceResponse;
import io.github.botconnector.teams.ChannelInfo;
import io.github.botconnector.teams.ChannelThread;
import io.github.botconnector.teams.DirectConversation;
import io.github.botconnector.teams.MeetingSurface;
import io.github.botconnector.teams.TargetedMeetingNotification;
import io.github.botconnector.teams.TeamsChannelAccount;
import io.github.botconnector.teams.TeamsRuleException;
import io.github.botconnector.test.Fixtures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Request bodies and pre-flight refusals of the Teams operations, without I/O. */
class TeamsRequestsTest {

    private static final String TENANT = "c603ca06-32cc-4a8f-9a2a-a31442aeb907";
    private static final ChannelAccount BOT = ChannelAccount.of("28:805a9832-b270-4490-a35a-a726f1fc9513", "Contoso Notifier");
    private static final String ADELE = "29:1rLA8axJC9icrhSQQbKQwSIrK1RtIEkowbq7wDybG9I0VGs-mpjBA6KvisxrKPpFFc-mmc1C0Q-4dYbOSAo-6TA";
    private static final String RELEASES = "19:9e556880874c19d2faad1be9feee1ce2@thread.tacv2";
    private static final String SERVICE_URL = "https://smba.trafficmanager.net/amer/c603ca06-32cc-4a8f-9a2a-a31442aeb907/";

    @Test
    void directConversationBodyMatchesTheRecommendedPayload() {
        ChannelAccount adele = ChannelAccount.builder().id(ADELE).name("Adele Vance")
                .aadObjectId("f47efa0c-83f3-4809-9aa3-697717f94f7e").build();
        ConversationParameters body = TeamsRequests.directConversation(BOT, adele, TENANT, null);
        assertJsonEquals(Fixtures.read("connector/create-conversation-personal.request.json"), body.toJson());

        ConversationParameters noBot = TeamsRequests.directConversation(null, adele, TENANT, null);
        assertNull(noBot.bot(), "the bot is optional; Teams infers it from the token");

        Activity first = Activity.builder().type(ActivityTypes.MESSAGE)
                .text("Your expense report ER-2231 was approved by Alex Wilber.").build();
        ConversationParameters withActivity = TeamsRequests.directConversation(ChannelAccount.of(BOT.id()), adele, TENANT, first);
        String expected = Fixtures.read("connector/create-conversation-personal-with-activity.request.json")
                .replace("\"tenantId\"", "\"channelData\": {\"tenant\": {\"id\": \"" + TENANT + "\"}}, \"tenantId\"");
        assertJsonEquals(expected, withActivity.toJson());
    }

    @Test
    void entraObjectIdGoesIntoTheMemberId() {
        ChannelAccount byAad = ChannelAccount.builder().aadObjectId("f47efa0c-83f3-4809-9aa3-697717f94f7e").build();
        ConversationParameters body = TeamsRequests.directConversation(null, byAad, TENANT, null);
        assertEquals("f47efa0c-83f3-4809-9aa3-697717f94f7e", body.members().get(0).id());
        assertNull(body.members().get(0).aadObjectId(), "an object id in aadObjectId is refused by Teams");
    }

    @Test
    void oneToOneRefusals() {
        ChannelAccount adele = ChannelAccount.of(ADELE);
        TeamsRuleException noTenant = assertThrows(TeamsRuleException.class,
                () -> TeamsRequests.directConversation(BOT, adele, null, null));
        assertTrue(noTenant.getMessage().contains("tenantId is required"), noTenant.getMessage());
        assertThrows(TeamsRuleException.class, () -> TeamsRequests.directConversation(BOT, adele, " ", null));

        TeamsRuleException upn = assertThrows(TeamsRuleException.class,
                () -> TeamsRequests.directConversation(BOT, ChannelAccount.of("AdeleV@contoso.example"), TENANT, null));
        assertTrue(upn.getMessage().contains("Teams doesn't support sending proactive messages using email or UPN"), upn.getMessage());

        TeamsRuleException groupChat = assertThrows(TeamsRuleException.class,
                () -> TeamsRequests.directConversation(BOT, ChannelAccount.of("19:5397f6f4e42b01ec4343efed6a4d865f@thread.v2"), TENANT, null));
        assertTrue(groupChat.getMessage().contains("group chat"), groupChat.getMessage());

        TeamsRuleException channel = assertThrows(TeamsRuleException.class,
                () -> TeamsRequests.directConversation(BOT, ChannelAccount.of(RELEASES), TENANT, null));
        assertTrue(channel.getMessage().contains("createChannelThread"), channel.getMessage());

        assertThrows(TeamsRuleException.class, () -> TeamsRequests.directConversation(BOT, ChannelAccount.builder().name("x").build(), TENANT, null));
        assertThrows(TeamsRuleException.class, () -> TeamsRequests.directConversation(BOT, null, TENANT, null));
    }

    @Test
    void genericCreateRefusesGroupChats() {
        ConversationParameters twoMembers = ConversationParameters.builder().isGroup(false).tenantId(TENANT)
                .members(ChannelAccount.of(ADELE), ChannelAccount.of("29:other")).build();
        TeamsRuleException many = assertThrows(TeamsRuleException.class, () -> TeamsRequests.checkCreateConversation(twoMembers));
        assertTrue(many.getMessage().contains("Teams doesn't let bots create group chats"), many.getMessage());

        ConversationParameters groupWithoutChannel = ConversationParameters.builder().isGroup(true).tenantId(TENANT)
                .members(ChannelAccount.of(ADELE)).activity(Activity.message("hi")).build();
        TeamsRuleException group = assertThrows(TeamsRuleException.class, () -> TeamsRequests.checkCreateConversation(groupWithoutChannel));
        assertTrue(group.getMessage().contains("group chat"), group.getMessage());

        ConversationParameters threadWithoutActivity = ConversationParameters.builder().isGroup(true)
                .channelData(Map.of("channel", Map.of("id", RELEASES))).build();
        TeamsRuleException noActivity = assertThrows(TeamsRuleException.class, () -> TeamsRequests.checkCreateConversation(threadWithoutActivity));
        assertTrue(noActivity.getMessage().contains("activity is required"), noActivity.getMessage());

        // Tenant only in channel data is enough; all documented 1:1 fixtures pass.
        TeamsRequests.checkCreateConversation(ConversationParameters.builder().members(ChannelAccount.of(ADELE))
                .channelData(Map.of("tenant", Map.of("id", TENANT))).build());
        for (String fixture : List.of("create-conversation-personal.request.json", "create-conversation-personal-minimal.request.json",
                "create-conversation-personal-with-activity.request.json", "create-conversation-personal-by-aad-object-id.request.json",
                "create-conversation-channel-thread.request.json", "create-conversation-general-channel-thread.request.json")) {
            TeamsRequests.checkCreateConversation(ConversationParameters.fromJson(Fixtures.read("connector/" + fixture)));
        }
    }

    @Test
    void channelThreadBodyMatchesTheFixture() {
        Activity first = Activity.message("Deployment 2026.01.15-3 started on 42 nodes.");
        ConversationParameters body = TeamsRequests.channelThread(null, RELEASES, first, TENANT);
        assertJsonEquals(Fixtures.read("connector/create-conversation-channel-thread.request.json"), body.toJson());

        TeamsRuleException noActivity = assertThrows(TeamsRuleException.class,
                () -> TeamsRequests.channelThread(null, RELEASES, null, TENANT));
        assertTrue(noActivity.getMessage().contains("first message"), noActivity.getMessage());
        assertThrows(TeamsRuleException.class,
                () -> TeamsRequests.channelThread(null, "19:5397f6f4e42b01ec4343efed6a4d865f@thread.v2", first, TENANT));
        assertThrows(TeamsRuleException.class,
                () -> TeamsRequests.channelThread(null, RELEASES + ";messageid=1768478400321", first, TENANT));
        assertThrows(TeamsRuleException.class, () -> TeamsRequests.channelThread(null, ADELE, first, TENANT));

        TeamsRuleException privateChannel = assertThrows(TeamsRuleException.class, () -> TeamsRequests.requirePostableChannel(
                ChannelInfo.builder().id("19:p@thread.tacv2").type("private").build()));
        assertTrue(privateChannel.getMessage().contains("private channel"), privateChannel.getMessage());
        TeamsRequests.requirePostableChannel(ChannelInfo.of(RELEASES));
    }

    @Test
    void resultsCarryReferencesReadyToStore() {
        ChannelAccount adele = ChannelAccount.builder().id(ADELE).name("Adele Vance")
                .aadObjectId("f47efa0c-83f3-4809-9aa3-697717f94f7e").build();
        ConversationResourceResponse created = ConversationResourceResponse.fromJson(
                Fixtures.read("connector/create-conversation-personal.response.json"));
        DirectConversation direct = TeamsRequests.directConversationResult(SERVICE_URL, created, BOT, adele, TENANT);
        String expected = Fixtures.read("connector/conversation-reference.personal.json")
                .replace("\"activityId\": \"1768478283123\",", "").replace("\"locale\": \"en-US\",", "");
        assertJsonEquals(expected, direct.reference().toJson());
        assertEquals(created.id(), direct.conversationId());

        ChannelThread thread = TeamsRequests.channelThreadResult(SERVICE_URL, ConversationResourceResponse.fromJson(
                Fixtures.read("connector/create-conversation-channel-thread.response.json")), BOT, RELEASES, TENANT);
        assertEquals(RELEASES + ";messageid=1768478400321", thread.conversationId());
        assertEquals("1768478400321", thread.activityId());
        assertEquals(RELEASES, thread.channelId());
        assertEquals(thread.conversationId(), thread.reference().conversation().id());
        assertEquals(TENANT, thread.reference().tenantId());
        assertEquals("msteams", thread.reference().channelId());
        assertEquals(SERVICE_URL, thread.reference().serviceUrl());

        // A response without the threaded id still yields one.
        ChannelThread bare = TeamsRequests.channelThreadResult(SERVICE_URL,
                ConversationResourceResponse.fromJson("{\"id\":\"" + RELEASES + "\",\"activityId\":\"42\"}"),
                BOT, RELEASES, TENANT);
        assertEquals(RELEASES + ";messageid=42", bare.conversationId());
    }

    @Test
    void meetingNotificationChecks() {
        MeetingSurface stage = MeetingSurface.meetingStage("t", "https://contoso.example/x", "300", "400");
        TargetedMeetingNotification ok = TargetedMeetingNotification.of(List.of(ADELE), stage);
        assertEquals(ok, TeamsRequests.checkMeetingNotification(ok));
        assertThrows(TeamsRuleException.class, () -> TeamsRequests.checkMeetingNotification(TargetedMeetingNotification.of(List.of(), stage)));
        List<String> many = new ArrayList<>(Collections.nCopies(51, ADELE));
        TeamsRuleException tooMany = assertThrows(TeamsRuleException.class,
                () -> TeamsRequests.checkMeetingNotification(TargetedMeetingNotification.of(many, stage)));
        assertTrue(tooMany.getMessage().contains("at most 50"), tooMany.getMessage());
        assertThrows(TeamsRuleException.class,
                () -> TeamsRequests.checkMeetingNotification(TargetedMeetingNotification.of(List.of("adele@contoso.example"), stage)));
    }

    @Test
    void membersAreIdentifiedByTeamsIdElseEntraObjectId() {
        assertEquals("29:a", TeamsRequests.memberKey(TeamsChannelAccount.builder().id("29:a").aadObjectId("x").build()));
        assertEquals("x", TeamsRequests.memberKey(TeamsChannelAccount.builder().aadObjectId("x").build()));
    }

    @Test
    void upnDetection() {
        assertTrue(TeamsIds.looksLikeEmailOrUpn("AdeleV@contoso.example"));
        assertTrue(TeamsIds.looksLikeEmailOrUpn(" adele@contoso.onmicrosoft.com "));
        assertEquals(false, TeamsIds.looksLikeEmailOrUpn(ADELE));
        assertEquals(false, TeamsIds.looksLikeEmailOrUpn("f47efa0c-83f3-4809-9aa3-697717f94f7e"));
        assertEquals(false, TeamsIds.looksLikeEmailOrUpn(RELEASES));
        assertEquals(false, TeamsIds.looksLikeEmailOrUpn("19:f47efa0c_805a9832@unq.gbl.spaces"));
    }
}
