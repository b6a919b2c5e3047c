package io.github.botconnector;

import static io.github.botconnector.Harness.ADELE_CONVERSATION_ENCODED;
import static io.github.botconnector.Harness.json;
import static io.github.botconnector.test.JsonAssert.assertJsonEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.exception.ConversationNotFoundException;
import io.github.botconnector.exception.UntrustedHostException;
import io.github.botconnector.internal.ConnectorTransport;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.schema.ConversationAccount;
import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.test.Fixtures;
import io.github.botconnector.testsupport.ManualClock;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** send(reference, activity), paged members, the async view and the transport hook. */
class ProactiveAndPagingTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final Harness.CountingTokens tokens = new Harness.CountingTokens();

    private ConnectorClient client() {
        return Harness.client(server, tokens, ManualClock.atFixtureNow()).build();
    }

    private ConversationReference reference(String servicePath) {
        return ConversationReference.fromJson(Fixtures.read("connector/conversation-reference.personal.json")).toBuilder()
                .serviceUrl(server.url(servicePath).toString()).build();
    }

    @Test
    void sendThroughAReferenceUsesItsServiceUrlAndAddressesTheActivity() throws Exception {
        server.enqueue(json(201, "{\"id\":\"1768478401234\"}"));
        ConversationReference ref = reference("/amer/c603ca06-32cc-4a8f-9a2a-a31442aeb907/");
        try (ConnectorClient client = client()) {
            assertEquals("1768478401234", client.send(ref, Activity.message("Order 1042 shipped")).id());
        }
        RecordedRequest r = server.takeRequest();
        assertEquals("/amer/c603ca06-32cc-4a8f-9a2a-a31442aeb907/v3/conversations/" + ADELE_CONVERSATION_ENCODED
                + "/activities", r.getTarget());
        String ref2 = Fixtures.read("connector/conversation-reference.personal.json");
        ConversationReference stored = ConversationReference.fromJson(ref2);
        assertJsonEquals("{\"type\":\"message\",\"text\":\"Order 1042 shipped\",\"channelId\":\"msteams\",\"locale\":\"en-US\","
                + "\"serviceUrl\":\"" + ref.serviceUrl() + "\","
                + "\"from\":" + stored.bot().toJson() + ",\"recipient\":" + stored.user().toJson()
                + ",\"conversation\":" + stored.conversation().toJson() + "}", r.getBody().utf8());
    }

    @Test
    void asyncSendWritesWhatTheBlockingSendWritesForEveryKindOfActivity() throws Exception {
        ConversationReference ref = reference("/amer/");
        ConversationReference noTenant = ref.toBuilder()
                .conversation(ConversationAccount.builder().id(Harness.ADELE_CONVERSATION).build())
                .property("tenantId", "c603ca06-32cc-4a8f-9a2a-a31442aeb907").build();
        Activity shared = Activity.message("Order 1042 shipped");
        List<Activity> activities = List.of(shared,
                Activity.message("Commande 1042").toBuilder().locale("fr-FR").property("custom", Map.of("a", 1))
                        .build(),
                // the reference replaces the activity's own address: the whole activity is written again
                Activity.message("elsewhere").toBuilder()
                        .conversation(ConversationAccount.builder().id("19:other@thread.v2").build()).build());
        try (ConnectorClient client = client()) {
            for (ConversationReference r : List.of(ref, noTenant)) {
                for (Activity a : activities) {
                    server.enqueue(json(201, "{\"id\":\"1\"}"));
                    server.enqueue(json(201, "{\"id\":\"2\"}"));
                    client.send(r, a);
                    assertEquals("2", client.async().send(r, a).get().id());
                    RecordedRequest blocking = server.takeRequest();
                    RecordedRequest async = server.takeRequest();
                    assertEquals(blocking.getTarget(), async.getTarget());
                    assertJsonEquals(blocking.getBody().utf8(), async.getBody().utf8());
                    // no member written twice (the mapper refuses duplicates)
                    assertEquals(Activity.fromJson(blocking.getBody().utf8()),
                            Activity.fromJson(async.getBody().utf8()));
                }
            }
        }
        assertEquals("{\"type\":\"message\",\"text\":\"Order 1042 shipped\"}", shared.toJson());
    }

    @Test
    void siblingsAreCachedPerServiceUrl() {
        try (ConnectorClient client = client()) {
            String emea = server.url("/emea/").toString();
            ConnectorClient a = client.sibling(emea);
            assertSame(a, client.sibling(emea));
            assertSame(client, client.sibling(client.serviceUrl()));
            assertEquals(emea, a.serviceUrl());
            assertSame(client.withServiceUrl(client.serviceUrl()), client);
            assertEquals(a.transport().pipeline(), client.transport().pipeline());
        }
    }

    @Test
    void teamsTenantIsAddedToTheConversationWhenMissing() throws Exception {
        server.enqueue(json(201, "{\"id\":\"1\"}"));
        ConversationReference ref = reference("/amer/").toBuilder()
                .conversation(ConversationAccount.builder().id(Harness.ADELE_CONVERSATION).build())
                .property("tenantId", "c603ca06-32cc-4a8f-9a2a-a31442aeb907").build();
        try (ConnectorClient client = client()) {
            client.send(ref, Activity.message("hi"));
        }
        String body = server.takeRequest().getBody().utf8();
        assertEquals("c603ca06-32cc-4a8f-9a2a-a31442aeb907",
                Activity.fromJson(body).conversation().tenantId());
    }

    @Test
    void aTamperedReferenceIsRefusedAtSendTime() {
        ConversationReference ref = reference("/amer/").toBuilder().serviceUrl("https://attacker.trafficmanager.net/amer/").build();
        try (ConnectorClient client = client()) {
            assertThrows(UntrustedHostException.class, () -> client.send(ref, Activity.message("hi")));
            ConversationReference noConversation = ref.toBuilder().conversation(null).build();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> client.send(noConversation, Activity.message("hi")));
            assertTrue(e.getMessage().contains("reference.conversation.id"), e.getMessage());
        }
        assertEquals(0, tokens.issued.get());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void pagedMembersIterateOverThreePagesLazilyAndDeDuplicate() throws Exception {
        String page1 = Fixtures.read("connector/paged-members.response.page1.json");
        // page 2 repeats Alex (a continuation may return members again) and adds no new token format issues
        String page2 = "{\"continuationToken\":\"t2\",\"members\":[{\"id\":\"29:1m4uh55ItoqJaqUGBZ5NZqUOeAmq5cCmKToycOiZ_wmxWpS6Coz13R0mp6HKT5jISG4ig3mQaSNTQ74haJ6aEtQ\",\"name\":\"Alex Wilber\"},{\"id\":\"29:extra\",\"name\":\"Megan Bowen\"}]}";
        server.enqueue(json(200, page1));
        server.enqueue(json(200, page2));
        server.enqueue(json(200, Fixtures.read("connector/paged-members.response.last.json").replace("{", "{\"continuationToken\":\"\",")));
        try (ConnectorClient client = client()) {
            Iterator<ChannelAccount> it = client.conversationMembers(Harness.THREAD, 50).iterator();
            assertEquals(0, server.getRequestCount(), "lazy: nothing fetched before the first element is needed");
            assertEquals("Adele Vance", it.next().name());
            assertEquals(1, server.getRequestCount());
            List<String> rest = new java.util.ArrayList<>();
            it.forEachRemaining(m -> rest.add(m.name()));
            assertEquals(List.of("Alex Wilber", "Megan Bowen", "Lee Gu"), rest);
        }
        assertEquals("/amer/v3/conversations/" + Harness.THREAD_ENCODED + "/pagedmembers?pageSize=50", server.takeRequest().getTarget());
        assertTrue(server.takeRequest().getTarget().endsWith("pagedmembers?pageSize=50&continuationToken=a1b2c3SW5Jc0xhc3RQYWdlPWZhbHNlO1NraXA9Mjswd2VpcmQtYnV0LW9wYXF1ZQ"));
        assertTrue(server.takeRequest().getTarget().endsWith("pagedmembers?pageSize=50&continuationToken=t2"));
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void asyncPagedMembersCollectAllPages() throws Exception {
        server.enqueue(json(200, Fixtures.read("connector/paged-members.response.page1.json")));
        server.enqueue(json(200, Fixtures.read("connector/paged-members.response.last.json")));
        try (ConnectorClient client = client()) {
            List<ChannelAccount> all = client.async().conversationMembers(Harness.THREAD, null).get();
            assertEquals(List.of("Adele Vance", "Alex Wilber", "Lee Gu"),
                    all.stream().map(ChannelAccount::name).collect(Collectors.toList()));
        }
    }

    @Test
    void asyncViewCompletesWithTheParsedResponse() throws Exception {
        server.enqueue(json(200, Fixtures.read("connector/members.response.json")));
        server.enqueue(json(404, Fixtures.read("connector/errors/conversation-not-found.404.json")));
        try (ConnectorClient client = client()) {
            ConnectorAsyncClient async = client.async();
            assertEquals(3, async.conversationMembers(Harness.ADELE_CONVERSATION).get().size());
            java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> async.deleteActivity(Harness.ADELE_CONVERSATION, "1").get());
            assertTrue(e.getCause() instanceof ConversationNotFoundException, e.getCause().toString());
            assertSame(client, async.sync());
        }
    }

    @Test
    void transportSendsArbitraryRequestsThroughThePipeline() throws Exception {
        server.enqueue(json(207, Fixtures.read("connector/meeting-notification.response.207.json")));
        server.enqueue(json(201, "operation-1"));
        try (ConnectorClient client = client()) {
            ConnectorTransport transport = client.transport();
            ConnectorTransport.Result<Map<?, ?>> result = transport.call("POST",
                    "v1/meetings/" + io.github.botconnector.internal.PathSegments.encode("MCMxOTptZWV0aW5n@thread.v2") + "/notification",
                    null, Map.of("type", "targetedMeetingNotification"), (Class<Map<?, ?>>) (Class<?>) Map.class);
            assertEquals(207, result.statusCode());
            assertTrue(result.body().containsKey("recipientsFailureInfo"));
            ConnectorTransport.Result<String> raw = transport.callAsync("POST", "/v3/batch/conversation/users/",
                    Map.of("x", "a b"), Map.of("tenantId", "t"), String.class).get();
            assertEquals("operation-1", raw.body());
        }
        RecordedRequest first = server.takeRequest();
        assertEquals("/amer/v1/meetings/MCMxOTptZWV0aW5n%40thread.v2/notification", first.getTarget());
        assertTrue(first.getHeaders().get("Authorization").startsWith("Bearer "));
        assertJsonEquals("{\"type\":\"targetedMeetingNotification\"}", first.getBody().utf8());
        assertEquals("/amer/v3/batch/conversation/users/?x=a%20b", server.takeRequest().getTarget());
    }
}
