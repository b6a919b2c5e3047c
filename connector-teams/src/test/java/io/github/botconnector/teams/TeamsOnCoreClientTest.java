package io.github.botconnector.teams;

import static io.github.botconnector.teams.support.RecordingDispatcher.body;
import static io.github.botconnector.teams.support.RecordingDispatcher.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.exception.PossiblyDeliveredException;
import io.github.botconnector.RawResponse;
import io.github.botconnector.RetryPolicy;
import io.github.botconnector.auth.TokenProvider;
import io.github.botconnector.auth.TrustedHosts;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.schema.Channels;
import io.github.botconnector.schema.ConversationAccount;
import io.github.botconnector.schema.ConversationParameters;
import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.teams.support.TeamsServerTest;
import io.github.botconnector.teams.support.TestClients;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * TeamsClient is built on the core client: the same validation before any I/O (same exception, same message), the
 * same tenant fill-in, typed errors and retries, and blocking calls on the caller's thread.
 */
class TeamsOnCoreClientTest extends TeamsServerTest {

    private static final String ADELE = "29:1rLA8axJC9icrhSQQbKQwSIrK1RtIEkowbq7wDybG9I0VGs-mpjBA6KvisxrKPpFFc-mmc1C0Q-4dYbOSAo-6TA";
    private static final String CHAT = "a:1R_0bImEnyH6vtVQNnRxrEN86q9eprIs_DdknLzad7TKuP9GJIdWHda3l2P6q6xU9NG0fGECJ5wAu5HsgdbngLAxcVzHYtMHqNp4NJqN0kRifUvCng";
    private static final String RELEASES = "19:9e556880874c19d2faad1be9feee1ce2@thread.tacv2";
    private static final String THREAD = RELEASES + ";messageid=1768478400321";

    private ConversationReference reference() {
        return ConversationReference.builder()
                .serviceUrl(connector.serviceUrl())
                .channelId(Channels.MSTEAMS)
                .conversation(ConversationAccount.builder().id(CHAT).tenantId(TENANT).build())
                .bot(ChannelAccount.of("28:805a9832-b270-4490-a35a-a726f1fc9513"))
                .build();
    }

    private static Activity oversized() {
        return Activity.message("x".repeat(120 * 1024));
    }

    private static Activity typeless() {
        return Activity.builder().text("no type").build();
    }

    @Test
    void oversizedAndTypelessActivitiesAreRefusedBeforeAnyRequestExactlyAsByTheCoreClient() {
        for (Activity bad : List.of(oversized(), typeless())) {
            IllegalArgumentException core = assertThrows(IllegalArgumentException.class,
                    () -> connector.sendToConversation(THREAD, bad));
            assertSame(core, () -> teams.replyInThread(THREAD, bad));
            assertSame(core, () -> teams.async().replyInThread(THREAD, bad));
            assertSame(core, () -> teams.sendToUsers(List.of(ADELE), bad, TENANT));
            assertSame(core, () -> teams.sendToTenant(bad, TENANT));

            IllegalArgumentException coreSend = assertThrows(IllegalArgumentException.class,
                    () -> connector.send(reference(), bad));
            assertSame(coreSend, () -> teams.send(reference(), bad));
            assertSame(coreSend, () -> teams.async().send(reference(), bad));

            ConversationParameters thread = ConversationParameters.builder().isGroup(true).tenantId(TENANT)
                    .channelData(Map.of("channel", Map.of("id", RELEASES))).activity(bad).build();
            IllegalArgumentException coreCreate = assertThrows(IllegalArgumentException.class,
                    () -> connector.createConversation(thread));
            assertSame(coreCreate, () -> teams.createChannelThread(RELEASES, bad, TENANT));
            assertSame(coreCreate, () -> teams.createOrGetDirectConversation(null, ChannelAccount.of(ADELE), TENANT,
                    bad));
            assertSame(coreCreate, () -> teams.async().createChannelThread(RELEASES, bad, TENANT));
        }
        assertEquals(0, server.getRequestCount(), "nothing was sent");
    }

    private static void assertSame(IllegalArgumentException expected, Executable teamsCall) {
        IllegalArgumentException actual = assertThrows(IllegalArgumentException.class, teamsCall);
        assertEquals(expected.getClass(), actual.getClass());
        assertEquals(expected.getMessage(), actual.getMessage());
    }

