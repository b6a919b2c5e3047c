package io.github.botconnector;

import static io.github.botconnector.Harness.ADELE_CONVERSATION;
import static io.github.botconnector.Harness.TOKEN_PREFIX;
import static io.github.botconnector.Harness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.auth.AccessToken;
import io.github.botconnector.exception.ConnectorResponseException;
import io.github.botconnector.exception.TokenAcquisitionException;
import io.github.botconnector.auth.TokenProvider;
import io.github.botconnector.exception.UnauthorizedException;
import io.github.botconnector.exception.UntrustedHostException;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.test.Fixtures;
import io.github.botconnector.testsupport.ManualClock;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** 401 handling, untrusted service URLs and redirects. */
class AuthAndHostsTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    @StartStop
    final MockWebServer other = new MockWebServer();

    private final Harness.CountingTokens tokens = new Harness.CountingTokens();
    private final ManualClock time = ManualClock.atFixtureNow();

    @Test
    void a401RefreshesTheTokenOnceAndRetries() throws Exception {
        server.enqueue(json(401, Fixtures.read("connector/errors/authorization-denied.401.json")));
        server.enqueue(json(201, "{\"id\":\"1\"}"));
        try (ConnectorClient client = Harness.client(server, tokens, time).build()) {
            assertEquals("1", client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi")).id());
        }
        assertEquals(2, tokens.issued.get());
        assertEquals(1, tokens.rejected.size());
        assertEquals(TOKEN_PREFIX + "1", tokens.rejected.get(0).token());
        assertEquals("Bearer " + TOKEN_PREFIX + "1", server.takeRequest().getHeaders().get("Authorization"));
        assertEquals("Bearer " + TOKEN_PREFIX + "2", server.takeRequest().getHeaders().get("Authorization"));
        assertTrue(time.sleeps().isEmpty(), "the token refresh does not wait");
    }

    @Test
    void aSecond401FailsWithAHint() {
        server.enqueue(json(401, Fixtures.read("connector/errors/authorization-denied.401.json")));
        server.enqueue(json(401, Fixtures.read("connector/errors/authorization-denied.401.json")));
        server.enqueue(json(201, "{\"id\":\"1\"}"));
        try (ConnectorClient client = Harness.client(server, tokens, time).build()) {
            UnauthorizedException e = assertThrows(UnauthorizedException.class,
                    () -> client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi")));
            assertEquals(401, e.statusCode());
            assertEquals("Authorization has been denied for this request.", e.serviceMessage());
            assertTrue(e.getMessage().contains("single-tenant"), e.getMessage());
            assertTrue(e.getMessage().contains("botframework.com"), e.getMessage());
            assertTrue(e.getMessage().contains("https://api.botframework.com/.default"), e.getMessage());
            assertTrue(e.getMessage().contains("'public'"), e.getMessage());
        }
        assertEquals(2, server.getRequestCount());
        assertEquals(2, tokens.issued.get());
        assertEquals(2, tokens.rejected.size());
    }

    @Test
    void theHintShowsTheClaimsOfAJwtButNeverTheToken() {
        // header {"alg":"none"}, claims: aud, tid, appid, iss (unsigned; only decoded for the diagnosis)
        String jwt = "eyJhbGciOiJub25lIn0." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"aud\":\"https://graph.microsoft.com\",\"tid\":\"c603ca06-32cc-4a8f-9a2a-a31442aeb907\","
                        + "\"appid\":\"805a9832-b270-4490-a35a-a726f1fc9513\",\"iss\":\"https://sts.windows.net/x/\"}")
                        .getBytes(StandardCharsets.UTF_8)) + ".";
        server.enqueue(json(401, "{}"));
        server.enqueue(json(401, "{}"));
        try (ConnectorClient client = Harness.client(server, TokenProvider.fixed(jwt), time).build()) {
            UnauthorizedException e = assertThrows(UnauthorizedException.class,
                    () -> client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi")));
            assertTrue(e.getMessage().contains("c603ca06-32cc-4a8f-9a2a-a31442aeb907"), e.getMessage());
            assertTrue(e.getMessage().contains("The audience should be https://api.botframework.com"), e.getMessage());
            assertTrue(!e.getMessage().contains(jwt));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://evil.com/",
            "https://attacker.trafficmanager.net/teams/",
            "https://smba.trafficmanager.net.evil.com/teams/",
            "http://smba.trafficmanager.net/teams/",
            "https://169.254.169.254/",
            "https://[::1]/",
            "https://127.0.0.1/",
            "https://user@smba.trafficmanager.net/teams/",
            "https://smba.trafficmanager.net:8443/teams/"})
    void untrustedServiceUrlsAreRefusedBeforeAnyConnectionOrToken(String url) {
        AtomicInteger calls = new AtomicInteger();
        OkHttpClient counting = new OkHttpClient.Builder().eventListener(new EventListener() {
            @Override
            public void callStart(Call call) {
                calls.incrementAndGet();
            }
        }).build();
        try (ConnectorClient client = ConnectorClient.builder().serviceUrl(url).credentials(tokens)
                .httpClient(counting).retryPolicy(Harness.policy(time).build()).build()) {
            UntrustedHostException e = assertThrows(UntrustedHostException.class,
                    () -> client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi")));
            assertTrue(e.getMessage().startsWith("Refusing to send the bot token"), e.getMessage());
            CompletionException async = assertThrows(CompletionException.class,
                    () -> client.async().conversationMembers(ADELE_CONVERSATION).join());
            assertTrue(async.getCause() instanceof UntrustedHostException);
        }
        assertEquals(0, calls.get(), "no HTTP call started");
        assertEquals(0, tokens.issued.get(), "no token requested");
        assertTrue(time.sleeps().isEmpty(), "an untrusted host is not retried");
    }

    @Test
    void aRedirectToAnotherHostDoesNotCarryTheToken() throws Exception {
        // server is "localhost", other is reached as "127.0.0.1": another host, both loopback (trusted in tests)
        String target = "http://127.0.0.1:" + other.getPort() + "/blob/chart.png";
        server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", target).build());
        other.enqueue(new MockResponse.Builder().code(200).body("PNG").build());
        try (ConnectorClient client = Harness.client(server, tokens, time).build();
             InputStream in = client.attachmentView("att-1", "original")) {
            assertEquals("PNG", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertTrue(server.takeRequest().getHeaders().get("Authorization").startsWith("Bearer "));
        RecordedRequest hop = other.takeRequest();
        assertEquals("/blob/chart.png", hop.getTarget());
        assertNull(hop.getHeaders().get("Authorization"));
    }

    @Test
    void aRedirectToTheSameHostKeepsTheToken() throws Exception {
        server.enqueue(new MockResponse.Builder().code(307).setHeader("Location", "/amer/v3/attachments/att-1/views/copy").build());
        server.enqueue(new MockResponse.Builder().code(200).body("PNG").build());
        try (ConnectorClient client = Harness.client(server, tokens, time).build();
             InputStream in = client.attachmentView("att-1", "original")) {
            assertEquals("PNG", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        server.takeRequest();
        assertTrue(server.takeRequest().getHeaders().get("Authorization").startsWith("Bearer "));
    }

    @Test
    void aRedirectToAnUntrustedHostIsRefused() {
        server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "https://evil.com/steal").build());
        try (ConnectorClient client = Harness.client(server, tokens, time).build()) {
            assertThrows(UntrustedHostException.class, () -> client.attachmentView("att-1", "original"));
        }
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void connectorCallsDoNotFollowRedirects() {
        server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "http://127.0.0.1:" + other.getPort() + "/x").build());
        try (ConnectorClient client = Harness.client(server, tokens, time).build()) {
            ConnectorResponseException e = assertThrows(ConnectorResponseException.class,
                    () -> client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi")));
            assertEquals(302, e.statusCode());
        }
        assertEquals(0, other.getRequestCount());
    }

    @Test
    void tokenFailuresAreReportedAsIsAndNotRetried() {
        TokenAcquisitionException failure = new TokenAcquisitionException("AADSTS700016: app not found; check the app id", null);
        TokenProvider failing = new TokenProvider() {
            @Override
            public AccessToken getToken() {
                throw failure;
            }

            @Override
            public void tokenRejected(AccessToken token) {
                // never called
            }
        };
        try (ConnectorClient client = Harness.client(server, failing, time).build()) {
            assertSame(failure, assertThrows(TokenAcquisitionException.class,
                    () -> client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi"))));
        }
        assertEquals(0, server.getRequestCount());
        assertTrue(time.sleeps().isEmpty());
    }

    @Test
    void aClosedClientFailsClearly() {
        ConnectorClient client = Harness.client(server, tokens, time).build();
        ConnectorClient sibling = client.withServiceUrl(server.url("/emea/").toString());
        sibling.close();
        server.enqueue(json(201, "{\"id\":\"1\"}"));
        assertEquals("1", client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi")).id());
        client.close();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> sibling.sendToConversation(ADELE_CONVERSATION, Activity.message("hi")));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    @Test
    void cancellingAnAsyncCallCancelsTheHttpCall() throws Exception {
        java.util.concurrent.CountDownLatch arrived = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                arrived.countDown();
                release.await(30, java.util.concurrent.TimeUnit.SECONDS);
                return json(201, "{\"id\":\"1\"}");
            }
        });
        try (ConnectorClient client = Harness.client(server, tokens, time).build()) {
            CompletableFuture<?> f = client.async().sendToConversation(ADELE_CONVERSATION, Activity.message("hi"));
            assertTrue(arrived.await(30, java.util.concurrent.TimeUnit.SECONDS));
            assertTrue(f.cancel(true));
            assertTrue(f.isCancelled());
        } finally {
            release.countDown();
        }
        assertTrue(time.sleeps().isEmpty(), "a cancelled call is not retried");
    }

    @Test
    void asyncTokensAreUsed() throws Exception {
        AtomicInteger asyncCalls = new AtomicInteger();
        TokenProvider asyncOnly = new TokenProvider() {
            @Override
            public AccessToken getToken() {
                throw new AssertionError("the pipeline must use getTokenAsync()");
            }

            @Override
            public CompletableFuture<AccessToken> getTokenAsync() {
                asyncCalls.incrementAndGet();
                return CompletableFuture.supplyAsync(() -> new AccessToken(TOKEN_PREFIX + "async", Instant.now().plusSeconds(60)));
            }

            @Override
            public void tokenRejected(AccessToken token) {
                // not rejected in this test
            }
        };
        server.enqueue(json(201, "{\"id\":\"1\"}"));
        try (ConnectorClient client = Harness.client(server, asyncOnly, time).build()) {
            assertEquals("1", client.async().sendToConversation(ADELE_CONVERSATION, Activity.message("hi")).get().id());
        }
        assertEquals(1, asyncCalls.get());
        assertEquals("Bearer " + TOKEN_PREFIX + "async", server.takeRequest().getHeaders().get("Authorization"));
    }
}
