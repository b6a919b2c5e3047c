package io.github.botconnector;

import static io.github.botconnector.Harness.ADELE_CONVERSATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.exception.BlockedByUserException;
import io.github.botconnector.exception.BotDisabledByAdminException;
import io.github.botconnector.exception.BotNotInConversationRosterException;
import io.github.botconnector.exception.ConnectorResponseException;
import io.github.botconnector.exception.ConversationNotFoundException;
import io.github.botconnector.exception.InvalidBotApiHostException;
import io.github.botconnector.exception.NotFoundException;
import io.github.botconnector.exception.PayloadTooLargeException;
import io.github.botconnector.exception.ThrottledException;
import io.github.botconnector.exception.UnauthorizedException;
import io.github.botconnector.internal.ErrorMapper;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.test.Fixtures;
import io.github.botconnector.testsupport.ManualClock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every error fixture, with the status of fixtures/README.md, maps to the right exception, code and message. */
class ErrorMappingTest {

    /** Expected type, error code and service message per fixture (status from the file name or the README table). */
    private static final Map<String, Expected> EXPECTED = Map.ofEntries(
            e("activity-not-found.404.json", 404, ConversationNotFoundException.class, "ActivityNotFoundInConversation", "Conversation not found."),
            e("authorization-denied.401.json", 401, UnauthorizedException.class, null, "Authorization has been denied for this request."),
            e("bad-argument-inner-http-error.400.json", 400, ConnectorResponseException.class, "BadArgument", "Slack API error"),
            e("bad-argument.400.json", 400, ConnectorResponseException.class, "BadArgument", "Conversations must be to a single member"),
            e("bad-syntax-conversation-parameters.400.json", 400, ConnectorResponseException.class, "BadSyntax", "Incorrect conversation creation parameters"),
            e("bad-syntax-tenant-id.400.json", 400, ConnectorResponseException.class, "BadSyntax", "Could not parse tenant id"),
            e("bot-disabled-by-admin.403.json", 403, BotDisabledByAdminException.class, "BotDisabledByAdmin", "The tenant admin disabled this bot"),
            e("bot-not-in-conversation-roster.403.json", 403, BotNotInConversationRosterException.class, "BotNotInConversationRoster", "The bot is not part of the conversation roster."),
            e("bot-not-registered.401.json", 401, UnauthorizedException.class, "BotNotRegistered", "No registration found for this bot."),
            e("conversation-blocked-by-user.403.json", 403, BlockedByUserException.class, "ConversationBlockedByUser", "User blocked the conversation with the bot."),
            e("conversation-not-found.404.json", 404, ConversationNotFoundException.class, "ConversationNotFound", "Conversation not found."),
            e("invalid-bot-api-host.403.json", 403, InvalidBotApiHostException.class, "InvalidBotApiHost", "Invalid bot api host. For GCC tenants, please call https://smba.infra.gcc.teams.microsoft.com"),
            e("message-size-too-big.413.json", 413, PayloadTooLargeException.class, "MessageSizeTooBig", "Message size too large."),
            e("message-writes-blocked.403.json", 403, BlockedByUserException.class, "MessageWritesBlocked", "Thread is blocked from message writes."),
            e("method-not-allowed.405.json", 405, ConnectorResponseException.class, null, "The requested resource does not support http method 'GET'."),
            e("precondition-failed.412.json", 412, ConnectorResponseException.class, "PreconditionFailed", "Precondition failed, please try again."),
            e("service-error-unknown.json", 500, ConnectorResponseException.class, "ServiceError", "Unknown"),
            e("throttled.429.json", 429, ThrottledException.class, "Throttled", "Too many requests."));

    private record Expected(int status, Class<? extends ConnectorResponseException> type, String code, String message) {
    }

    private static Map.Entry<String, Expected> e(String file, int status, Class<? extends ConnectorResponseException> type,
                                                 String code, String message) {
        return Map.entry("connector/errors/" + file, new Expected(status, type, code, message));
    }

    @StartStop
    final MockWebServer server = new MockWebServer();

