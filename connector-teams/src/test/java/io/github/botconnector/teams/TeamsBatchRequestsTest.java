package io.github.botconnector.teams;

import static io.github.botconnector.teams.support.RecordingDispatcher.body;
import static io.github.botconnector.teams.support.RecordingDispatcher.json;
import static io.github.botconnector.test.JsonAssert.assertJsonEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.exception.ConnectorException;
import io.github.botconnector.ConnectorClient;
import io.github.botconnector.exception.ConnectorResponseException;
import io.github.botconnector.RetryPolicy;
import io.github.botconnector.auth.BotCloud;
import io.github.botconnector.auth.TokenProvider;
import io.github.botconnector.auth.TrustedHosts;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ActivityTypes;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.teams.support.TeamsServerTest;
import io.github.botconnector.teams.support.TestClients;
import io.github.botconnector.test.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The requests of the Teams batch messaging operations, checked against the fixtures on a mock Bot Connector. */
class TeamsBatchRequestsTest extends TeamsServerTest {

    private static final String TEAM = "19:xU5yQt4xbGuJMzxgOjBfG6UtfiBiE3qmNxOk8mvkTH9D@thread.tacv2";
    private static final String INCIDENTS = "19:02462b0293bad658a74848c6bc2239ef@thread.tacv2";
    private static final String RELEASES = "19:9e556880874c19d2faad1be9feee1ce2@thread.tacv2";
    private static final String ADELE = "29:1rLA8axJC9icrhSQQbKQwSIrK1RtIEkowbq7wDybG9I0VGs-mpjBA6KvisxrKPpFFc-mmc1C0Q-4dYbOSAo-6TA";
    private static final String ALEX = "29:1m4uh55ItoqJaqUGBZ5NZqUOeAmq5cCmKToycOiZ_wmxWpS6Coz13R0mp6HKT5jISG4ig3mQaSNTQ74haJ6aEtQ";
    private static final String LEE = "29:1N_IN7S35A-J_G0-6L5vhUgc1ptdTB1HmjqSDFSDpVjwjO4fP0ryUnWdb7Fot6OtaPL-ViYHOrfPvY3gDKHOm_Q";
    private static final String TEXT = "The cafeteria in building 4 is closed today. Lunch is served in building 2.";
    private static final String OPERATION = "bf9ad42b-7176-4931-958d-2529f65a3a3c";

    private void enqueueSendResponse() {
        server.enqueue(json(201, Fixtures.read("connector/batch/send.response.json")));
    }

    private void assertPost(String route, String fixture) throws InterruptedException {
        RecordedRequest request = take();
        assertEquals("POST", request.getMethod());
        assertEquals(prefix + "v3/batch/conversation/" + route + "/", request.getTarget(), "trailing slash as the Microsoft SDKs send");
        assertTrue(request.getHeaders().get("Content-Type").startsWith("application/json"));
        assertJsonEquals(Fixtures.read("connector/batch/" + fixture), body(request));
    }

    @Test
    void sendToUsers() throws Exception {
        enqueueSendResponse();
        assertEquals(OPERATION, teams.sendToUsers(List.of(ADELE, ALEX, LEE), Activity.message(TEXT), TENANT));
        assertPost("users", "send-to-users.request.json");

        // Accounts (for example members from the member APIs) send their ids.
        enqueueSendResponse();
        assertEquals(OPERATION, teams.sendToUserAccounts(List.of(ChannelAccount.of(ADELE, "Adele Vance"),
                ChannelAccount.of(ALEX), ChannelAccount.of(LEE)), Activity.message(TEXT), TENANT));
        assertPost("users", "send-to-users.request.json");
    }

    @Test
    void sendToTenantTeamAndChannels() throws Exception {
        enqueueSendResponse();
        assertEquals(OPERATION, teams.sendToTenant(Activity.message(TEXT), TENANT));
        assertPost("tenant", "send-to-tenant.request.json");

        enqueueSendResponse();
        assertEquals(OPERATION, teams.sendToTeam(Activity.message(TEXT), TEAM, TENANT));
        assertPost("team", "send-to-team.request.json");

        enqueueSendResponse();
        assertEquals(OPERATION, teams.async().sendToChannels(List.of(INCIDENTS, RELEASES), Activity.message(TEXT), TENANT)
                .get(5, TimeUnit.SECONDS));
        assertPost("channels", "send-to-channels.request.json");
    }

