package io.github.botconnector.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.test.Fixtures;
import io.github.botconnector.test.JsonAssert;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConversationRoutesTest {

    @RegisterExtension
    static FakeConnectorExtension ext = FakeConnectorExtension.builder().contoso().build();

    static final Http http = new Http();

    @AfterAll
    static void closeHttp() {
        http.close();
    }

    static String fixture(String name) {
        return Fixtures.read("connector/" + name);
    }

    static ObjectNode fixtureObject(String name) {
        return (ObjectNode) TestJson.tree(fixture(name));
    }

    @Test
    void createPersonalFromFixtureIsIdempotentAndReturns201(FakeConnector fake) {
        FakeUser adele = fake.user("Adele Vance");
        fake.installBotFor(adele);
        Http.Resp first = http.post(fake.serviceUrl() + "v3/conversations", fixture("create-conversation-personal.request.json"));
        Http.Resp second = http.post(fake.serviceUrl() + "v3/conversations",
                fixture("create-conversation-personal-minimal.request.json"));
        assertEquals(201, first.status(), first.body());
        assertEquals(201, second.status(), second.body());
        JsonAssert.assertJsonEquals(fixture("create-conversation-personal.response.json"), first.body());
        assertEquals(first.json().get("id").asText(), second.json().get("id").asText());
        assertTrue(first.json().get("id").asText().startsWith("a:"));
    }

    @Test
    void createPersonalWithActivityPostsFirstMessageWithoutActivityId(FakeConnector fake) {
        fake.installBotFor(fake.user("Adele Vance"));
        Http.Resp r = http.post(fake.serviceUrl() + "v3/conversations",
                fixture("create-conversation-personal-with-activity.request.json"));
        assertEquals(201, r.status(), r.body());
        assertFalse(r.json().has("activityId"));
        String text = fixtureObject("create-conversation-personal-with-activity.request.json").at("/activity/text").asText();
        assertEquals(List.of(text), fake.conversation(r.json().get("id").asText()).texts());
        assertEquals(1, fake.activitiesSentTo("Adele Vance").size());
    }

    @Test
    void createByAadObjectIdWorksOnlyWithPersonalInstall(FakeConnector fake) {
        FakeTeam ops = fake.team("Contoso Operations");
        fake.installBotInTeam(ops);
        String body = fixture("create-conversation-personal-by-aad-object-id.request.json");
        Http.Resp viaTeamOnly = http.post(fake.serviceUrl() + "v3/conversations", body);
        assertEquals(403, viaTeamOnly.status());
        assertEquals("ForbiddenOperationException", viaTeamOnly.errorCode());
        ObjectNode byTeamsId = fixtureObject("create-conversation-personal.request.json");
        assertEquals(201, http.post(fake.serviceUrl() + "v3/conversations", byTeamsId.toString()).status(),
                "a team member is reachable by Teams id when the bot is in the team");
        fake.installBotFor(fake.user("Adele Vance"));
        Http.Resp r = http.post(fake.serviceUrl() + "v3/conversations", body);
        assertEquals(201, r.status(), r.body());
        assertEquals(fake.personalConversationId(fake.user("Adele Vance")), r.json().get("id").asText());
    }

    @Test
    void createWithoutTenantIsBadSyntax(FakeConnector fake) {
        fake.installBotFor(fake.user("Adele Vance"));
        ObjectNode body = fixtureObject("create-conversation-personal.request.json");
        body.remove("tenantId");
        body.remove("channelData");
        Http.Resp r = http.post(fake.serviceUrl() + "v3/conversations", body.toString());
        assertEquals(400, r.status());
        JsonAssert.assertJsonEquals(fixture("errors/bad-syntax-tenant-id.400.json"), r.body());
        ObjectNode onlyChannelData = fixtureObject("create-conversation-personal.request.json");
        onlyChannelData.remove("tenantId");
        assertEquals(201, http.post(fake.serviceUrl() + "v3/conversations", onlyChannelData.toString()).status());
    }

    @Test
    void createNeedsExactlyOneMember(FakeConnector fake) {
        fake.installBotFor(fake.user("Adele Vance"));
        ObjectNode none = fixtureObject("create-conversation-personal.request.json");
        none.putArray("members");
        ObjectNode two = fixtureObject("create-conversation-personal.request.json");
        two.withArray("members").add(TestJson.mapper().createObjectNode().put("id", fake.user("Lee Gu").id()));
        for (ObjectNode body : List.of(none, two)) {
            Http.Resp r = http.post(fake.serviceUrl() + "v3/conversations", body.toString());
            assertEquals(400, r.status());
            JsonAssert.assertJsonEquals(fixture("errors/bad-argument.400.json"), r.body());
        }
    }

    @Test
    void createForUserWithoutBotIsForbidden(FakeConnector fake) {
        Http.Resp r = http.post(fake.serviceUrl() + "v3/conversations", fixture("create-conversation-personal.request.json"));
        assertEquals(403, r.status());
        assertEquals("ForbiddenOperationException", r.errorCode());
    }

    @Test
    void sendUpdateReplyDeleteKeepEveryVersion(FakeConnector fake) {
        ConversationReference ref = fake.installBotFor(fake.user("Adele Vance"));
        String conv = fake.serviceUrl() + "v3/conversations/" + Http.seg(ref.conversation().id());
        Http.Resp sent = http.post(conv + "/activities", fixture("send-to-conversation.request.json"));
        assertEquals(201, sent.status(), sent.body());
        String id = sent.json().get("id").asText();
        assertTrue(id.matches("\\d{13}"), id);
        Http.Resp second = http.post(conv + "/activities", fixture("send-notification-mention-alert.request.json"));
        assertTrue(Long.parseLong(second.json().get("id").asText()) > Long.parseLong(id));

        Http.Resp updated = http.put(conv + "/activities/" + id, fixture("update-activity.request.json"));
        assertEquals(200, updated.status(), updated.body());
        Http.Resp reply = http.post(conv + "/activities/" + id, fixture("reply-to-activity.request.json"));
        assertEquals(201, reply.status(), reply.body());
        assertEquals(200, http.delete(conv + "/activities/" + second.json().get("id").asText()).status());

        FakeConversation c = fake.conversation(ref.conversation().id());
        String updatedText = fixtureObject("update-activity.request.json").get("text").asText();
        assertEquals(updatedText, c.activities().get(0).text());
        assertEquals(2, c.activities().size());
        assertEquals(id, c.activities().get(1).replyToId());
        assertEquals(List.of(ActivityEvent.Kind.CREATED, ActivityEvent.Kind.CREATED, ActivityEvent.Kind.UPDATED,
                ActivityEvent.Kind.CREATED, ActivityEvent.Kind.DELETED), c.history().stream().map(ActivityEvent::kind).toList());
        assertEquals(fake.serviceUrl(), c.activities().get(0).serviceUrl());
        assertEquals(fake.botId(), c.activities().get(0).from().id());
    }

    @Test
    void unknownConversationAndActivityAre404(FakeConnector fake) {
        ConversationReference ref = fake.installBotFor(fake.user("Adele Vance"));
        String body = fixture("send-to-conversation.request.json");
        Http.Resp noConv = http.post(fake.serviceUrl() + "v3/conversations/a%3Anope/activities", body);
        assertEquals(404, noConv.status());
        JsonAssert.assertJsonEquals(fixture("errors/conversation-not-found.404.json"), noConv.body());
        String conv = fake.serviceUrl() + "v3/conversations/" + Http.seg(ref.conversation().id());
        for (Http.Resp r : List.of(http.post(conv + "/activities/123", body), http.get(conv + "/activities/123/members"))) {
            assertEquals(404, r.status());
            JsonAssert.assertJsonEquals(fixture("errors/activity-not-found.404.json"), r.body());
        }
        for (Http.Resp r : List.of(http.put(conv + "/activities/123", body), http.delete(conv + "/activities/123"))) {
            assertEquals(404, r.status());
            assertEquals("ActivityNotFoundInConversation", r.errorCode());
            assertEquals("Message does not exist in the thread.", r.json().path("error").path("message").asText());
        }
    }

    @Test
    void uninstalledBotIsNotInRosterAndBlockedBotGetsMessageWritesBlocked(FakeConnector fake) {
        FakeUser adele = fake.user("Adele Vance");
        ConversationReference ref = fake.installBotFor(adele);
        String url = fake.serviceUrl() + "v3/conversations/" + Http.seg(ref.conversation().id()) + "/activities";
        String body = fixture("send-to-conversation.request.json");
        fake.blockBot(adele);
        Http.Resp blocked = http.post(url, body);
        assertEquals(403, blocked.status());
        assertEquals(TestJson.tree(fixture("errors/message-writes-blocked.403.json")), TestJson.tree(blocked.body()),
                "same members and the same doubly encoded message string");
        assertNotNull(blocked.header("MS-CV"));
        assertNotNull(blocked.header("ContextId"));
        fake.unblockBot(adele);
        fake.uninstallBotFor(adele);
        Http.Resp removed = http.post(url, body);
        assertEquals(403, removed.status());
        JsonAssert.assertJsonEquals(fixture("errors/bot-not-in-conversation-roster.403.json"), removed.body());
    }

    @Test
    void oversizedMessageIs413(FakeConnector fake) {
        ConversationReference ref = fake.installBotFor(fake.user("Adele Vance"));
        ObjectNode a = TestJson.mapper().createObjectNode().put("type", "message").put("text", "x".repeat(101 * 1024));
        Http.Resp r = http.post(fake.serviceUrl() + "v3/conversations/" + Http.seg(ref.conversation().id()) + "/activities",
                a.toString());
        assertEquals(413, r.status());
        JsonAssert.assertJsonEquals(fixture("errors/message-size-too-big.413.json"), r.body());
        a.put("text", "x".repeat(90 * 1024));
        assertEquals(201, http.post(fake.serviceUrl() + "v3/conversations/" + Http.seg(ref.conversation().id())
                + "/activities", a.toString()).status());
    }

    @Test
    void getConversationsIs405LikeTeams(FakeConnector fake) {
        Http.Resp r = http.get(fake.serviceUrl() + "v3/conversations");
        assertEquals(405, r.status());
        JsonAssert.assertJsonEquals(fixture("errors/method-not-allowed.405.json"), r.body());
    }

    @Test
    void everyResponseHasRequestId(FakeConnector fake) {
        Pattern format = Pattern.compile("\\|[0-9a-f]{32}\\.[0-9a-f]{8}_");
        List<Http.Resp> responses = List.of(http.get(fake.serviceUrl() + "v3/conversations"),
                http.post(fake.serviceUrl() + "v3/conversations", "{}"),
                http.get(fake.serviceUrl() + "v3/nothing"),
                http.get(fake.openIdMetadataUrl()));
        for (Http.Resp r : responses) {
            assertTrue(format.matcher(r.header("x-ms-request-id")).matches(), r.header("x-ms-request-id"));
        }
        assertNotEquals(responses.get(0).header("x-ms-request-id"), responses.get(1).header("x-ms-request-id"));
    }

    @Test
    void membersPagedMembersAndMember(FakeConnector fake) {
        FakeTeam ops = fake.team("Contoso Operations");
        fake.installBotInTeam(ops);
        String team = fake.serviceUrl() + "v3/conversations/" + Http.seg(ops.id());
        Http.Resp members = http.get(team + "/members");
        assertEquals(200, members.status());
        JsonAssert.assertJsonEquals(fixture("members.response.json"), members.body());
        Http.Resp member = http.get(team + "/members/" + Http.seg(fake.user("Adele Vance").id()));
        JsonAssert.assertJsonEquals(fixture("member.response.json"), member.body());
        assertEquals(200, http.get(team + "/members/" + fake.user("Adele Vance").aadObjectId()).status());
        assertEquals(200, http.get(team + "/members/AdeleV%40contoso.example").status());
        Http.Resp missing = http.get(team + "/members/29%3Anobody");
        assertEquals(404, missing.status());
        assertEquals("MemberNotFoundInConversation", missing.errorCode());
        Http.Resp paged = http.get(team + "/pagedmembers?pageSize=2");
        assertEquals(3, paged.json().get("members").size(), "page size below 50 counts as 50");
        assertFalse(paged.json().has("continuationToken"));
    }

    @Test
    void pagedMembersHonourClampedPageSizeAndOpaqueTokens() {
        try (FakeConnector fake = FakeConnector.builder().tenant(t -> t.users("Member", 520)
                .team("Big", team -> team.members(names(520)).botInstalled())).start()) {
            String url = fake.serviceUrl() + "v3/conversations/" + Http.seg(fake.team("Big").id()) + "/pagedmembers";
            assertEquals(List.of(200, 200, 120), pages(url, ""));
            assertEquals(List.of(500, 20), pages(url, "pageSize=10000&"));
            assertEquals(11, pages(url, "pageSize=49&").size(), "pageSize < 50 is treated as 50");
            List<String> ids = new ArrayList<>();
            String token = null;
            do {
                Http.Resp r = http.get(url + (token == null ? "" : "?continuationToken=" + Http.seg(token)));
                r.json().get("members").forEach(m -> ids.add(m.get("id").asText()));
                token = r.json().has("continuationToken") ? r.json().get("continuationToken").asText() : null;
            } while (token != null);
            assertEquals(520, ids.stream().distinct().count());
            Http.Resp bad = http.get(url + "?continuationToken=garbage");
            assertEquals(400, bad.status());
        }
    }

    private static String[] names(int n) {
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = "Member " + (i + 1);
        }
        return out;
    }

    private static List<Integer> pages(String url, String query) {
        List<Integer> sizes = new ArrayList<>();
        String token = null;
        do {
            Http.Resp r = http.get(url + "?" + query + (token == null ? "" : "continuationToken=" + Http.seg(token)));
            assertEquals(200, r.status(), r.body());
            sizes.add(r.json().get("members").size());
            JsonNode t = r.json().get("continuationToken");
            token = t == null ? null : t.asText();
        } while (token != null);
        return sizes;
    }

    @Test
    void personalRosterIsNotPaged(FakeConnector fake) {
        ConversationReference ref = fake.installBotFor(fake.user("Lee Gu"));
        Http.Resp r = http.get(fake.serviceUrl() + "v3/conversations/" + Http.seg(ref.conversation().id())
                + "/pagedmembers?pageSize=50");
        assertEquals(1, r.json().get("members").size());
        assertNull(r.json().get("continuationToken"));
        assertEquals("Lee Gu", r.json().at("/members/0/name").asText());
    }

    @Test
    void historyAttachmentsReactionsAndMemberDeletion(FakeConnector fake) {
        ConversationReference ref = fake.installBotFor(fake.user("Alex Wilber"));
        String conv = fake.serviceUrl() + "v3/conversations/" + Http.seg(ref.conversation().id());
        Http.Resp hist = http.post(conv + "/activities/history", "{\"activities\":[{\"type\":\"message\",\"id\":\"1700000000000\","
                + "\"text\":\"old\"}]}");
        assertEquals(201, hist.status(), hist.body());
        assertEquals(List.of("old"), fake.conversation(ref.conversation().id()).texts());
        assertEquals(200, http.put(conv + "/activities/1700000000000/reactions/like", "").status());
        Http.Resp up = http.post(conv + "/attachments",
                "{\"type\":\"text/plain\",\"name\":\"a.txt\",\"originalBase64\":\"aGVsbG8=\"}");
        assertEquals(201, up.status(), up.body());
        String att = fake.serviceUrl() + "v3/attachments/" + Http.seg(up.json().get("id").asText());
        Http.Resp info = http.get(att);
        assertEquals("a.txt", info.json().get("name").asText());
        assertEquals(5, info.json().at("/views/0/size").asInt());
        assertEquals("hello", http.get(att + "/views/original").body());
        assertEquals(404, http.get(att + "/views/thumbnail").status());
        assertEquals(405, http.delete(conv + "/members/" + Http.seg(fake.user("Alex Wilber").id())).status());
    }

    @Test
    void unknownRouteIs404NamingTheNearestRoute(FakeConnector fake) {
        Http.Resp r = http.get(fake.serviceUrl() + "v3/conversations/a%3Ax/memberz");
        assertEquals(404, r.status());
        assertTrue(r.body().contains("GET /v3/conversations/{conversationId}/members"), r.body());
        Exchange e = fake.exchanges().get(fake.exchanges().size() - 1);
        assertNull(e.route());
        assertTrue(e.note().contains("Nearest known route: GET /v3/conversations/{conversationId}/members"), e.note());
        Http.Resp noPrefix = http.post(fake.baseUrl() + "/v3/conversations", "{}");
        assertEquals(404, noPrefix.status());
        assertTrue(noPrefix.body().contains("service URL prefix"), noPrefix.body());
    }

    @Test
    void journalRecordsExchangesWithAuthorizationRedacted(FakeConnector fake) {
        Http withToken = new Http().bearer("secret-token-value");
        try {
            withToken.post(fake.serviceUrl() + "v3/conversations", fixture("create-conversation-personal.request.json"));
        } finally {
            withToken.close();
        }
        Exchange e = fake.exchanges().get(0);
        assertEquals("POST", e.method());
        assertTrue(e.path().endsWith("/v3/conversations"), e.path());
        assertEquals("POST /v3/conversations", e.route());
        assertEquals(403, e.status());
        assertEquals("Bearer <redacted>", e.requestHeader("Authorization"));
        assertFalse(e.toString().contains("secret-token-value"));
        assertTrue(e.requestBody().contains("29:1rLA8axJ"));
        assertTrue(e.responseBody().contains("ForbiddenOperationException"));
        assertNotNull(e.responseHeader("x-ms-request-id"));
    }

    @Test
    void resetKeepsSeedButDropsConversationsAndRuntimeUsers(FakeConnector fake) {
        fake.installBotFor(fake.user("Adele Vance"));
        fake.addUser("Megan Bowen");
        http.post(fake.serviceUrl() + "v3/conversations", fixture("create-conversation-personal.request.json"));
        assertFalse(fake.exchanges().isEmpty());
        fake.reset();
        assertTrue(fake.exchanges().isEmpty());
        assertTrue(fake.conversations().isEmpty());
        assertEquals(3, fake.users().size());
        assertEquals(403, http.post(fake.serviceUrl() + "v3/conversations",
                fixture("create-conversation-personal.request.json")).status());
    }
}
