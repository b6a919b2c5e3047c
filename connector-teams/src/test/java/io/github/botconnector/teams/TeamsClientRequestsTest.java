package io.github.botconnector.teams;

import static io.github.botconnector.teams.support.RecordingDispatcher.body;
import static io.github.botconnector.teams.support.RecordingDispatcher.json;
import static io.github.botconnector.test.JsonAssert.assertJsonEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.schema.ConversationParameters;
import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.schema.ResourceResponse;
import io.github.botconnector.teams.support.TeamsServerTest;
import io.github.botconnector.teams.support.TestClients;
import io.github.botconnector.test.CapturedLogs;
import io.github.botconnector.test.Fixtures;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The request of every Teams operation, checked against the fixtures on a mock Bot Connector. */
class TeamsClientRequestsTest extends TeamsServerTest {

    private static final String TEAM = "19:xU5yQt4xbGuJMzxgOjBfG6UtfiBiE3qmNxOk8mvkTH9D@thread.tacv2";
    private static final String TEAM_ENC = "19%3AxU5yQt4xbGuJMzxgOjBfG6UtfiBiE3qmNxOk8mvkTH9D%40thread.tacv2";
    private static final String RELEASES = "19:9e556880874c19d2faad1be9feee1ce2@thread.tacv2";
    private static final String RELEASES_ENC = "19%3A9e556880874c19d2faad1be9feee1ce2%40thread.tacv2";
    private static final ChannelAccount BOT = ChannelAccount.of("28:805a9832-b270-4490-a35a-a726f1fc9513", "Contoso Notifier");
    private static final String ADELE = "29:1rLA8axJC9icrhSQQbKQwSIrK1RtIEkowbq7wDybG9I0VGs-mpjBA6KvisxrKPpFFc-mmc1C0Q-4dYbOSAo-6TA";
    private static final String ADELE_ENC = "29%3A1rLA8axJC9icrhSQQbKQwSIrK1RtIEkowbq7wDybG9I0VGs-mpjBA6KvisxrKPpFFc-mmc1C0Q-4dYbOSAo-6TA";

    private void enqueue(int code, String body) {
        server.enqueue(json(code, body));
    }

    @Test
    void createOrGetDirectConversation() throws Exception {
        enqueue(201, Fixtures.read("connector/create-conversation-personal.response.json"));
        ChannelAccount adele = ChannelAccount.builder().id(ADELE).name("Adele Vance")
                .aadObjectId("f47efa0c-83f3-4809-9aa3-697717f94f7e").build();
        DirectConversation direct = teams.createOrGetDirectConversation(BOT, adele, TENANT);

        RecordedRequest request = take();
        assertEquals("POST", request.getMethod());
        assertEquals(prefix + "v3/conversations", request.getTarget());
        assertJsonEquals(Fixtures.read("connector/create-conversation-personal.request.json"), body(request));
        assertTrue(request.getHeaders().get("Content-Type").startsWith("application/json"));

        String expectedReference = Fixtures.read("connector/conversation-reference.personal.json")
                .replace("\"activityId\": \"1768478283123\",", "").replace("\"locale\": \"en-US\",", "")
                .replace("https://smba.trafficmanager.net/amer/c603ca06-32cc-4a8f-9a2a-a31442aeb907/", teams.serviceUrl());
        assertJsonEquals(expectedReference, direct.reference().toJson());
        assertTrue(direct.conversationId().startsWith("a:1R_0bImEnyH6vt"));
        assertEquals(TENANT, direct.reference().tenantId());

        enqueue(201, Fixtures.read("connector/create-conversation-personal.response.json"));
        teams.createOrGetDirectConversation(ChannelAccount.of(BOT.id()), adele, TENANT,
                Activity.message("Your expense report ER-2231 was approved by Alex Wilber."));
        RecordedRequest withActivity = take();
        assertJsonEquals(Fixtures.read("connector/create-conversation-personal-with-activity.request.json")
                        .replace("\"tenantId\"", "\"channelData\": {\"tenant\": {\"id\": \"" + TENANT + "\"}}, \"tenantId\""),
                body(withActivity));
    }

