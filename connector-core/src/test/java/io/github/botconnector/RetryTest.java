package io.github.botconnector;

import static io.github.botconnector.Harness.ADELE_CONVERSATION;
import static io.github.botconnector.Harness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.auth.AccessToken;
import io.github.botconnector.exception.ConnectorException;
import io.github.botconnector.exception.ConnectorIOException;
import io.github.botconnector.exception.ConnectorResponseException;
import io.github.botconnector.exception.NotFoundException;
import io.github.botconnector.exception.PossiblyDeliveredException;
import io.github.botconnector.exception.ThrottledException;
import io.github.botconnector.exception.TokenAcquisitionException;
import io.github.botconnector.auth.TokenProvider;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.test.CapturedLogs;
import io.github.botconnector.test.Fixtures;
import io.github.botconnector.testsupport.ManualClock;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.Dns;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Retry table: what is retried, how long the client waits, and what never is. No real waiting: fake clock. */
class RetryTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final Harness.CountingTokens tokens = new Harness.CountingTokens();
    private final ManualClock time = ManualClock.atFixtureNow();

    private ConnectorClient client() {
        return Harness.client(server, tokens, time).build();
    }

    private static MockResponse throttled(String retryAfter) {
        return new MockResponse.Builder().code(429).setHeader("Retry-After", retryAfter)
                .body(Fixtures.read("connector/errors/throttled.429.json")).build();
    }

    @Test
    void retryAfterSecondsIsHonoured() throws Exception {
        server.enqueue(throttled("2"));
        server.enqueue(json(201, "{\"id\":\"1\"}"));
        try (ConnectorClient client = client()) {
            assertEquals("1", client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi")).id());
        }
        assertEquals(List.of(Duration.ofSeconds(2)), time.sleeps());
        RecordedRequest first = server.takeRequest();
        RecordedRequest second = server.takeRequest();
        assertEquals(first.getHeaders().get("x-ms-client-request-id"), second.getHeaders().get("x-ms-client-request-id"));
    }

    @Test
    void retryAfterHttpDateIsHonoured() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(time.instant().plusSeconds(7).atOffset(ZoneOffset.UTC));
        server.enqueue(throttled(date));
        server.enqueue(json(201, "{\"id\":\"1\"}"));
        try (ConnectorClient client = client()) {
            client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi"));
        }
        assertEquals(List.of(Duration.ofSeconds(7)), time.sleeps());
    }

    @Test
    void retryAfterAboveTheCapFailsAtOnceWithTheRequestedDelay() throws Exception {
        server.enqueue(throttled("30"));
        server.enqueue(throttled("30"));
        server.enqueue(json(201, "{\"id\":\"1\"}"));
        try (ConnectorClient client = Harness.client(server, tokens, time)
                .retryPolicy(Harness.policy(time).maxRetryAfter(Duration.ofSeconds(3)).build()).build()) {
            ThrottledException e = assertThrows(ThrottledException.class,
                    () -> client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi")));
            assertEquals(Duration.ofSeconds(30), e.retryAfter());
            assertEquals(1, e.attempts());
            assertEquals(1, server.getRequestCount(), "never retried before the server's time");

            ExecutionException async = assertThrows(ExecutionException.class, () -> client.async()
                    .sendToConversation(ADELE_CONVERSATION, Activity.message("hi")).get(30, TimeUnit.SECONDS));
            ThrottledException viaAsync = assertInstanceOf(ThrottledException.class, async.getCause());
            assertEquals(Duration.ofSeconds(30), viaAsync.retryAfter());
        }
        assertEquals(2, server.getRequestCount());
        assertTrue(time.sleeps().isEmpty(), "no wait at all: " + time.sleeps());
    }

    @Test
    void retryAfterAtTheCapIsWaitedFor() {
        server.enqueue(throttled("3"));
        server.enqueue(json(201, "{\"id\":\"1\"}"));
        try (ConnectorClient client = Harness.client(server, tokens, time)
                .retryPolicy(Harness.policy(time).maxRetryAfter(Duration.ofSeconds(3)).build()).build()) {
            assertEquals("1", client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi")).id());
        }
        assertEquals(List.of(Duration.ofSeconds(3)), time.sleeps());
    }

    @Test
    void retriedStatusesComeFromThePolicy() {
        server.enqueue(new MockResponse.Builder().code(412).build());
        server.enqueue(json(500, "{}"));
        server.enqueue(json(201, "{\"id\":\"1\"}"));
        RetryPolicy policy = Harness.policy(time).retryableStatuses(Set.of(500)).build();
        try (ConnectorClient client = Harness.client(server, tokens, time).retryPolicy(policy).build()) {
            ConnectorResponseException e = assertThrows(ConnectorResponseException.class,
                    () -> client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi")));
            assertEquals(412, e.statusCode(), "412 is not in this policy's statuses");
            assertEquals("1", client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi")).id());
        }
        assertEquals(3, server.getRequestCount());
        assertEquals(1, time.sleeps().size());
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().retryableStatuses(Set.of(401)));
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().retryableStatuses(Set.of(200)));
    }

    @Test
    void aSendResetAfterDeliveryThenAnsweredWithServiceUnavailableIsReportedAsPossiblyDelivered() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder().code(503).build());
        try (ConnectorClient client = Harness.client(server, tokens, time)
                .retryPolicy(Harness.policy(time).retryPossiblyDeliveredRequests(true).build()).build()) {
            PossiblyDeliveredException e = assertThrows(PossiblyDeliveredException.class,
                    () -> client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi")));
            assertTrue(e.possiblyDelivered());
            assertEquals(4, e.attempts());
            ConnectorResponseException last = assertInstanceOf(ConnectorResponseException.class, e.getCause());
            assertEquals(503, last.statusCode());
            assertTrue(e.getMessage().contains("may have been delivered"), e.getMessage());
        }
        assertEquals(4, server.getRequestCount());
    }

    @Test
    void possiblyDeliveredStaysWhenTheRetryCannotGetAToken() throws Exception {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        AtomicInteger calls = new AtomicInteger();
        TokenProvider failsSecondTime = new TokenProvider() {
            @Override
            public AccessToken getToken() {
                if (calls.incrementAndGet() > 1) {
                    throw new TokenAcquisitionException("token endpoint unreachable", null);
                }
                return tokens.getToken();
            }

            @Override
            public void tokenRejected(AccessToken token) {
            }
        };
        try (ConnectorClient client = Harness.client(server, failsSecondTime, time)
                .retryPolicy(Harness.policy(time).retryPossiblyDeliveredRequests(true).build()).build()) {
            PossiblyDeliveredException e = assertThrows(PossiblyDeliveredException.class,
                    () -> client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi")));
            assertInstanceOf(TokenAcquisitionException.class, e.getCause());

            server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                    .build());
            calls.set(0);
            ExecutionException async = assertThrows(ExecutionException.class, () -> client.async()
                    .sendToConversation(ADELE_CONVERSATION, Activity.message("hi")).get(30, TimeUnit.SECONDS));
            PossiblyDeliveredException viaAsync = assertInstanceOf(PossiblyDeliveredException.class, async.getCause());
            assertInstanceOf(TokenAcquisitionException.class, viaAsync.getCause());
        }
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void aGetResetThenAnsweredIsNotMarkedPossiblyDelivered() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(json(404, Fixtures.read("connector/errors/conversation-not-found.404.json")));
        try (ConnectorClient client = client()) {
            ConnectorException e = assertThrows(ConnectorException.class,
                    () -> client.conversationMember(ADELE_CONVERSATION, "x"));
            assertFalse(e.possiblyDelivered());
            assertInstanceOf(NotFoundException.class, e);
        }
    }

    @Test
    void retriesAreLoggedAtInfoAndTheFinalFailureAtWarnWithTheRequestId() {
        CapturedLogs.clear();
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder().code(503).setHeader("x-ms-request-id", "req-" + i).build());
        }
        try (ConnectorClient client = client()) {
            assertThrows(ConnectorResponseException.class,
                    () -> client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi")));
        }
        List<CapturedLogs.Event> info = CapturedLogs.events().stream()
                .filter(e -> e.level() == Level.INFO && e.logger().equals("io.github.botconnector.http")).toList();
        assertEquals(3, info.size(), CapturedLogs.allText());
        assertTrue(info.get(0).message().contains("HTTP 503"), info.get(0).message());
        assertTrue(info.get(0).message().contains("attempt 1 done"), info.get(0).message());
        assertTrue(info.get(0).message().contains("x-ms-request-id: req-0"), info.get(0).message());
        assertTrue(info.get(0).message().contains(time.sleeps().get(0).toMillis() + " ms"), info.get(0).message());
        List<CapturedLogs.Event> warn = CapturedLogs.events().stream()
                .filter(e -> e.level() == Level.WARN && e.logger().equals("io.github.botconnector.http")).toList();
        assertEquals(1, warn.size(), CapturedLogs.allText());
        assertTrue(warn.get(0).message().contains("x-ms-request-id: req-3"), warn.get(0).message());
        assertTrue(warn.get(0).message().contains("all 4 attempts were made"), warn.get(0).message());
        assertFalse(CapturedLogs.allText().contains(Harness.TOKEN_PREFIX));
    }

    @Test
    void retryLinesAreRateLimited() {
        CapturedLogs.clear();
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(503).build();
            }
        });
        // The fake clock only moves by the (at most 1 s) backoffs: 24 retries stay inside one 10 s window.
        RetryPolicy policy = Harness.policy(time).maxAttempts(4).maxDelay(Duration.ofMillis(100)).build();
        try (ConnectorClient client = Harness.client(server, tokens, time).retryPolicy(policy).build()) {
            for (int i = 0; i < 8; i++) {
                assertThrows(ConnectorResponseException.class,
                        () -> client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi")));
            }
        }
        long info = CapturedLogs.events().stream()
                .filter(e -> e.level() == Level.INFO && e.logger().equals("io.github.botconnector.http")).count();
        long debug = CapturedLogs.events().stream()
                .filter(e -> e.level() == Level.DEBUG && e.message().contains("retrying in")).count();
        assertEquals(10, info, "at most 10 retry lines per 10 s window");
        assertEquals(24, debug, "DEBUG keeps a line per retry");
    }

    @Test
    void serviceUnavailableThenCreatedSucceedsAfterBackoff() {
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(json(201, "{\"id\":\"1\"}"));
        try (ConnectorClient client = client()) {
            assertEquals("1", client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi")).id());
        }
        assertEquals(1, time.sleeps().size());
        Duration d = time.sleeps().get(0);
        assertTrue(!d.isNegative() && d.compareTo(Duration.ofSeconds(1)) <= 0, d.toString());
        assertEquals(2, server.getRequestCount());
    }

    @ParameterizedTest
    @ValueSource(ints = {412, 502, 504})
    void otherTransientStatusesAreRetried(int status) {
        server.enqueue(new MockResponse.Builder().code(status).build());
        server.enqueue(json(200, "{\"id\":\"1\"}"));
        try (ConnectorClient client = client()) {
            client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi"));
        }
        assertEquals(2, server.getRequestCount());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad-argument.400.json", "bot-not-in-conversation-roster.403.json",
            "conversation-not-found.404.json", "message-size-too-big.413.json", "service-error-unknown.json"})
    void clientErrorsAndServerErrorsAreNeverRetried(String file) {
        int status = file.equals("service-error-unknown.json") ? 500 : Integer.parseInt(file.replaceAll(".*\\.(\\d{3})\\.json", "$1"));
        server.enqueue(json(status, Fixtures.read("connector/errors/" + file)));
        server.enqueue(json(201, "{\"id\":\"1\"}"));
        try (ConnectorClient client = client()) {
            ConnectorResponseException e = assertThrows(ConnectorResponseException.class,
                    () -> client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi")));
            assertEquals(status, e.statusCode());
            assertEquals(1, e.attempts());
        }
        assertEquals(1, server.getRequestCount());
        assertTrue(time.sleeps().isEmpty());
    }

    @Test
    void resetAfterThePostWasWrittenIsNotRetried() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(json(201, "{\"id\":\"1\"}"));
        try (ConnectorClient client = client()) {
            PossiblyDeliveredException e = assertThrows(PossiblyDeliveredException.class,
                    () -> client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi")));
            assertTrue(e.getMessage().contains("may have been delivered"), e.getMessage());
            assertTrue(e.possiblyDelivered());
            assertEquals(1, e.attempts());
        }
        assertEquals(1, server.getRequestCount());
        assertTrue(time.sleeps().isEmpty());
    }

    @Test
    void resetAfterThePostWasWrittenIsRetriedWhenOptedIn() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(json(201, "{\"id\":\"1\"}"));
        try (ConnectorClient client = Harness.client(server, tokens, time)
                .retryPolicy(Harness.policy(time).retryPossiblyDeliveredRequests(true).build()).build()) {
            assertEquals("1", client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi")).id());
        }
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void resetOfAGetIsRetried() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(json(200, Fixtures.read("connector/member.response.json")));
        try (ConnectorClient client = client()) {
            assertEquals("Adele Vance", client.conversationMember(ADELE_CONVERSATION, "x").name());
        }
        assertEquals(1, time.sleeps().size());
    }

    @Test
    void connectFailureIsRetried() {
        AtomicInteger lookups = new AtomicInteger();
        Dns flaky = host -> {
            if (lookups.incrementAndGet() == 1) {
                throw new UnknownHostException("simulated DNS failure for " + host);
            }
            return List.of(InetAddress.getLoopbackAddress());
        };
        server.enqueue(json(201, "{\"id\":\"1\"}"));
        OkHttpClient base = new OkHttpClient.Builder().dns(flaky).build();
        try (ConnectorClient client = Harness.client(server, tokens, time).httpClient(base).build()) {
            assertEquals("1", client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi")).id());
        }
        assertEquals(1, time.sleeps().size());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void connectFailuresExhaustTheAttempts() {
        Dns broken = host -> {
            throw new UnknownHostException("simulated DNS failure for " + host);
        };
        OkHttpClient base = new OkHttpClient.Builder().dns(broken).build();
        try (ConnectorClient client = Harness.client(server, tokens, time).httpClient(base).build()) {
            ConnectorIOException e = assertThrows(ConnectorIOException.class,
                    () -> client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi")));
            assertFalse(e.possiblyDelivered());
            assertEquals(4, e.attempts());
            assertInstanceOf(UnknownHostException.class, e.getCause());
            assertTrue(e.getMessage().contains("before the request was sent"), e.getMessage());
        }
        assertEquals(3, time.sleeps().size());
    }

    @Test
    void attemptsAreCapped() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(new MockResponse.Builder().code(503).build());
        }
        try (ConnectorClient client = Harness.client(server, tokens, time)
                .retryPolicy(Harness.policy(time).maxAttempts(3).build()).build()) {
            ConnectorResponseException e = assertThrows(ConnectorResponseException.class,
                    () -> client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi")));
            assertEquals(503, e.statusCode());
            assertEquals(3, e.attempts());
        }
        assertEquals(3, server.getRequestCount());
        assertEquals(2, time.sleeps().size());
    }

    @Test
    void exponentialBackoffStaysUnderItsCaps() {
        for (int i = 0; i < 6; i++) {
            server.enqueue(new MockResponse.Builder().code(502).build());
        }
        try (ConnectorClient client = Harness.client(server, tokens, time)
                .retryPolicy(Harness.policy(time).maxAttempts(6).maxDelay(Duration.ofSeconds(3)).build()).build()) {
            assertThrows(ConnectorResponseException.class,
                    () -> client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi")));
        }
        assertEquals(5, time.sleeps().size());
        long[] capsMillis = {1000, 2000, 3000, 3000, 3000};
        for (int i = 0; i < 5; i++) {
            assertTrue(time.sleeps().get(i).toMillis() <= capsMillis[i], time.sleeps().toString());
        }
    }

    @Test
    void totalBudgetIsRespected() {
        server.enqueue(throttled("30"));
        server.enqueue(throttled("30"));
        server.enqueue(throttled("30"));
        try (ConnectorClient client = Harness.client(server, tokens, time)
                .retryPolicy(Harness.policy(time).totalBudget(Duration.ofSeconds(45)).build()).build()) {
            ThrottledException e = assertThrows(ThrottledException.class,
                    () -> client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi")));
            assertEquals(2, e.attempts());
            assertEquals(Duration.ofSeconds(30), e.retryAfter());
        }
        assertEquals(List.of(Duration.ofSeconds(30)), time.sleeps());
    }

    @Test
    void readTimeoutOfAPostIsReportedAsPossiblyDelivered() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        try (ConnectorClient client = Harness.client(server, tokens, time).readTimeout(Duration.ofMillis(200)).build()) {
            PossiblyDeliveredException e = assertThrows(PossiblyDeliveredException.class,
                    () -> client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi")));
            assertTrue(e.getMessage().contains("may have been delivered"), e.getMessage());
            assertTrue(e.getMessage().contains("retryPossiblyDeliveredRequests(true)"), e.getMessage());
        }
        // On a loaded machine the client may give up before the server thread has read the request: wait for it
        // rather than count at once.
        assertNotNull(awaitRequest());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void retryAfterOnServiceUnavailableAndPastDatesAreHonoured() {
        server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "5").build());
        server.enqueue(throttled("Wed, 14 Jan 2026 12:00:00 GMT"));
        server.enqueue(json(201, "{\"id\":\"1\"}"));
        try (ConnectorClient client = client()) {
            client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi"));
        }
        assertEquals(List.of(Duration.ofSeconds(5), Duration.ZERO), time.sleeps());
    }

    @Test
    void noneNeverRetries() {
        server.enqueue(new MockResponse.Builder().code(503).build());
        try (ConnectorClient client = Harness.client(server, tokens, time).retryPolicy(RetryPolicy.none()).build()) {
            assertThrows(ConnectorResponseException.class,
                    () -> client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi")));
        }
        assertEquals(1, server.getRequestCount());
    }

    private mockwebserver3.RecordedRequest awaitRequest() {
        try {
            return server.takeRequest(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
