package io.github.botconnector;

import static io.github.botconnector.Harness.ADELE_CONVERSATION;
import static io.github.botconnector.Harness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.auth.AccessToken;
import io.github.botconnector.exception.ConnectorException;
import io.github.botconnector.exception.ConnectorResponseException;
import io.github.botconnector.exception.TokenAcquisitionException;
import io.github.botconnector.auth.TokenProvider;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.test.CapturedLogs;
import io.github.botconnector.testsupport.ManualClock;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/** The listener sees every attempt, 429, retry, final outcome and token event, in order; it cannot break a call. */
class ListenerTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final Harness.CountingTokens tokens = new Harness.CountingTokens();
    private final ManualClock time = ManualClock.atFixtureNow();
    private final Recorder events = new Recorder();

    /** Writes each event as one line. */
    static final class Recorder implements ConnectorListener {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void requestStart(Request request) {
            lines.add("start " + request.method() + " " + request.path() + " #" + request.attempt());
        }

        @Override
        public void requestEnd(Request request, int status, String requestId, Duration duration) {
            assertFalse(duration.isNegative());
            lines.add("end " + status + " " + requestId + " #" + request.attempt());
        }

        @Override
        public void requestFailed(Request request, IOException error, Duration duration) {
            lines.add("failed #" + request.attempt());
        }

        @Override
        public void throttled(Request request, Duration retryAfter) {
            lines.add("throttled " + retryAfter);
        }

        @Override
        public void retryScheduled(Request request, String reason, Duration delay) {
            lines.add("retry " + reason + " in " + delay);
        }

        @Override
        public void callEnd(Request request, int status, Duration duration) {
            lines.add("call " + status + " after " + request.attempt());
        }

        @Override
        public void callFailed(Request request, RuntimeException failure, Duration duration) {
            lines.add("call failed " + failure.getClass().getSimpleName());
        }

        @Override
        public void tokenFetched(Duration duration) {
            lines.add("token fetched");
        }

        @Override
        public void tokenRefreshed(Duration duration) {
            lines.add("token refreshed");
        }

        @Override
        public void tokenFailed(RuntimeException failure) {
            lines.add("token failed");
        }
    }

    private ConnectorClient client(TokenProvider provider) {
        return Harness.client(server, provider, time).listener(events).build();
    }

    @Test
    void aThrottledThenSuccessfulSendReportsEachStepInOrder() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "2")
                .setHeader("x-ms-request-id", "r-1").build());
        server.enqueue(json(201, "{\"id\":\"1\"}").newBuilder().setHeader("x-ms-request-id", "r-2").build());
        try (ConnectorClient client = client(TokenProvider.fixed(Harness.TOKEN_PREFIX + "fixed"))) {
            client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi"));
        }
        String path = "/amer/v3/conversations/" + Harness.ADELE_CONVERSATION_ENCODED + "/activities";
        assertEquals(List.of("token fetched", "start POST " + path + " #1", "end 429 r-1 #1", "throttled PT2S",
                "retry HTTP 429 (Retry-After 2 s) in PT2S", "start POST " + path + " #2", "end 201 r-2 #2",
                "call 201 after 2"), events.lines);
    }

    @Test
    void aRejectedTokenIsRefreshedAndReported() {
        server.enqueue(json(401, "{}"));
        server.enqueue(json(201, "{\"id\":\"1\"}"));
        try (ConnectorClient client = client(tokens)) {
            client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi"));
        }
        assertEquals(List.of("token fetched", "token refreshed"),
                events.lines.stream().filter(l -> l.startsWith("token")).toList());
        assertTrue(events.lines.indexOf("token refreshed") > events.lines.indexOf("end 401 null #1"),
                events.lines.toString());
        assertEquals("call 201 after 1", events.lines.get(events.lines.size() - 1));
    }

    @Test
    void aFinalFailureStatusIsTheCallEnd() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(json(503, "{}"));
        }
        try (ConnectorClient client = client(tokens)) {
            assertThrows(ConnectorResponseException.class,
                    () -> client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi")));
        }
        assertEquals(3, events.lines.stream().filter(l -> l.startsWith("retry HTTP 503")).count(), events.lines.toString());
        assertEquals("call 503 after 4", events.lines.get(events.lines.size() - 1));
    }

    @Test
    void aConnectionFailureAndATokenFailureAreCallFailures() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        try (ConnectorClient client = client(tokens)) {
            assertThrows(ConnectorException.class,
                    () -> client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi")));
        }
        assertTrue(events.lines.contains("failed #1"), events.lines.toString());
        assertTrue(events.lines.get(events.lines.size() - 1).startsWith("call failed"), events.lines.toString());

        events.lines.clear();
        TokenProvider broken = new TokenProvider() {
            @Override
            public AccessToken getToken() {
                throw new TokenAcquisitionException("token endpoint down", null);
            }

            @Override
            public void tokenRejected(AccessToken token) {
            }
        };
        try (ConnectorClient client = client(broken)) {
            assertThrows(TokenAcquisitionException.class,
                    () -> client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi")));
        }
        assertEquals(List.of("token failed", "call failed TokenAcquisitionException"), events.lines);
    }

    @Test
    void asynchronousCallsReportTheSameEvents() throws Exception {
        server.enqueue(json(201, "{\"id\":\"1\"}"));
        try (ConnectorClient client = client(tokens)) {
            client.async().sendToConversation(ADELE_CONVERSATION, Activity.message("hi")).get();
        }
        // callEnd is reported when the future completes, which may be just after get() returns
        assertEquals("token fetched", events.lines.get(0));
        assertTrue(events.lines.get(2).startsWith("end 201"), events.lines.toString());
    }

    @Test
    void aThrowingListenerNeverBreaksTheCall() {
        CapturedLogs.clear();
        server.enqueue(json(201, "{\"id\":\"1\"}"));
        ConnectorListener throwing = new ConnectorListener() {
            @Override
            public void requestEnd(Request request, int status, String requestId, Duration duration) {
                throw new IllegalStateException("listener bug");
            }
        };
        try (ConnectorClient client = Harness.client(server, tokens, time).listener(throwing).build()) {
            assertEquals("1", client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi")).id());
        }
        assertTrue(CapturedLogs.events().stream().anyMatch(e -> e.level() == Level.WARN
                && e.message().contains("requestEnd threw")), CapturedLogs.allText());
    }

    @Test
    void eventsNeverCarryTheToken() {
        server.enqueue(json(201, "{\"id\":\"1\"}"));
        try (ConnectorClient client = client(tokens)) {
            client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi"));
        }
        assertFalse(String.join("\n", events.lines).contains(Harness.TOKEN_PREFIX));
        assertInstanceOf(ConnectorListener.class, ConnectorListener.NONE);
    }
}