    @Test
    void refusalsHappenBeforeAnyRequest() {
        ChannelAccount adele = ChannelAccount.of(ADELE);
        TeamsRuleException noTenant = assertThrows(TeamsRuleException.class,
                () -> teams.createOrGetDirectConversation(BOT, adele, null));
        assertTrue(noTenant.getMessage().contains("tenant"), noTenant.getMessage());
        TeamsRuleException upn = assertThrows(TeamsRuleException.class,
                () -> teams.createOrGetDirectConversation(BOT, ChannelAccount.of("AdeleV@contoso.example"), TENANT));
        assertTrue(upn.getMessage().contains("Teams doesn't support sending proactive messages using email or UPN"));
        TeamsRuleException group = assertThrows(TeamsRuleException.class, () -> teams.createConversation(
                ConversationParameters.builder().isGroup(true).tenantId(TENANT)
                        .members(ChannelAccount.of(ADELE), ChannelAccount.of("29:x")).activity(Activity.message("hi")).build()));
        assertTrue(group.getMessage().contains("group chat"), group.getMessage());
        TeamsRuleException privateChannel = assertThrows(TeamsRuleException.class, () -> teams.createChannelThread(
                ChannelInfo.builder().id("19:secret@thread.tacv2").type(ChannelInfo.TYPE_PRIVATE).build(), Activity.message("x"), TENANT));
        assertTrue(privateChannel.getMessage().contains("private channel"), privateChannel.getMessage());
        assertThrows(TeamsRuleException.class, () -> teams.createChannelThread(RELEASES, null));
        assertThrows(IllegalArgumentException.class, () -> teams.teamDetails(" "));

        // The async view throws the same refusal at once, as the core client's async view does.
        assertThrows(TeamsRuleException.class, () -> teams.async().createOrGetDirectConversation(BOT, adele, ""));

        assertEquals(0, server.getRequestCount(), "nothing was sent");
    }

    @Test
    void createChannelThreadAndReply() throws Exception {
        enqueue(201, Fixtures.read("connector/create-conversation-channel-thread.response.json"));
        ChannelThread thread = teams.createChannelThread(RELEASES, Activity.message("Deployment 2026.01.15-3 started on 42 nodes."), TENANT);
        RecordedRequest create = take();
        assertEquals("POST", create.getMethod());
        assertEquals(prefix + "v3/conversations", create.getTarget());
        assertJsonEquals(Fixtures.read("connector/create-conversation-channel-thread.request.json"), body(create));
        assertEquals(RELEASES + ";messageid=1768478400321", thread.conversationId());
        assertEquals("1768478400321", thread.activityId());

        enqueue(201, Fixtures.read("connector/reply-to-activity.response.json"));
        ResourceResponse reply = teams.replyInThread(thread.reference(), Activity.message("Deployment finished."));
        assertTrue(reply.id() != null && !reply.id().isEmpty());
        RecordedRequest post = take();
        assertEquals("POST", post.getMethod());
        assertEquals(prefix + "v3/conversations/" + RELEASES_ENC + "%3Bmessageid%3D1768478400321/activities", post.getTarget());
        Activity sent = Activity.fromJson(body(post));
        assertEquals("Deployment finished.", sent.text());
        assertEquals(thread.conversationId(), sent.conversation().id());

        enqueue(201, Fixtures.read("connector/reply-to-activity.response.json"));
        teams.replyInThread(thread.conversationId(), Activity.message("again"));
        assertEquals(prefix + "v3/conversations/" + RELEASES_ENC + "%3Bmessageid%3D1768478400321/activities", take().getTarget());

        // The General channel: the team id is the channel id.
        enqueue(201, "{\"id\":\"" + TEAM + ";messageid=1768478400999\",\"activityId\":\"1768478400999\"}");
        teams.createChannelThread(BOT, TEAM, Activity.message("Contoso Notifier was added to this team. Type 'help' to see what I can do."), TENANT);
        ConversationParameters general = ConversationParameters.fromJson(body(take()));
        assertEquals(Boolean.TRUE, general.isGroup());
        assertEquals(TEAM, ((java.util.Map<?, ?>) ((java.util.Map<?, ?>) general.channelData()).get("channel")).get("id"));
        assertEquals(BOT, general.bot());

        assertThrows(TeamsRuleException.class, () -> teams.replyInThread(RELEASES, Activity.message("not a thread id")));
    }

