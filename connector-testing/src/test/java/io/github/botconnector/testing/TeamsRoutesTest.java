package io.github.botconnector.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.botconnector.test.Fixtures;
import io.github.botconnector.test.JsonAssert;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TeamsRoutesTest {

    @RegisterExtension
    static FakeConnectorExtension ext = FakeConnectorExtension.builder()
            .contoso(t -> t.user("Megan Bowen")
                    .team("Leadership", team -> team.privateChannel("Board").members("Megan Bowen").botInstalled())
                    .meeting("Release vote", m -> m.organizer("Adele Vance").participants("Alex Wilber")))
            .build();

    static final Http http = new Http();

    @AfterAll
    static void closeHttp() {
        http.close();
    }

    static String fixture(String name) {
        return Fixtures.read("connector/" + name);
    }

    @Test
    void channelThreadCreateFromFixture(FakeConnector fake) {
        fake.installBotInTeam(fake.team("Contoso Operations"));
        Http.Resp r = http.post(fake.serviceUrl() + "v3/conversations", fixture("create-conversation-channel-thread.request.json"));
        assertEquals(201, r.status(), r.body());
        String id = r.json().get("id").asText();
        String activityId = r.json().get("activityId").asText();
        assertEquals("19:9e556880874c19d2faad1be9feee1ce2@thread.tacv2;messageid=" + activityId, id);
        assertEquals(List.of("Deployment 2026.01.15-3 started on 42 nodes."), fake.conversation(id).texts());

        Http.Resp reply = http.post(fake.serviceUrl() + "v3/conversations/" + Http.seg(id) + "/activities",
                "{\"type\":\"message\",\"text\":\"done\"}");
        assertEquals(201, reply.status(), reply.body());
        assertEquals(activityId, fake.conversation(id).activities().get(1).replyToId());
        Http.Resp replyByRoute = http.post(fake.serviceUrl() + "v3/conversations/"
                + Http.seg("19:9e556880874c19d2faad1be9feee1ce2@thread.tacv2") + "/activities/" + activityId,
                fixture("reply-to-activity.request.json"));
        assertEquals(201, replyByRoute.status(), replyByRoute.body());
        assertEquals(3, fake.conversation(id).activities().size());
        String channelUrl = fake.serviceUrl() + "v3/conversations/"
                + Http.seg("19:9e556880874c19d2faad1be9feee1ce2@thread.tacv2") + "/activities/" + activityId;
        assertEquals(200, http.put(channelUrl, "{\"type\":\"message\",\"text\":\"Deployment finished\"}").status());
        assertEquals("Deployment finished", fake.conversation(id).activities().get(0).text(),
                "the thread sees the root edited through the channel");
        assertEquals(200, http.delete(fake.serviceUrl() + "v3/conversations/" + Http.seg(id) + "/activities/"
                + activityId).status());
        assertEquals(404, http.put(channelUrl, "{\"type\":\"message\",\"text\":\"again\"}").status());

        Http.Resp general = http.post(fake.serviceUrl() + "v3/conversations",
                fixture("create-conversation-general-channel-thread.request.json"));
        assertEquals(201, general.status(), general.body());
        assertTrue(general.json().get("id").asText().startsWith(fake.team("Contoso Operations").id() + ";messageid="));
    }

    @Test
    void channelThreadRules(FakeConnector fake) {
        ObjectNode withoutActivity = (ObjectNode) TestJson.tree(fixture("create-conversation-channel-thread.request.json"));
        withoutActivity.remove("activity");
        Http.Resp notInstalled = http.post(fake.serviceUrl() + "v3/conversations",
                fixture("create-conversation-channel-thread.request.json"));
        assertEquals(403, notInstalled.status());
        JsonAssert.assertJsonEquals(fixture("errors/bot-not-in-conversation-roster.403.json"), notInstalled.body());
        fake.installBotInTeam(fake.team("Contoso Operations"));
        Http.Resp noActivity = http.post(fake.serviceUrl() + "v3/conversations", withoutActivity.toString());
        assertEquals(400, noActivity.status());
        JsonAssert.assertJsonEquals(fixture("errors/bad-syntax-conversation-parameters.400.json"), noActivity.body());

        Http.Resp groupChat = http.post(fake.serviceUrl() + "v3/conversations", "{\"isGroup\":true,\"members\":[{\"id\":\""
                + fake.user("Adele Vance").id() + "\"},{\"id\":\"" + fake.user("Lee Gu").id() + "\"}],\"activity\":"
                + "{\"type\":\"message\",\"text\":\"hi\"},\"tenantId\":\"" + fake.tenantIds().get(0) + "\"}");
        assertEquals(400, groupChat.status());
        assertEquals("BadSyntax", groupChat.errorCode());

        String board = fake.team("Leadership").channel("Board").id();
        Http.Resp privateChannel = http.post(fake.serviceUrl() + "v3/conversations", "{\"isGroup\":true,\"channelData\":"
                + "{\"channel\":{\"id\":\"" + board + "\"}},\"activity\":{\"type\":\"message\",\"text\":\"hi\"}}");
        assertEquals(403, privateChannel.status());
        assertTrue(privateChannel.body().contains("private channel"), privateChannel.body());

        Http.Resp unknownChannel = http.post(fake.serviceUrl() + "v3/conversations", "{\"isGroup\":true,\"channelData\":"
                + "{\"channel\":{\"id\":\"19:nope@thread.tacv2\"}},\"activity\":{\"type\":\"message\",\"text\":\"hi\"}}");
        assertEquals(404, unknownChannel.status());
    }

    @Test
    void teamDetailsAndChannels(FakeConnector fake) {
        FakeTeam ops = fake.team("Contoso Operations");
        String team = fake.serviceUrl() + "v3/teams/" + Http.seg(ops.id());
        assertEquals(403, http.get(team).status());
        fake.installBotInTeam(ops);
        Http.Resp details = http.get(team);
        assertEquals(200, details.status());
        assertEquals("Contoso Operations", details.json().get("name").asText());
        assertEquals("aa3f1d74-a5ac-457f-bd4b-4534dfd2b1fb", details.json().get("aadGroupId").asText());
        assertEquals(3, details.json().get("channelCount").asInt());
        Http.Resp channels = http.get(team + "/conversations");
        JsonAssert.assertJsonEquals(fixture("channel-list.response.json"), channels.body());
        assertTrue(channels.json().at("/conversations/0/name").isNull(), "General has a null name");
        assertEquals(404, http.get(fake.serviceUrl() + "v3/teams/19%3Anope").status());
    }

    @Test
    void meetingInfoParticipantAndNotification(FakeConnector fake) {
        FakeMeeting m = fake.meetings().get(0);
        String meeting = fake.serviceUrl() + "v1/meetings/" + Http.seg(m.id());
        Http.Resp info = http.get(meeting);
        assertEquals(200, info.status(), info.body());
        assertEquals("Release vote", info.json().at("/details/title").asText());
        assertEquals(m.chatId(), info.json().at("/conversation/id").asText());

        String alex = Http.seg(fake.user("Alex Wilber").id());
        Http.Resp p = http.get(meeting + "/participants/" + alex + "?tenantId=" + fake.tenantIds().get(0));
        assertEquals(200, p.status(), p.body());
        assertEquals("Attendee", p.json().at("/meeting/role").asText());
        assertEquals(400, http.get(meeting + "/participants/" + alex).status());
        assertEquals(404, http.get(meeting + "/participants/" + Http.seg(fake.user("Lee Gu").id()) + "?tenantId="
                + fake.tenantIds().get(0)).status());

        Http.Resp partial = http.post(meeting + "/notification", fixture("meeting-notification.request.json"));
        assertEquals(207, partial.status(), partial.body());
        JsonAssert.assertJsonEquals(fixture("meeting-notification.response.207.json"), partial.body());
        ObjectNode all = (ObjectNode) TestJson.tree(fixture("meeting-notification.request.json"));
        ((ObjectNode) all.get("value")).putArray("recipients").add(fake.user("Adele Vance").id())
                .add(fake.user("Alex Wilber").id());
        assertEquals(202, http.post(meeting + "/notification", all.toString()).status());
        ((ObjectNode) all.get("value")).putArray("recipients");
        assertEquals(400, http.post(meeting + "/notification", all.toString()).status());
        assertEquals(404, http.get(fake.serviceUrl() + "v1/meetings/bm9wZQ==").status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"send-to-users.request.json", "send-to-users.request.pascal-case.json"})
    void batchToUsersAcceptsBothCasingsAndSlashForms(String file, FakeConnector fake) {
        fake.installBotFor(fake.user("Adele Vance"));
        fake.installBotFor(fake.user("Lee Gu"));
        fake.blockBot(fake.user("Lee Gu"));
        for (String slash : List.of("/", "")) {
            Http.Resp sent = http.post(fake.serviceUrl() + "v3/batch/conversation/users" + slash,
                    fixture("batch/" + file));
            assertEquals(201, sent.status(), sent.body());
            String op = sent.json().get("operationId").asText();
            Http.Resp state = http.get(fake.serviceUrl() + "v3/batch/conversation/" + op);
            assertEquals("Completed", state.json().get("state").asText());
            assertEquals(3, state.json().get("totalEntriesCount").asInt());
            assertEquals(1, state.json().at("/statusMap/201").asInt());
            assertEquals(2, state.json().at("/statusMap/403").asInt());
            Http.Resp failed = http.get(fake.serviceUrl() + "v3/batch/conversation/failedentries/" + op + slash);
            assertEquals(2, failed.json().get("failedEntryResponses").size());
            assertFalse(failed.json().has("continuationToken"));
            assertEquals(200, http.delete(fake.serviceUrl() + "v3/batch/conversation/" + op).status());
        }
        assertEquals(2, fake.activitiesSentTo("Adele Vance").size());
        assertEquals(0, fake.activitiesSentTo("Lee Gu").size());
    }

    @Test
    void batchToTenantTeamAndChannels(FakeConnector fake) {
        fake.installBotInTeam(fake.team("Contoso Operations"));
        for (String file : List.of("send-to-team.request.json", "send-to-team.request.pascal-case.json",
                "send-to-tenant.request.json", "send-to-channels.request.json")) {
            Http.Resp r = http.post(fake.serviceUrl() + "v3/batch/conversation/"
                    + file.substring("send-to-".length(), file.indexOf('.')) + "/", fixture("batch/" + file));
            assertEquals(201, r.status(), file + ": " + r.body());
        }
        assertEquals(3, fake.activitiesSentTo("Adele Vance").size(), "team twice, tenant once");
        assertFalse(fake.conversation("19:02462b0293bad658a74848c6bc2239ef@thread.tacv2").activities().isEmpty());
        assertEquals(400, http.get(fake.serviceUrl() + "v3/batch/conversation/not-a-guid").status());
        assertEquals(404, http.get(fake.serviceUrl() + "v3/batch/conversation/" + java.util.UUID.randomUUID()).status());
        assertEquals(400, http.post(fake.serviceUrl() + "v3/batch/conversation/users/", "{\"tenantId\":\"x\"}").status());
    }
}
