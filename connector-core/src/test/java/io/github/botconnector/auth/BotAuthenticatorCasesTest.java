package io.github.botconnector.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.botconnector.exception.InboundAuthenticationException;
import io.github.botconnector.internal.Json;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.test.CapturedLogs;
import io.github.botconnector.test.Fixtures;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of fixtures/auth/jwt-validation-cases.json, with the clock fixed at the fixture's {@code now}. */
class BotAuthenticatorCasesTest {

    private static final JsonNode CASES = Json.tree(Fixtures.read("auth/jwt-validation-cases.json"));

    /** The reason each rejection must report (the status alone could hide a check passing for the wrong reason). */
    private static final Map<String, InboundAuthenticationException.Reason> REASONS = Map.ofEntries(
            Map.entry("R01", InboundAuthenticationException.Reason.EXPIRED),
            Map.entry("R02", InboundAuthenticationException.Reason.NOT_YET_VALID),
            Map.entry("R03", InboundAuthenticationException.Reason.MISSING_EXPIRY),
            Map.entry("R04", InboundAuthenticationException.Reason.UNTRUSTED_ISSUER),
            Map.entry("R05", InboundAuthenticationException.Reason.UNTRUSTED_ISSUER),
            Map.entry("R06", InboundAuthenticationException.Reason.UNTRUSTED_ISSUER),
            Map.entry("R07", InboundAuthenticationException.Reason.UNTRUSTED_ISSUER),
            Map.entry("R08", InboundAuthenticationException.Reason.BAD_AUDIENCE),
            Map.entry("R09", InboundAuthenticationException.Reason.BAD_AUDIENCE),
            Map.entry("R10", InboundAuthenticationException.Reason.BAD_AUDIENCE),
            Map.entry("R11", InboundAuthenticationException.Reason.UNTRUSTED_ISSUER),
            Map.entry("R12", InboundAuthenticationException.Reason.UNSUPPORTED_ALGORITHM),
            Map.entry("R13", InboundAuthenticationException.Reason.UNSUPPORTED_ALGORITHM),
            Map.entry("R14", InboundAuthenticationException.Reason.BAD_SIGNATURE),
            Map.entry("R15", InboundAuthenticationException.Reason.UNKNOWN_KEY),
            Map.entry("R16", InboundAuthenticationException.Reason.MISSING_KEY_ID),
            Map.entry("R17", InboundAuthenticationException.Reason.UNKNOWN_KEY),
            Map.entry("R18", InboundAuthenticationException.Reason.MISSING_SERVICE_URL),
            Map.entry("R19", InboundAuthenticationException.Reason.SERVICE_URL_MISMATCH),
            Map.entry("R20", InboundAuthenticationException.Reason.SERVICE_URL_MISMATCH),
            Map.entry("R21", InboundAuthenticationException.Reason.CHANNEL_NOT_ENDORSED),
            Map.entry("R22", InboundAuthenticationException.Reason.KEY_NOT_ENDORSED),
            Map.entry("R23", InboundAuthenticationException.Reason.MISSING_CHANNEL_ID),
            Map.entry("R24", InboundAuthenticationException.Reason.UNTRUSTED_ISSUER),
            Map.entry("R25", InboundAuthenticationException.Reason.MALFORMED_TOKEN),
            Map.entry("R26", InboundAuthenticationException.Reason.CRITICAL_HEADER),
            Map.entry("R27", InboundAuthenticationException.Reason.BAD_SIGNATURE));

    private final MockWebServer server = new MockWebServer();
    private KeyServer keys;

    @BeforeEach
    void start() throws Exception {
        server.start();
        keys = new KeyServer(server);
        CapturedLogs.clear();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : CASES.get("cases")) {
            out.add(Arguments.of(c.get("id").asText(), c.get("description").asText(), c));
        }
        assertEquals(32, out.size());
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void fixtureCase(String id, String description, JsonNode c) {
        BotAuthenticator authenticator = BotAuthenticator.builder()
                .appId(CASES.get("expectedAudience").asText())
                .openIdMetadataUrl(server.url(KeyServer.METADATA_PATH).toString())
                .clock(Clock.fixed(Instant.ofEpochSecond(CASES.get("now").asLong()), ZoneOffset.UTC))
                .build();
        assertEquals(CASES.get("expectedIssuer").asText(), authenticator.cloud().channelIssuer());
        assertEquals(300, CASES.get("clockSkewSeconds").asInt());
        String token = c.get("token").asText();
        Activity activity = Activity.builder()
                .type("message")
                .channelId(c.at("/activity/channelId").asText())
                .serviceUrl(c.at("/activity/serviceUrl").asText())
                .build();
        String expected = c.get("expected").asText();

        if (expected.equals("accept")) {
            BotClaims claims = authenticator.authenticate("Bearer " + token, activity);
            assertEquals(activity.serviceUrl(), claims.serviceUrl());
            assertEquals(CASES.get("expectedAudience").asText(), claims.appId());
            assertEquals(c.at("/header/kid").asText(), claims.keyId());
            assertEquals(Instant.ofEpochSecond(c.at("/claims/exp").asLong()), claims.expiresAt());
            assertFalse(claims.toString().contains(token));
        } else {
            InboundAuthenticationException e = assertThrows(InboundAuthenticationException.class,
                    () -> authenticator.authenticate("Bearer " + token, activity));
            assertEquals(expected.equals("reject-403") ? 403 : 401, e.statusCode(), e.getMessage());
            assertEquals(REASONS.get(id), e.reason(), e.getMessage());
            assertFalse(e.getMessage().contains(token));
            String signature = token.substring(token.lastIndexOf('.') + 1);
            assertTrue(signature.isEmpty() || !e.getMessage().contains(signature), "no signature in the message");
        }
        if (REASONS.get(id) == InboundAuthenticationException.Reason.UNTRUSTED_ISSUER
                || REASONS.get(id) == InboundAuthenticationException.Reason.UNSUPPORTED_ALGORITHM
                || REASONS.get(id) == InboundAuthenticationException.Reason.MISSING_KEY_ID
                || REASONS.get(id) == InboundAuthenticationException.Reason.CRITICAL_HEADER) {
            assertEquals(0, server.getRequestCount(), "rejected before any key lookup");
        }
        assertTrue(keys.keyRequests.get() <= 1, "at most one key document load: " + keys.keyRequests.get());
        assertNotNull(description);
        assertFalse(CapturedLogs.allText().contains(token.substring(token.indexOf('.') + 1)), "token in logs");
    }
}