    @Test
    void teamDetailsAndChannels() throws Exception {
        enqueue(200, Fixtures.read("connector/team-details.response.json"));
        TeamDetails details = teams.teamDetails(TEAM);
        RecordedRequest request = take();
        assertEquals("GET", request.getMethod());
        assertEquals(prefix + "v3/teams/" + TEAM_ENC, request.getTarget());
        assertEquals(27, details.memberCount());

        enqueue(200, Fixtures.read("connector/channel-list.response.json"));
        List<ChannelInfo> channels = teams.channels(TEAM);
        assertEquals(prefix + "v3/teams/" + TEAM_ENC + "/conversations", take().getTarget());
        assertEquals(List.of(TEAM, "19:02462b0293bad658a74848c6bc2239ef@thread.tacv2", RELEASES),
                channels.stream().map(ChannelInfo::id).toList());
    }

    @Test
    void membersPagedAndSingle() throws Exception {
        enqueue(200, Fixtures.read("connector/paged-members.response.page1.json"));
        enqueue(200, Fixtures.read("connector/paged-members.response.last.json"));
        List<TeamsChannelAccount> members = teams.members(TEAM);
        assertEquals(3, members.size());
        RecordedRequest first = take();
        assertEquals("GET", first.getMethod());
        assertEquals(prefix + "v3/conversations/" + TEAM_ENC + "/pagedmembers?pageSize=500", first.getTarget());
        RecordedRequest second = take();
        assertEquals(prefix + "v3/conversations/" + TEAM_ENC + "/pagedmembers", second.getUrl().encodedPath());
        assertEquals("a1b2c3SW5Jc0xhc3RQYWdlPWZhbHNlO1NraXA9Mjswd2VpcmQtYnV0LW9wYXF1ZQ",
                second.getUrl().queryParameter("continuationToken"));
        assertEquals("500", second.getUrl().queryParameter("pageSize"));

        enqueue(200, Fixtures.read("connector/paged-members.response.page1.json"));
        TeamsPagedMembersResult page = teams.membersPage(TEAM, 100, null);
        assertEquals(prefix + "v3/conversations/" + TEAM_ENC + "/pagedmembers?pageSize=100", take().getTarget());
        assertEquals(2, page.members().size());

        enqueue(200, Fixtures.read("connector/member.response.json"));
        TeamsChannelAccount adele = teams.member(TEAM, ADELE);
        assertEquals(prefix + "v3/conversations/" + TEAM_ENC + "/members/" + ADELE_ENC, take().getTarget());
        assertEquals("f47efa0c-83f3-4809-9aa3-697717f94f7e", adele.aadObjectId());

        enqueue(200, Fixtures.read("connector/member.response.json"));
        teams.member(TEAM, "f47efa0c-83f3-4809-9aa3-697717f94f7e");
        assertEquals(prefix + "v3/conversations/" + TEAM_ENC + "/members/f47efa0c-83f3-4809-9aa3-697717f94f7e", take().getTarget());
    }