    @Test
    void teamsSendsGetTheCoreTenantFillIn() throws Exception {
        server.enqueue(json(201, "{\"id\":\"1\"}"));
        ConversationReference withoutTenantOnConversation = reference().toBuilder()
                .conversation(ConversationAccount.builder().id(CHAT).build())
                .build();
        ConversationReference stored = ConversationReference.fromJson(withoutTenantOnConversation.toJson()
                .replaceFirst("\\{", "{\"tenantId\":\"" + TENANT + "\","));
        assertEquals(TENANT, stored.tenantId());
        assertEquals("1", teams.send(stored, Activity.message("hi")).id());
        Activity sent = Activity.fromJson(body(take()));
        assertEquals(TENANT, sent.conversation().tenantId(), "filled in from the reference, as by the core client");
    }

    @Test
    void teamsCallsAreRetriedAndMarkedPossiblyDeliveredByTheCorePipeline() {
        List<String> threads = new CopyOnWriteArrayList<>();
        OkHttpClient recording = new OkHttpClient.Builder().addInterceptor(chain -> {
            threads.add(Thread.currentThread().getName());
            return chain.proceed(chain.request());
        }).build();
        RetryPolicy immediate = RetryPolicy.builder().retryPossiblyDeliveredRequests(true)
                .sleeper(d -> CompletableFuture.completedFuture(null)).build();
        try (ConnectorClient retrying = ConnectorClient.builder()
                .serviceUrl(server.url(prefix).toString())
                .credentials(TokenProvider.fixed(TestClients.TOKEN))
                .trustedHosts(TrustedHosts.builder().allowLoopback(true).build())
                .httpClient(recording)
                .retryPolicy(immediate)
                .build()) {
            TeamsClient retryingTeams = TeamsClient.of(retrying);
            server.enqueue(new MockResponse.Builder().code(503).build());
            server.enqueue(json(200, "{\"id\":\"" + RELEASES + "\",\"name\":\"Releases\"}"));
            assertEquals("Releases", retryingTeams.teamDetails(RELEASES).name());

            server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                    .build());
            for (int i = 0; i < 3; i++) {
                server.enqueue(new MockResponse.Builder().code(503).build());
            }
            PossiblyDeliveredException e = assertThrows(PossiblyDeliveredException.class,
                    () -> retryingTeams.replyInThread(THREAD, Activity.message("hi")));
            assertEquals(503, assertInstanceOf(io.github.botconnector.exception.ConnectorResponseException.class,
                    e.getCause()).statusCode());
        }
        assertEquals(6, server.getRequestCount());
        String caller = Thread.currentThread().getName();
        assertEquals(List.of(caller, caller, caller, caller, caller, caller), threads,
                "every exchange of a blocking Teams call runs on the caller's thread");
    }

    @Test
    void rawRequestsGoThroughTheFullPipeline() throws Exception {
        server.enqueue(json(200, "{\"id\":\"19:x\"}"));
        RawResponse raw = connector.rawRequest("GET", "v3/teams/19%3Ax", Map.of("a", "b c"), null);
        assertEquals(200, raw.statusCode());
        assertEquals("{\"id\":\"19:x\"}", raw.body());
        RecordedRequest request = take();
        assertEquals(prefix + "v3/teams/19%3Ax?a=b%20c", request.getTarget());

        server.enqueue(json(201, "{\"id\":\"1\"}"));
        RawResponse posted = connector.async().rawRequest("post", "/v3/conversations", null, "{\"isGroup\":false}")
                .get(30, TimeUnit.SECONDS);
        assertEquals(201, posted.statusCode());
        RecordedRequest post = take();
        assertEquals("POST", post.getMethod());
        assertEquals("{\"isGroup\":false}", body(post));
        assertEquals("application/json; charset=utf-8", post.getHeaders().get("Content-Type"));

        assertThrows(IllegalArgumentException.class,
                () -> connector.rawRequest("GET", "https://evil.example/v3/teams", null, null));
        assertThrows(IllegalArgumentException.class, () -> connector.rawRequest("GET", "//evil.example/x", null, null));
        assertThrows(IllegalArgumentException.class, () -> connector.rawRequest("GET", "v3/teams?x=1", null, null));
        assertThrows(IllegalArgumentException.class, () -> connector.rawRequest("TRACE", "v3/teams", null, null));
        assertEquals(2, server.getRequestCount());
    }
}