    @Test
    void operationIdFromARawTextResponse() throws Exception {
        server.enqueue(new MockResponse.Builder().code(201).addHeader("Content-Type", "text/plain").body("operation-1").build());
        assertEquals("operation-1", teams.sendToTenant(Activity.message(TEXT), TENANT));
        server.enqueue(json(201, "\"operation-2\""));
        assertEquals("operation-2", teams.sendToTenant(Activity.message(TEXT), TENANT));
        server.enqueue(json(201, "{\"id\": \"x\"}"));
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> teams.sendToTenant(Activity.message(TEXT), TENANT));
        assertTrue(none.getMessage().contains("operationId"), none.getMessage());
        server.enqueue(json(201, ""));
        assertThrows(IllegalStateException.class, () -> teams.sendToTenant(Activity.message(TEXT), TENANT));
        assertEquals(4, server.getRequestCount());
    }

    @Test
    void operationStateAndCancel() throws Exception {
        server.enqueue(json(200, Fixtures.read("connector/batch/operation-state.ongoing.response.json")));
        BatchOperationState state = teams.batchOperationState(OPERATION);
        RecordedRequest get = take();
        assertEquals("GET", get.getMethod());
        assertEquals(prefix + "v3/batch/conversation/" + OPERATION, get.getTarget());
        assertTrue(state.isOngoing());
        assertEquals(1500, state.totalEntriesCount());

        server.enqueue(new MockResponse.Builder().code(200).build());
        teams.cancelBatchOperation(OPERATION);
        RecordedRequest cancel = take();
        assertEquals("DELETE", cancel.getMethod());
        assertEquals(prefix + "v3/batch/conversation/" + OPERATION, cancel.getTarget());

        // Ids are sent as one encoded path segment.
        server.enqueue(json(200, Fixtures.read("connector/batch/operation-state.completed.response.json")));
        assertEquals(BatchOperationState.COMPLETED, teams.batchOperationState("op/1 ?x").state());
        assertEquals(prefix + "v3/batch/conversation/op%2F1%20%3Fx", take().getTarget());
    }

    @Test
    void failedEntriesFollowEveryPage() throws Exception {
        server.enqueue(json(200, Fixtures.read("connector/batch/failed-entries.response.page1.json")));
        server.enqueue(json(200, Fixtures.read("connector/batch/failed-entries.response.id-variant.json")));
        List<BatchFailedEntry> entries = teams.batchFailedEntries(OPERATION);

        RecordedRequest first = take();
        assertEquals("GET", first.getMethod());
        assertEquals(prefix + "v3/batch/conversation/failedentries/" + OPERATION, first.getTarget());
        RecordedRequest second = take();
        assertEquals(prefix + "v3/batch/conversation/failedentries/" + OPERATION
                + "?continuationToken=MTAwO2JmOWFkNDJiLTcxNzYtNDkzMS05NThkLTI1MjlmNjVhM2EzYw", second.getTarget());
        assertEquals(List.of(ALEX.substring(0, 10), "29:1Tq0mV7", LEE.substring(0, 10)),
                entries.stream().map(e -> e.entryId().substring(0, 10)).toList());
        assertEquals(LEE, entries.get(2).entryId(), "id read from the 'id' spelling");
        assertEquals(List.of("BotNotInConversationRoster", "ConversationBlockedByUser", "UserNotFound"),
                entries.stream().map(BatchFailedEntry::error).toList());

        // One page at a time, the token query parameter escaped.
        server.enqueue(json(200, Fixtures.read("connector/batch/failed-entries.response.last.json")));
        BatchFailedEntriesResponse page = teams.batchFailedEntriesPage(OPERATION, "a+b/c=");
        assertNull(page.continuationToken());
        assertEquals(1, page.failedEntryResponses().size());
        assertEquals(prefix + "v3/batch/conversation/failedentries/" + OPERATION + "?continuationToken=a%2Bb%2Fc%3D",
                take().getTarget());
    }

    @Test
    void aRepeatedContinuationTokenStopsThePaging() {
        server.enqueue(json(200, Fixtures.read("connector/batch/failed-entries.response.page1.json")));
        server.enqueue(json(200, Fixtures.read("connector/batch/failed-entries.response.page1.json")));
        ConnectorException loop = assertThrows(ConnectorException.class, () -> teams.batchFailedEntries(OPERATION));
        assertTrue(loop.getMessage().contains("same continuation token"), loop.getMessage());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void manyRecipientsAreSentAndTheServiceRefusalIsSurfaced() throws Exception {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            many.add("29:user-" + i);
        }
        server.enqueue(json(400, "{\"error\":{\"code\":\"BadArgument\",\"message\":\"Too many members\"}}"));
        ConnectorResponseException refused = assertThrows(ConnectorResponseException.class,
                () -> teams.sendToUsers(many, Activity.message(TEXT), TENANT));
        assertEquals(400, refused.statusCode());
        RecordedRequest request = take();
        assertTrue(body(request).contains("29:user-1999"), "no client-side cap on the recipient count");
    }

    @Test
    void throttledSendIsRetriedByTheClientHonouringRetryAfter() throws Exception {
        List<Duration> sleeps = new CopyOnWriteArrayList<>();
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(3).sleeper(delay -> {
            sleeps.add(delay);
            return CompletableFuture.completedFuture(null);
        }).build();
        try (ConnectorClient retrying = ConnectorClient.builder()
                .serviceUrl(server.url(prefix).toString())
                .credentials(TokenProvider.fixed(TestClients.TOKEN))
                .trustedHosts(TrustedHosts.builder().cloud(BotCloud.PUBLIC).allowLoopback(true).build())
                .retryPolicy(policy)
                .build()) {
            server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7")
                    .addHeader("Content-Type", "application/json").body(Fixtures.read("connector/errors/throttled.429.json")).build());
            enqueueSendResponse();
            assertEquals(OPERATION, TeamsClient.of(retrying).sendToUsers(List.of(ADELE, ALEX, LEE), Activity.message(TEXT), TENANT));
            assertEquals(List.of(Duration.ofSeconds(7)), sleeps);
            assertPost("users", "send-to-users.request.json");
            assertPost("users", "send-to-users.request.json");
        }
    }

    @Test
    void refusalsHappenBeforeAnyRequest() {
        Activity message = Activity.message(TEXT);
        assertRule("tenantId", () -> teams.sendToUsers(List.of(ADELE), message, null));
        assertRule("tenantId", () -> teams.sendToTenant(message, " "));
        assertRule("tenantId", () -> teams.sendToTeam(message, TEAM, ""));
        assertRule("tenantId", () -> teams.sendToChannels(List.of(RELEASES), message, null));
        assertRule("userIds is empty", () -> teams.sendToUsers(List.of(), message, TENANT));
        assertRule("userIds is empty", () -> teams.sendToUsers(null, message, TENANT));
        assertRule("channelIds is empty", () -> teams.sendToChannels(List.of(), message, TENANT));
        assertRule("userIds[1] is null", () -> teams.sendToUsers(Arrays.asList(ADELE, null), message, TENANT));
        assertRule("channelIds[0] is blank", () -> teams.sendToChannels(List.of(" "), message, TENANT));
        assertRule("users[0] has no id", () -> teams.sendToUserAccounts(List.of(ChannelAccount.builder().name("x").build()),
                message, TENANT));
        assertRule("e-mail address or UPN", () -> teams.sendToUsers(List.of("AdeleV@contoso.example"), message, TENANT));
        assertRule("is a channel id", () -> teams.sendToUsers(List.of(RELEASES), message, TENANT));
        assertRule("thread conversation id", () -> teams.sendToChannels(List.of(RELEASES + ";messageid=1768478283123"),
                message, TENANT));
        assertRule("group chat", () -> teams.sendToChannels(List.of("19:5397f6f4e42b01ec4343efed6a4d865f@thread.v2"),
                message, TENANT));
        assertRule("teamId is required", () -> teams.sendToTeam(message, null, TENANT));
        assertRule("not a team id", () -> teams.sendToTeam(message, ADELE, TENANT));
        assertRule("activity is required", () -> teams.sendToTenant(null, TENANT));
        assertRule("only activities of type 'message'", () -> teams.sendToUsers(List.of(ADELE),
                Activity.builder().type(ActivityTypes.TYPING).build(), TENANT));
        assertThrows(IllegalArgumentException.class, () -> teams.batchOperationState(" "));
        assertThrows(IllegalArgumentException.class, () -> teams.batchFailedEntries(null));
        assertThrows(IllegalArgumentException.class, () -> teams.cancelBatchOperation(""));

        // The async view throws the same refusal at once, as the core client's async view does.
        assertRule("tenantId is required", () -> teams.async().sendToTenant(message, null));

        assertEquals(0, server.getRequestCount(), "nothing was sent");
    }

    private static void assertRule(String expected, org.junit.jupiter.api.function.Executable call) {
        TeamsRuleException e = assertThrows(TeamsRuleException.class, call);
        assertTrue(e.getMessage().contains(expected), "'" + expected + "' in: " + e.getMessage());
    }
}