    @Test
    void meetingOperations() throws Exception {
        String meetingId = "MCMxOTptZWV0aW5nX1pqRTNOV0kwWVdRdE1EQTJNUzAwWkRWa0xXRXlNbVl0T1dWbE1UZGtOalJqWXpRMkB0aHJlYWQudjIjMA==";
        String meetingEnc = "MCMxOTptZWV0aW5nX1pqRTNOV0kwWVdRdE1EQTJNUzAwWkRWa0xXRXlNbVl0T1dWbE1UZGtOalJqWXpRMkB0aHJlYWQudjIjMA%3D%3D";
        enqueue(200, "{\"details\":{\"id\":\"" + meetingId + "\",\"title\":\"Release review\",\"type\":\"Scheduled\"},"
                + "\"conversation\":{\"id\":\"19:meeting_x@thread.v2\",\"isGroup\":true},\"organizer\":{\"id\":\"29:o\",\"objectId\":\"oid\"}}");
        MeetingInfo info = teams.meetingInfo(meetingId);
        RecordedRequest request = take();
        assertEquals("GET", request.getMethod());
        assertEquals(prefix + "v1/meetings/" + meetingEnc, request.getTarget());
        assertEquals("Release review", info.details().title());
        assertEquals("oid", info.organizer().aadObjectId());

        enqueue(200, "{\"user\":{\"id\":\"" + ADELE + "\",\"name\":\"Adele Vance\"},\"meeting\":{\"role\":\"Organizer\",\"inMeeting\":true},"
                + "\"conversation\":{\"id\":\"19:meeting_x@thread.v2\"}}");
        TeamsMeetingParticipant participant = teams.meetingParticipant(meetingId, "f47efa0c-83f3-4809-9aa3-697717f94f7e", TENANT);
        assertEquals(prefix + "v1/meetings/" + meetingEnc + "/participants/f47efa0c-83f3-4809-9aa3-697717f94f7e?tenantId=" + TENANT,
                take().getTarget());
        assertEquals("Organizer", participant.meeting().role());
        assertThrows(TeamsRuleException.class, () -> teams.meetingParticipant(meetingId, "p", null));

        TargetedMeetingNotification notification = TargetedMeetingNotification.fromJson(Fixtures.read("connector/meeting-notification.request.json"));
        server.enqueue(new MockResponse.Builder().code(202).build());
        MeetingNotificationResponse allSent = teams.sendMeetingNotification(meetingId, notification);
        RecordedRequest post = take();
        assertEquals("POST", post.getMethod());
        assertEquals(prefix + "v1/meetings/" + meetingEnc + "/notification", post.getTarget());
        assertJsonEquals(Fixtures.read("connector/meeting-notification.request.json"), body(post));
        assertTrue(allSent.allSent());

        enqueue(207, Fixtures.read("connector/meeting-notification.response.207.json"));
        MeetingNotificationResponse partial = teams.sendMeetingNotification(meetingId, notification);
        take();
        assertFalse(partial.allSent());
        assertEquals("MemberNotFoundInConversation", partial.recipientsFailureInfo().get(0).errorCode());
    }

    @Test
    void theTokenIsNeverLogged() throws Exception {
        CapturedLogs.clear();
        enqueue(201, Fixtures.read("connector/create-conversation-personal.response.json"));
        teams.createOrGetDirectConversation(BOT, ChannelAccount.of(ADELE), TENANT);
        enqueue(403, Fixtures.read("connector/errors/bot-not-in-conversation-roster.403.json"));
        assertThrows(RuntimeException.class, () -> teams.members(TEAM));
        take();
        take();
        assertFalse(CapturedLogs.allText().contains(TestClients.TOKEN), "no token in the logs");
        assertTrue(CapturedLogs.allText().contains("v3/conversations"), "requests are traced at debug level");
    }

    @Test
    void sendThroughAReferenceUsesItsServiceUrl() throws Exception {
        ConversationReference reference = ConversationReference.fromJson(Fixtures.read("connector/conversation-reference.personal.json"))
                .toBuilder().serviceUrl(server.url("/emea/").toString()).build();
        enqueue(201, Fixtures.read("connector/send-to-conversation.response.json"));
        teams.send(reference, Activity.message("hello"));
        RecordedRequest post = take();
        assertTrue(post.getTarget().startsWith("/emea/v3/conversations/a%3A1R_0bImEnyH6vt"), post.getTarget());
        Activity sent = Activity.fromJson(body(post));
        assertEquals(reference.bot(), sent.from());
        assertEquals(reference.user(), sent.recipient());
        assertNull(sent.replyToId());
    }
}
