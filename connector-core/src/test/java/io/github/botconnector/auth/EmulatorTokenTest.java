package io.github.botconnector.auth;

import static io.github.botconnector.auth.TestSupport.APP_ID;
import static io.github.botconnector.auth.TestSupport.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.botconnector.exception.InboundAuthenticationException;
import io.github.botconnector.internal.Json;
import io.github.botconnector.internal.auth.CertificateLoader;
import io.github.botconnector.test.Fixtures;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Emulator tokens: rejected by default; when enabled, only with the bot's app id as audience and caller. */
class EmulatorTokenTest {

    private static final String ENTRA_KID = "L3bZXf73ZtlJE3-N5lO5uZPp-Ns";
    private static final String EMULATOR_ISSUER = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";
    private static final JsonNode CASES = Json.tree(Fixtures.read("auth/jwt-validation-cases.json"));

    private final MockWebServer server = new MockWebServer();
    private final List<String> learned = new CopyOnWriteArrayList<>();
    private BotAuthenticator authenticator;

    @BeforeEach
    void start() throws Exception {
        server.start();
        new KeyServer(server);
        Dispatcher channel = server.getDispatcher();
        String entraConfig = "{\"issuer\":\"https://login.microsoftonline.com/{tenantid}/v2.0\",\"jwks_uri\":\""
                + server.url("/emulator/keys") + "\",\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                return switch (request.getUrl().encodedPath()) {
                    case "/emulator/openid-configuration" -> TestSupport.json(200, entraConfig);
                    case "/emulator/keys" -> TestSupport.fixture("jwks.entra.test.json");
                    default -> channel.dispatch(request);
                };
            }
        });
        authenticator = BotAuthenticator.builder().appId(APP_ID)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .openIdMetadataUrl(server.url(KeyServer.METADATA_PATH).toString())
                .emulatorTokens(true)
                .emulatorOpenIdMetadataUrl(server.url("/emulator/openid-configuration").toString())
                .onAuthenticated(learned::add)
                .build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String fixtureToken(String id) {
        for (JsonNode c : CASES.get("cases")) {
            if (c.get("id").asText().equals(id)) {
                return c.get("token").asText();
            }
        }
        throw new IllegalArgumentException(id);
    }

    private static String emulatorToken(String aud, String appid) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .audience(aud).issuer(EMULATOR_ISSUER).claim("appid", appid).claim("ver", "1.0")
                .notBeforeTime(Date.from(NOW.minusSeconds(60))).expirationTime(Date.from(NOW.plusSeconds(3600)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(ENTRA_KID).build(), claims);
        jwt.sign(new RSASSASigner(CertificateLoader.privateKey(
                Fixtures.read("auth/test-keys/entra-test-key.private.pem"))));
        return jwt.serialize();
    }

    @Test
    void enabledEmulatorValidationAcceptsTheBotsOwnEmulatorToken() {
        BotClaims claims = authenticator.authenticate("Bearer " + fixtureToken("R24"), "emulator",
                "http://localhost:50000");
        assertEquals(EMULATOR_ISSUER, claims.issuer());
        assertTrue(claims.emulator());
        assertEquals(ENTRA_KID, claims.keyId());
        assertTrue(learned.isEmpty(), "Emulator service URLs are never offered to the trusted-host hook");
    }

    @Test
    void emulatorTokenForAnotherAudienceOrCallerIsRejected() throws Exception {
        InboundAuthenticationException e = assertThrows(InboundAuthenticationException.class,
                () -> authenticator.authenticate(
                "Bearer " + fixtureToken("R11"), "msteams", "https://smba.trafficmanager.net/amer/"));
        assertEquals(InboundAuthenticationException.Reason.BAD_AUDIENCE, e.reason());
        String otherCaller = emulatorToken(APP_ID, "11111111-2222-3333-4444-555555555555");
        e = assertThrows(InboundAuthenticationException.class, () -> authenticator.authenticate("Bearer " + otherCaller,
                "emulator", "http://localhost:50000"));
        assertEquals(InboundAuthenticationException.Reason.APP_ID_MISMATCH, e.reason());
        assertEquals(401, e.statusCode());
    }

    @Test
    void channelTokensStillPassAndEmulatorKeysNeverSignChannelTokens() throws Exception {
        BotClaims claims = authenticator.authenticate("Bearer " + fixtureToken("A01"), "msteams",
                "https://smba.trafficmanager.net/amer/c603ca06-32cc-4a8f-9a2a-a31442aeb907/");
        assertEquals("https://api.botframework.com", claims.issuer());
        assertEquals(1, learned.size());
        // A channel-issuer token signed with the Entra key is looked up in the channel key document only.
        JWTClaimsSet forged = new JWTClaimsSet.Builder().audience(APP_ID).issuer("https://api.botframework.com")
                .claim("serviceurl", "https://evil.example/").expirationTime(Date.from(NOW.plusSeconds(600))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(ENTRA_KID).build(), forged);
        jwt.sign(new RSASSASigner(CertificateLoader.privateKey(
                Fixtures.read("auth/test-keys/entra-test-key.private.pem"))));
        InboundAuthenticationException e = assertThrows(InboundAuthenticationException.class,
                () -> authenticator.authenticate(
                "Bearer " + jwt.serialize(), "msteams", "https://evil.example/"));
        assertEquals(InboundAuthenticationException.Reason.UNKNOWN_KEY, e.reason());
    }

    @Test
    void customCloudsMustConfigureEmulatorValidationExplicitly() {
        BotCloud custom = BotCloud.PUBLIC.toBuilder().name("custom").channelIssuer("https://api.example.test").build();
        assertThrows(IllegalArgumentException.class, () -> BotAuthenticator.builder().appId(APP_ID).cloud(custom)
                .emulatorTokens(true).build());
        assertThrows(IllegalArgumentException.class, () -> BotAuthenticator.builder().appId(APP_ID)
                .emulatorTokens(true).emulatorIssuers("https://api.botframework.com").build());
    }
}