    static Stream<Arguments> errorFixtures() {
        return Fixtures.list("connector/errors").stream().map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("errorFixtures")
    void everyErrorFixtureMapsToItsException(String file) {
        Expected expected = EXPECTED.get(file);
        assertNotNull(expected, "no expectation for " + file);
        String body = Fixtures.read(file);
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder().code(expected.status()).body(body)
                    .setHeader("Content-Type", "application/json")
                    .setHeader("x-ms-request-id", "|14db84658a6fab4c99d1a546f15349b9.447a05eb_")
                    .setHeader("MS-CV", "p82ptW4x80GRgeZm9NkMlQ.0").build());
        }
        try (ConnectorClient client = Harness.client(server, new Harness.CountingTokens(), ManualClock.atFixtureNow())
                .retryPolicy(RetryPolicy.none()).build()) {
            ConnectorResponseException e = assertThrows(ConnectorResponseException.class,
                    () -> client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi")));
            assertEquals(expected.type(), e.getClass(), e.getMessage());
            assertEquals(expected.status(), e.statusCode());
            assertEquals(expected.code(), e.errorCode());
            assertEquals(expected.message(), e.serviceMessage());
            assertEquals("|14db84658a6fab4c99d1a546f15349b9.447a05eb_", e.requestId());
            assertEquals("p82ptW4x80GRgeZm9NkMlQ.0", e.correlationId());
            assertEquals(body, e.rawBody());
            assertEquals("POST", e.method());
            assertTrue(e.path().endsWith("/activities"), e.path());
            assertTrue(e.getMessage().contains("HTTP " + expected.status()), e.getMessage());
            assertTrue(e.getMessage().length() > e.getMessage().indexOf(").") + 10, "message has a hint: " + e.getMessage());
        }
    }

    @Test
    void rosterMessageSaysToInstallAndWait() {
        ConnectorResponseException e = map(403, Fixtures.read("connector/errors/bot-not-in-conversation-roster.403.json"));
        assertTrue(e.getMessage().contains("installed"), e.getMessage());
        assertTrue(e.getMessage().contains("installationUpdate"), e.getMessage());
    }

    @Test
    void codesMatchIgnoringCaseAndSpaces() {
        assertEquals(ConversationNotFoundException.class,
                map(404, "{\"error\":{\"code\":\"conversation Not Found\",\"message\":\"x\"}}").getClass());
        assertEquals(BotNotInConversationRosterException.class,
                map(403, "{\"error\":{\"code\":\"Bot Not In Conversation Roster\"}}").getClass());
    }

    @Test
    void codeBeatsStatus() {
        assertEquals(ThrottledException.class, map(400, "{\"error\":{\"code\":\"Throttled\"}}").getClass());
        assertEquals(NotFoundException.class, map(404, "{\"error\":{\"code\":\"MemberNotFoundInConversation\"}}").getClass());
    }

    @Test
    void teamsErrorCodeWithoutJsonMessageStillMeansBlocked() {
        ConnectorResponseException e = map(403, "{\"errorCode\":209,\"message\":\"Thread is blocked\"}");
        assertEquals(BlockedByUserException.class, e.getClass());
        assertEquals("209", e.errorCode());
        assertEquals("Thread is blocked", e.serviceMessage());
    }

    @Test
    void emptyAndTextBodies() {
        ConnectorResponseException empty = map(403, "");
        assertEquals(ConnectorResponseException.class, empty.getClass());
        assertNull(empty.errorCode());
        assertNull(empty.serviceMessage());
        ConnectorResponseException html = map(502, "<html>Bad Gateway</html>");
        assertEquals("<html>Bad Gateway</html>", html.serviceMessage());
        assertEquals(NotFoundException.class, map(404, "not json").getClass());
        assertEquals(PayloadTooLargeException.class, map(413, "").getClass());
        assertEquals(ThrottledException.class, map(429, "").getClass());
        assertFalse(map(500, "").getMessage().isBlank());
    }

    @Test
    void theRequestIdIsTheBotConnectorsHeaderElseGraphsRequestIdHeader() {
        byte[] body = "{\"error\":{\"code\":\"Request_ResourceNotFound\"}}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ConnectorResponseException both = ErrorMapper.map("GET", "/v1.0/users/x", 404,
                okhttp3.Headers.of("x-ms-request-id", "connector-1", "request-id", "graph-1"), body, 1, null,
                io.github.botconnector.auth.BotCloud.PUBLIC, null);
        assertEquals("connector-1", both.requestId());
        ConnectorResponseException graph = ErrorMapper.map("GET", "/v1.0/users/x", 404,
                okhttp3.Headers.of("request-id", "graph-1"), body, 1, null, io.github.botconnector.auth.BotCloud.PUBLIC,
                null);
        assertEquals("graph-1", graph.requestId());
        assertEquals("Request_ResourceNotFound", graph.errorCode());
        assertNull(map(404, "").requestId());
    }

    private static ConnectorResponseException map(int status, String body) {
        return ErrorMapper.map("POST", "/v3/conversations/x/activities", status, okhttp3.Headers.of(),
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8), 1, null, io.github.botconnector.auth.BotCloud.PUBLIC,
                status == 429 ? Duration.ofSeconds(1) : null);
    }
}
