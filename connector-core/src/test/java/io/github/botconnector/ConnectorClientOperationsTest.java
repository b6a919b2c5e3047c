package io.github.botconnector;

import static io.github.botconnector.Harness.ADELE;
import static io.github.botconnector.Harness.ADELE_CONVERSATION;
import static io.github.botconnector.Harness.ADELE_CONVERSATION_ENCODED;
import static io.github.botconnector.Harness.THREAD;
import static io.github.botconnector.Harness.THREAD_ENCODED;
import static io.github.botconnector.Harness.TOKEN_PREFIX;
import static io.github.botconnector.Harness.json;
import static io.github.botconnector.test.JsonAssert.assertJsonEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.internal.Json;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.AttachmentData;
import io.github.botconnector.schema.AttachmentInfo;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.schema.ConversationParameters;
import io.github.botconnector.schema.ConversationResourceResponse;
import io.github.botconnector.schema.ConversationsResult;
import io.github.botconnector.schema.PagedMembersResult;
import io.github.botconnector.schema.ResourceResponse;
import io.github.botconnector.schema.Transcript;
import io.github.botconnector.test.Fixtures;
import io.github.botconnector.testsupport.ManualClock;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every v3 operation: method, exact path and query, headers and body against the fixtures; responses parsed. */
class ConnectorClientOperationsTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final Harness.CountingTokens tokens = new Harness.CountingTokens();
    private ConnectorClient client;

    @BeforeEach
    void setUp() {
        client = Harness.client(server, tokens, ManualClock.atFixtureNow()).userAgentSuffix("contoso-notifier/2.1").build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private RecordedRequest take(String method, String target) throws InterruptedException {
        RecordedRequest r = server.takeRequest();
        assertEquals(method, r.getMethod());
        assertEquals(target, r.getTarget());
        assertTrue(r.getHeaders().get("Authorization").startsWith("Bearer " + TOKEN_PREFIX));
        assertFalse(r.getHeaders().get("User-Agent").contains("/unknown "));
        assertTrue(r.getHeaders().get("User-Agent").matches(
                "bot-connector-java/[^ ]+ \\(Java [^;]+; [^)]+\\) contoso-notifier/2\\.1"), r.getHeaders().get("User-Agent"));
        assertNotNull(r.getHeaders().get("x-ms-client-request-id"));
        if (r.getBodySize() > 0) {
            assertEquals("application/json; charset=utf-8", r.getHeaders().get("Content-Type"));
            assertEquals("application/json", r.getHeaders().get("Accept"));
        } else {
            assertNull(r.getHeaders().get("Content-Type"));
        }
        return r;
    }

    private static String body(RecordedRequest r) {
        return r.getBody() == null ? "" : r.getBody().utf8();
    }

    @Test
    void createConversation() throws Exception {
        server.enqueue(json(201, Fixtures.read("connector/create-conversation-personal.response.json")));
        String request = Fixtures.read("connector/create-conversation-personal.request.json");
        ConversationResourceResponse response = client.createConversation(ConversationParameters.fromJson(request));
        assertEquals(ADELE_CONVERSATION, response.id());
        assertJsonEquals(request, body(take("POST", "/amer/v3/conversations")));
    }

    @Test
    void createChannelThread() throws Exception {
        server.enqueue(json(201, Fixtures.read("connector/create-conversation-channel-thread.response.json")));
        String request = Fixtures.read("connector/create-conversation-channel-thread.request.json");
        ConversationResourceResponse response = client.createConversation(ConversationParameters.fromJson(request));
        assertEquals(THREAD, response.id());
        assertEquals("1768478400321", response.activityId());
        assertJsonEquals(request, body(take("POST", "/amer/v3/conversations")));
    }

    @Test
    void getConversationsEscapesTheContinuationToken() throws Exception {
        server.enqueue(json(200, "{\"continuationToken\":\"next\",\"conversations\":[{\"id\":\"c1\",\"members\":[]}]}"));
        ConversationsResult result = client.conversationsPage("a b+c/=");
        assertEquals("next", result.continuationToken());
        assertEquals("c1", result.conversations().get(0).id());
        take("GET", "/amer/v3/conversations?continuationToken=a%20b%2Bc%2F%3D");
    }

    @Test
    void sendToConversation() throws Exception {
        server.enqueue(json(201, Fixtures.read("connector/send-to-conversation.response.json")));
        String request = Fixtures.read("connector/send-to-conversation.request.json");
        ResourceResponse response = client.sendToConversation(ADELE_CONVERSATION, Activity.fromJson(request));
        assertEquals("1768478401234", response.id());
        assertJsonEquals(request, body(take("POST", "/amer/v3/conversations/" + ADELE_CONVERSATION_ENCODED + "/activities")));
    }

    @Test
    void sendConversationHistory() throws Exception {
        server.enqueue(json(200, "{\"id\":\"h1\"}"));
        Activity a = Activity.fromJson(Fixtures.read("activities/message-personal.json"));
        Transcript transcript = Transcript.builder().activities(List.of(a)).build();
        assertEquals("h1", client.sendConversationHistory(ADELE_CONVERSATION, transcript).id());
        RecordedRequest r = take("POST", "/amer/v3/conversations/" + ADELE_CONVERSATION_ENCODED + "/activities/history");
        assertJsonEquals(transcript.toJson(), body(r));
    }

    @Test
    void replyToActivityEncodesTheThreadedId() throws Exception {
        server.enqueue(json(202, Fixtures.read("connector/reply-to-activity.response.json")));
        String request = Fixtures.read("connector/reply-to-activity.request.json");
        ResourceResponse response = client.replyToActivity(THREAD, "1768478400321", Activity.fromJson(request));
        assertEquals("1768478999870", response.id());
        assertJsonEquals(request, body(take("POST", "/amer/v3/conversations/" + THREAD_ENCODED + "/activities/1768478400321")));
    }

    @Test
    void updateActivity() throws Exception {
        server.enqueue(json(200, "{\"id\":\"1768478401234\"}"));
        String request = Fixtures.read("connector/update-activity.request.json");
        assertEquals("1768478401234", client.updateActivity(ADELE_CONVERSATION, "1768478401234", Activity.fromJson(request)).id());
        assertJsonEquals(request, body(take("PUT", "/amer/v3/conversations/" + ADELE_CONVERSATION_ENCODED + "/activities/1768478401234")));
    }

    @Test
    void emptySuccessBodyGivesAnEmptyResponse() throws Exception {
        server.enqueue(new MockResponse.Builder().code(202).build());
        ResourceResponse response = client.replyToActivity(THREAD, "1", Activity.message("ok"));
        assertNull(response.id());
        take("POST", "/amer/v3/conversations/" + THREAD_ENCODED + "/activities/1");
    }

    @Test
    void deleteActivity() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).build());
        client.deleteActivity(THREAD, "1768478400321");
        take("DELETE", "/amer/v3/conversations/" + THREAD_ENCODED + "/activities/1768478400321");
    }

    @Test
    void conversationMembers() throws Exception {
        server.enqueue(json(200, Fixtures.read("connector/members.response.json")));
        List<ChannelAccount> members = client.conversationMembers("19:xU5yQt4xbGuJMzxgOjBfG6UtfiBiE3qmNxOk8mvkTH9D@thread.tacv2");
        assertEquals(3, members.size());
        assertEquals("Adele Vance", members.get(0).name());
        assertJsonEquals(Fixtures.read("connector/members.response.json"), Json.write(members));
        take("GET", "/amer/v3/conversations/19%3AxU5yQt4xbGuJMzxgOjBfG6UtfiBiE3qmNxOk8mvkTH9D%40thread.tacv2/members");
    }

    @Test
    void getConversationMemberEncodesTheUserId() throws Exception {
        server.enqueue(json(200, Fixtures.read("connector/member.response.json")));
        ChannelAccount m = client.conversationMember(ADELE_CONVERSATION, ADELE);
        assertEquals(ADELE, m.id());
        assertEquals("AdeleV@contoso.example", m.properties().get("userPrincipalName"));
        take("GET", "/amer/v3/conversations/" + ADELE_CONVERSATION_ENCODED + "/members/29%3A1rLA8axJC9icrhSQQbKQwSIrK1RtIEkowbq7wDybG9I0VGs-mpjBA6KvisxrKPpFFc-mmc1C0Q-4dYbOSAo-6TA");
    }

    @Test
    void getConversationMemberByUpn() throws Exception {
        server.enqueue(json(200, Fixtures.read("connector/member.response.json")));
        client.conversationMember(ADELE_CONVERSATION, "AdeleV@contoso.example");
        take("GET", "/amer/v3/conversations/" + ADELE_CONVERSATION_ENCODED + "/members/AdeleV%40contoso.example");
    }

    @Test
    void conversationMembersPage() throws Exception {
        String page1 = Fixtures.read("connector/paged-members.response.page1.json");
        server.enqueue(json(200, page1));
        server.enqueue(json(200, Fixtures.read("connector/paged-members.response.last.json")));
        PagedMembersResult first = client.conversationMembersPage(ADELE_CONVERSATION, 100, null);
        assertEquals(2, first.members().size());
        take("GET", "/amer/v3/conversations/" + ADELE_CONVERSATION_ENCODED + "/pagedmembers?pageSize=100");
        PagedMembersResult last = client.conversationMembersPage(ADELE_CONVERSATION, null, first.continuationToken());
        assertNull(last.continuationToken());
        take("GET", "/amer/v3/conversations/" + ADELE_CONVERSATION_ENCODED
                + "/pagedmembers?continuationToken=a1b2c3SW5Jc0xhc3RQYWdlPWZhbHNlO1NraXA9Mjswd2VpcmQtYnV0LW9wYXF1ZQ");
    }

    @Test
    void deleteConversationMember() throws Exception {
        server.enqueue(new MockResponse.Builder().code(204).build());
        client.deleteConversationMember(THREAD, ADELE);
        take("DELETE", "/amer/v3/conversations/" + THREAD_ENCODED + "/members/29%3A1rLA8axJC9icrhSQQbKQwSIrK1RtIEkowbq7wDybG9I0VGs-mpjBA6KvisxrKPpFFc-mmc1C0Q-4dYbOSAo-6TA");
    }

    @Test
    void activityMembers() throws Exception {
        server.enqueue(json(200, Fixtures.read("connector/members.response.json")));
        assertEquals(3, client.activityMembers(THREAD, "1768478400321").size());
        take("GET", "/amer/v3/conversations/" + THREAD_ENCODED + "/activities/1768478400321/members");
    }

    @Test
    void uploadAttachment() throws Exception {
        server.enqueue(json(200, "{\"id\":\"att-1\"}"));
        AttachmentData data = AttachmentData.builder().type("image/png").name("chart.png").originalBase64(new byte[] {1, 2, 3}).build();
        assertEquals("att-1", client.uploadAttachment(ADELE_CONVERSATION, data).id());
        RecordedRequest r = take("POST", "/amer/v3/conversations/" + ADELE_CONVERSATION_ENCODED + "/attachments");
        assertJsonEquals("{\"type\":\"image/png\",\"name\":\"chart.png\",\"originalBase64\":\"AQID\"}", body(r));
    }

    @Test
    void attachmentInfo() throws Exception {
        server.enqueue(json(200, "{\"name\":\"chart.png\",\"type\":\"image/png\",\"views\":[{\"viewId\":\"original\",\"size\":42}]}"));
        AttachmentInfo info = client.attachmentInfo("att:1");
        assertEquals("chart.png", info.name());
        assertEquals("original", info.views().get(0).viewId());
        take("GET", "/amer/v3/attachments/att%3A1");
    }

    @Test
    void getAttachmentStreamsTheContent() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("PNGDATA").build());
        try (InputStream in = client.attachmentView("att:1", "original")) {
            assertEquals("PNGDATA", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        take("GET", "/amer/v3/attachments/att%3A1/views/original");
    }

    @Test
    void serviceUrlWithoutTrailingSlashKeepsItsPath() throws Exception {
        server.enqueue(json(201, "{\"id\":\"1\"}"));
        String base = server.url("/amer/c603ca06-32cc-4a8f-9a2a-a31442aeb907").toString();
        client.withServiceUrl(base).sendToConversation(ADELE_CONVERSATION, Activity.message("hi"));
        RecordedRequest r = take("POST", "/amer/c603ca06-32cc-4a8f-9a2a-a31442aeb907/v3/conversations/"
                + ADELE_CONVERSATION_ENCODED + "/activities");
        assertJsonEquals("{\"type\":\"message\",\"text\":\"hi\"}", body(r));
        assertFalse(body(r).contains("null"));
    }
}
