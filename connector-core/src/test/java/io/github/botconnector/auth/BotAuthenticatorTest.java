package io.github.botconnector.auth;

import static io.github.botconnector.auth.TestSupport.APP_ID;
import static io.github.botconnector.auth.TestSupport.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.botconnector.exception.InboundAuthenticationException;
import io.github.botconnector.internal.Json;
import io.github.botconnector.internal.auth.CertificateLoader;
import io.github.botconnector.test.CapturedLogs;
import io.github.botconnector.test.Fixtures;
import io.github.botconnector.testsupport.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Inbound validation beyond the fixture cases: header syntax, key document caching, outages, hooks. */
class BotAuthenticatorTest {

    private static final String KEY1_KID = "uaURnd358AuY0opuMmryjcV-a9Y";
    private static final String KEY2_KID = "QyuzIbwG7ilr_DC8T_cJWmK9fbw";
    private static final String SERVICE_URL = "https://smba.trafficmanager.net/amer/"
            + "c603ca06-32cc-4a8f-9a2a-a31442aeb907/";

    private final MockWebServer server = new MockWebServer();
    private final ManualClock clock = new ManualClock(NOW);
    private KeyServer keys;
    private BotAuthenticator authenticator;

    @BeforeEach
    void start() throws Exception {
        server.start();
        keys = new KeyServer(server);
        authenticator = authenticator().build();
        CapturedLogs.clear();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private BotAuthenticator.Builder authenticator() {
        return BotAuthenticator.builder().appId(APP_ID).clock(clock)
                .openIdMetadataUrl(server.url(KeyServer.METADATA_PATH).toString());
    }

    private String sign(String keyName, String kid, String serviceUrl) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .claim("serviceurl", serviceUrl)
                .notBeforeTime(Date.from(clock.instant().minusSeconds(60)))
                .expirationTime(Date.from(clock.instant().plusSeconds(3600)))
                .issuer("https://api.botframework.com")
                .audience(APP_ID)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(kid)
                .build(), claims);
        jwt.sign(new RSASSASigner(CertificateLoader.privateKey(
                Fixtures.read("auth/test-keys/" + keyName + ".private.pem"))));
        return jwt.serialize();
    }

    private InboundAuthenticationException.Reason reject(String header, String channelId, String serviceUrl) {
        return assertThrows(InboundAuthenticationException.class,
                () -> authenticator.authenticate(header, channelId, serviceUrl)).reason();
    }

    @Test
    void headerMustBeExactlyBearerSpaceToken() throws Exception {
        String token = sign("channel-key-1", KEY1_KID, SERVICE_URL);
        assertEquals(InboundAuthenticationException.Reason.MISSING_HEADER, reject(null, "msteams", SERVICE_URL));
        assertEquals(InboundAuthenticationException.Reason.MISSING_HEADER, reject("", "msteams", SERVICE_URL));
        for (String header : List.of("bearer " + token, "BEARER " + token, "Bearer  " + token, "Bearer\t" + token,
                "Bearer " + token + " " + token, "Bearer " + token + " ", " Bearer " + token, "Bearer", "Bearer ",
                "Basic " + token, token)) {
            InboundAuthenticationException e = assertThrows(InboundAuthenticationException.class,
                    () -> authenticator.authenticate(header, "msteams", SERVICE_URL));
            assertEquals(InboundAuthenticationException.Reason.MALFORMED_HEADER, e.reason(), header);
            assertEquals(401, e.statusCode());
        }
        assertEquals(0, server.getRequestCount());
        assertEquals(KEY1_KID, authenticator.authenticate("Bearer " + token, "msteams", SERVICE_URL).keyId());
        assertFalse(CapturedLogs.allText().contains(token));
    }

    @Test
    void hugeOrDeeplyNestedTokensFailBounded() {
        String header = Base64URL.encode("{\"alg\":\"RS256\",\"kid\":\"" + KEY1_KID + "\"}").toString();
        String huge = header + "." + Base64URL.encode("{\"x\":\"" + "a".repeat(40_000) + "\"}") + ".c2ln";
        assertEquals(InboundAuthenticationException.Reason.TOKEN_TOO_LARGE, reject("Bearer " + huge, "msteams",
                SERVICE_URL));
        String nested = "{\"a\":".repeat(2000) + "1" + "}".repeat(2000);
        String deep = header + "." + Base64URL.encode(nested.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
        InboundAuthenticationException e = assertThrows(InboundAuthenticationException.class,
                () -> authenticator.authenticate("Bearer " + deep, "msteams", SERVICE_URL));
        assertEquals(401, e.statusCode());
        assertEquals(InboundAuthenticationException.Reason.MALFORMED_TOKEN, e.reason());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void floodOfRandomKeyIdsCausesNoMoreThanTheRateLimitedLoads() throws Exception {
        List<String> tokens = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            tokens.add(sign("attacker-key", UUID.randomUUID().toString(), SERVICE_URL));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<InboundAuthenticationException.Reason>> results = new java.util.ArrayList<>();
            for (String token : tokens) {
                results.add(pool.submit(() -> reject("Bearer " + token, "msteams", SERVICE_URL)));
            }
            for (java.util.concurrent.Future<InboundAuthenticationException.Reason> r : results) {
                assertEquals(InboundAuthenticationException.Reason.UNKNOWN_KEY, r.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, keys.keyRequests.get(), "only the first load");
        assertEquals(1, keys.metadataRequests.get());

        // After the minimum interval one unknown kid may reload once; the rest of the flood may not.
        clock.advance(Duration.ofMinutes(5));
        for (int i = 0; i < 100; i++) {
            reject("Bearer " + sign("attacker-key", "kid-" + i, SERVICE_URL), "msteams", SERVICE_URL);
        }
        assertEquals(2, keys.keyRequests.get());
        assertEquals(KEY1_KID, authenticator.authenticate("Bearer " + sign("channel-key-1", KEY1_KID, SERVICE_URL),
                "msteams", SERVICE_URL).keyId(), "valid tokens still pass");
    }

    @Test
    void newlyPublishedKeyIsFoundByARateLimitedReload() throws Exception {
        JsonNode full = Json.tree(Fixtures.read("auth/jwks.botframework.test.json"));
        ObjectNode onlyKey1 = ((ObjectNode) full).deepCopy();
        ArrayNode list = (ArrayNode) onlyKey1.get("keys");
        for (int i = list.size() - 1; i >= 0; i--) {
            if (!list.get(i).get("kid").asText().equals(KEY1_KID)) {
                list.remove(i);
            }
        }
        keys.keys.set(TestSupport.json(200, onlyKey1.toString()));
        String webchat = sign("channel-key-2", KEY2_KID, SERVICE_URL);
        assertEquals(KEY1_KID, authenticator.authenticate("Bearer " + sign("channel-key-1", KEY1_KID, SERVICE_URL),
                "msteams", SERVICE_URL).keyId());

        keys.keys.set(TestSupport.json(200, full.toString()));
        assertEquals(InboundAuthenticationException.Reason.UNKNOWN_KEY, reject("Bearer " + webchat, "webchat", SERVICE_URL));
        assertEquals(1, keys.keyRequests.get());

        clock.advance(Duration.ofMinutes(5));
        BotClaims claims = authenticator.authenticate("Bearer " + webchat, "webchat", SERVICE_URL);
        assertEquals(KEY2_KID, claims.keyId());
        assertEquals(2, keys.keyRequests.get());
        // Endorsements come from the reloaded document too.
        assertEquals(InboundAuthenticationException.Reason.CHANNEL_NOT_ENDORSED, reject("Bearer " + webchat, "msteams",
                SERVICE_URL));
    }

    @Test
    void keyDocumentDownHtmlOrOversizedFailsClosedBeforeTheFirstSuccess() throws Exception {
        String token = "Bearer " + sign("channel-key-1", KEY1_KID, SERVICE_URL);
        List<MockResponse> failures = List.of(
                new MockResponse.Builder().code(503).body("down").build(),
                new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
                        .body("<html><body>Sign in</body></html>").build(),
                TestSupport.json(200, "{\"keys\":[],\"padding\":\"" + "x".repeat(300 * 1024) + "\"}"),
                TestSupport.json(200, "{\"keys\":[]}"));
        for (MockResponse failure : failures) {
            BotAuthenticator fresh = authenticator().build();
            keys.keys.set(failure);
            int before = keys.keyRequests.get();
            InboundAuthenticationException e = assertThrows(InboundAuthenticationException.class,
                    () -> fresh.authenticate(token, "msteams", SERVICE_URL));
            assertEquals(InboundAuthenticationException.Reason.KEYS_UNAVAILABLE, e.reason(), e.getMessage());
            assertEquals(503, e.statusCode());
            // No reload storm: the next request within 30 s does not download again.
            assertThrows(InboundAuthenticationException.class, () -> fresh.authenticate(token, "msteams", SERVICE_URL));
            assertEquals(before + 1, keys.keyRequests.get());
        }
        BotAuthenticator recovering = authenticator().build();
        assertThrows(InboundAuthenticationException.class, () -> recovering.authenticate(token, "msteams", SERVICE_URL));
        keys.keys.set(TestSupport.json(200, Fixtures.read("auth/jwks.botframework.test.json")));
        clock.advance(Duration.ofSeconds(30));
        assertEquals(KEY1_KID, recovering.authenticate(token, "msteams", SERVICE_URL).keyId());
    }

    @Test
    void metadataDownOrPointingElsewhereFailsClosed() throws Exception {
        String token = "Bearer " + sign("channel-key-1", KEY1_KID, SERVICE_URL);
        keys.metadata.set(TestSupport.json(200, "{\"issuer\":\"https://api.botframework.com\","
                + "\"jwks_uri\":\"https://evil.example/keys\"}"));
        InboundAuthenticationException e = assertThrows(InboundAuthenticationException.class,
                () -> authenticator.authenticate(token, "msteams", SERVICE_URL));
        assertEquals(InboundAuthenticationException.Reason.KEYS_UNAVAILABLE, e.reason());
        assertTrue(e.getMessage().contains("evil.example"), e.getMessage());
        assertEquals(0, keys.keyRequests.get());

        BotAuthenticator other = authenticator().build();
        keys.metadata.set(new MockResponse.Builder().code(500).body("").build());
        assertEquals(503, assertThrows(InboundAuthenticationException.class,
                () -> other.authenticate(token, "msteams", SERVICE_URL)).statusCode());
    }

    @Test
    void lastKnownGoodKeysAreServedWhileReloadsFailWithinTheOutageTolerance() throws Exception {
        assertEquals(KEY1_KID, authenticator.authenticate("Bearer " + sign("channel-key-1", KEY1_KID, SERVICE_URL),
                "msteams", SERVICE_URL).keyId());
        keys.keys.set(new MockResponse.Builder().code(500).body("").build());

        clock.advance(Duration.ofHours(13));
        assertEquals(KEY1_KID, authenticator.authenticate("Bearer " + sign("channel-key-1", KEY1_KID, SERVICE_URL),
                "msteams", SERVICE_URL).keyId());
        assertEquals(2, keys.keyRequests.get(), "the due reload was attempted");
        assertTrue(CapturedLogs.allText().contains("keeping the keys loaded at"));

        clock.advance(Duration.ofHours(36));
        InboundAuthenticationException e = assertThrows(InboundAuthenticationException.class, () -> authenticator.authenticate(
                "Bearer " + sign("channel-key-1", KEY1_KID, SERVICE_URL), "msteams", SERVICE_URL));
        assertEquals(InboundAuthenticationException.Reason.KEYS_UNAVAILABLE, e.reason());
    }

    @Test
    void keysAreReloadedAfterTheRefreshInterval() throws Exception {
        String header = "Bearer " + sign("channel-key-1", KEY1_KID, SERVICE_URL);
        authenticator.authenticate(header, "msteams", SERVICE_URL);
        clock.advance(Duration.ofHours(11));
        authenticator.authenticate("Bearer " + sign("channel-key-1", KEY1_KID, SERVICE_URL), "msteams", SERVICE_URL);
        assertEquals(1, keys.keyRequests.get());
        clock.advance(Duration.ofMinutes(61));
        authenticator.authenticate("Bearer " + sign("channel-key-1", KEY1_KID, SERVICE_URL), "msteams", SERVICE_URL);
        assertEquals(2, keys.keyRequests.get());
    }

    @Test
    void serviceUrlMatchesExactlyAfterTrimmingOneTrailingSlash() throws Exception {
        String withSlash = "Bearer " + sign("channel-key-1", KEY1_KID, "https://smba.trafficmanager.net/amer/");
        String withoutSlash = "Bearer " + sign("channel-key-1", KEY1_KID, "https://smba.trafficmanager.net/amer");
        assertEquals("https://smba.trafficmanager.net/amer/", authenticator.authenticate(withSlash, "msteams",
                "https://smba.trafficmanager.net/amer").serviceUrl());
        authenticator.authenticate(withoutSlash, "msteams", "https://smba.trafficmanager.net/amer/");
        assertEquals(InboundAuthenticationException.Reason.SERVICE_URL_MISMATCH,
                reject(withSlash, "msteams", "https://smba.trafficmanager.net/amer//"));
        assertEquals(InboundAuthenticationException.Reason.SERVICE_URL_MISMATCH,
                reject(withSlash, "msteams", "https://SMBA.trafficmanager.net/amer/"));
        assertEquals(InboundAuthenticationException.Reason.SERVICE_URL_MISMATCH,
                reject(withSlash, "msteams", "https://smba.trafficmanager.net/amer/x"));
        assertEquals(InboundAuthenticationException.Reason.SERVICE_URL_MISMATCH, reject(withSlash, "msteams", null));
    }

    @Test
    void onAuthenticatedReceivesTheValidatedServiceUrlOnlyOnSuccess() throws Exception {
        List<String> learned = new CopyOnWriteArrayList<>();
        BotAuthenticator hooked = authenticator().onAuthenticated(learned::add).build();
        hooked.authenticate("Bearer " + sign("channel-key-1", KEY1_KID, SERVICE_URL), "msteams", SERVICE_URL);
        assertThrows(InboundAuthenticationException.class, () -> hooked.authenticate(
                "Bearer " + sign("channel-key-2", KEY2_KID, "https://evil.example/"), "msteams",
                "https://evil.example/"));
        assertThrows(InboundAuthenticationException.class, () -> hooked.authenticate(
                "Bearer " + sign("attacker-key", KEY1_KID, "https://evil.example/"), "msteams",
                "https://evil.example/"));
        assertEquals(List.of(SERVICE_URL), learned);
    }

    @Test
    void authenticatedServiceUrlsNarrowTheTrustedHostPolicy() throws Exception {
        TrustedHosts hosts = TrustedHosts.builder().cloud(BotCloud.PUBLIC).requireRegistered(true).build();
        BotAuthenticator hooked = authenticator().onAuthenticated(hosts::register).build();
        assertFalse(hosts.isTrusted(SERVICE_URL));
        hooked.authenticate("Bearer " + sign("channel-key-1", KEY1_KID, SERVICE_URL), "msteams", SERVICE_URL);
        assertTrue(hosts.isTrusted(SERVICE_URL));
        assertEquals(java.util.Set.of("smba.trafficmanager.net"), hosts.registeredHosts());
    }

    @Test
    void builderValidatesItsSettings() {
        assertThrows(IllegalArgumentException.class, () -> BotAuthenticator.builder().build());
        assertThrows(IllegalArgumentException.class, () -> BotAuthenticator.builder().appId(APP_ID)
                .openIdMetadataUrl("http://login.botframework.com/v1/.well-known/openidconfiguration").build());
        assertThrows(IllegalArgumentException.class, () -> BotAuthenticator.builder().appId(APP_ID)
                .clockSkew(Duration.ofMinutes(10)));
        assertThrows(IllegalArgumentException.class, () -> BotAuthenticator.builder().appId(APP_ID)
                .keyRefreshInterval(Duration.ofHours(25)));
        BotAuthenticator gov = BotAuthenticator.builder().appId(APP_ID).cloud(BotCloud.US_GOV_GCC_HIGH).build();
        assertEquals("https://api.botframework.us", gov.cloud().channelIssuer());
        assertTrue(gov.toString().contains(APP_ID));
    }
}
