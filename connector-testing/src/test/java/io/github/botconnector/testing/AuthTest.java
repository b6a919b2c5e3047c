package io.github.botconnector.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.botconnector.auth.BotCloud;
import io.github.botconnector.test.Fixtures;
import io.github.botconnector.test.JsonAssert;
import io.github.botconnector.testsupport.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class AuthTest {

    static final Http http = new Http();
    static final ManualClock clock = new ManualClock(Instant.parse("2026-01-15T12:00:00Z"));

    @AfterAll
    static void closeHttp() {
        http.close();
    }

    private static Http.Resp create(FakeConnector fake, String token) {
        try (Http h = new Http().bearer(token)) {
            return h.post(fake.serviceUrl() + "v3/conversations",
                    Fixtures.read("connector/create-conversation-personal.request.json"));
        }
    }

    private static String tokenFromEndpoint(FakeConnector fake, String tenant) {
        Http.Resp r = http.postForm(fake.tokenEndpoint(tenant), "grant_type=client_credentials&client_id="
                + fake.botAppId() + "&client_secret=" + fake.botPassword()
                + "&scope=https%3A%2F%2Fapi.botframework.com%2F.default");
        assertEquals(200, r.status(), r.body());
        assertEquals("Bearer", r.json().get("token_type").asText());
        assertEquals(3600, r.json().get("expires_in").asInt());
        return r.json().get("access_token").asText();
    }

    @Test
    void strictAcceptsOnlyTheFakesOwnValidTokens() throws Exception {
        try (FakeConnector fake = FakeConnector.builder().contoso(t -> t.user("Megan Bowen", u -> u.botInstalled()))
                .auth(AuthMode.STRICT).clock(clock).start()) {
            fake.installBotFor(fake.user("Adele Vance"));
            String token = tokenFromEndpoint(fake, "botframework.com");
            assertEquals(201, create(fake, token).status());
            assertEquals(201, create(fake, tokenFromEndpoint(fake, fake.tenantIds().get(0))).status(),
                    "single-tenant token endpoint works too");

            Http.Resp none = create(fake, null);
            assertEquals(401, none.status());
            JsonAssert.assertJsonEquals(Fixtures.read("connector/errors/authorization-denied.401.json"), none.body());

            assertEquals(401, create(fake, fake.mintAccessToken("https://graph.microsoft.com", Duration.ofHours(1)))
                    .status(), "wrong audience");
            assertEquals(401, create(fake, fake.mintAccessToken("https://api.botframework.com", Duration.ofMinutes(-5)))
                    .status(), "expired");

            RSAKey attacker = new RSAKeyGenerator(2048).keyID(SignedJWT.parse(token).getHeader().getKeyID()).generate();
            SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(attacker.getKeyID())
                    .type(JOSEObjectType.JWT).build(), SignedJWT.parse(token).getJWTClaimsSet());
            forged.sign(new RSASSASigner(attacker));
            assertEquals(401, create(fake, forged.serialize()).status(), "wrong signature");
            assertEquals(401, create(fake, "not-a-jwt").status());

            clock.advance(Duration.ofHours(2));
            Http.Resp expired = create(fake, token);
            assertEquals(401, expired.status(), "the token endpoint's token expired on the fake clock");
            Exchange last = fake.exchanges().get(fake.exchanges().size() - 1);
            assertTrue(last.note().contains("expired"), last.note());
            assertEquals("Bearer", last.responseHeader("WWW-Authenticate"));

            assertEquals(2, fake.tokenRequests().size());
            TokenRequest tr = fake.tokenRequests().get(0);
            assertEquals("client_credentials", tr.grantType());
            assertEquals(fake.botAppId(), tr.clientId());
            assertEquals("secret", tr.credentialType());
            Exchange tokenExchange = fake.exchanges().stream().filter(e -> e.path().endsWith("/token")).findFirst()
                    .orElseThrow();
            assertFalse(tokenExchange.requestBody().contains(fake.botPassword()), tokenExchange.requestBody());
        }
    }

    @Test
    void tokenEndpointRefusesWrongSecretScopeAndUnknownApp() {
        try (FakeConnector fake = FakeConnector.builder().auth(AuthMode.STRICT).registerApp("other-app", "s3").start()) {
            Http.Resp wrongSecret = http.postForm(fake.tokenEndpoint("botframework.com"),
                    "grant_type=client_credentials&client_id=" + fake.botAppId() + "&client_secret=nope&scope="
                            + "https%3A%2F%2Fapi.botframework.com%2F.default");
            assertEquals(401, wrongSecret.status());
            assertEquals("invalid_client", wrongSecret.json().get("error").asText());
            assertTrue(wrongSecret.json().get("error_description").asText().startsWith("AADSTS7000215"));
            Http.Resp badScope = http.postForm(fake.tokenEndpoint("botframework.com"),
                    "grant_type=client_credentials&client_id=" + fake.botAppId() + "&client_secret=" + fake.botPassword()
                            + "&scope=https%3A%2F%2Fapi.botframework.com");
            assertEquals(400, badScope.status());
            assertEquals("invalid_scope", badScope.json().get("error").asText());
            Http.Resp unknown = http.postForm(fake.tokenEndpoint("botframework.com"),
                    "grant_type=client_credentials&client_id=ghost&client_secret=x&scope=https%3A%2F%2Fapi.botframework.com%2F.default");
            assertEquals(400, unknown.status());
            assertEquals("unauthorized_client", unknown.json().get("error").asText());

            Http.Resp other = http.postForm(fake.tokenEndpoint("botframework.com"),
                    "grant_type=client_credentials&client_id=other-app&client_secret=s3&scope=https%3A%2F%2Fapi.botframework.com%2F.default");
            assertEquals(200, other.status());
            assertEquals(401, create(fake, other.json().get("access_token").asText()).status(), "token of another app");
            assertEquals(4, fake.tokenRequests().size());
        }
    }

    private static Http.Resp assertionRequest(FakeConnector fake, RSAKey key, JWSAlgorithm alg, String audience)
            throws Exception {
        SignedJWT assertion = new SignedJWT(new JWSHeader.Builder(alg).build(),
                new JWTClaimsSet.Builder().issuer(fake.botAppId()).subject(fake.botAppId()).audience(audience)
                        .expirationTime(new Date(System.currentTimeMillis() + 600_000)).build());
        assertion.sign(new RSASSASigner(key));
        return http.postForm(fake.tokenEndpoint("botframework.com"), "grant_type=client_credentials&client_id="
                + fake.botAppId() + "&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer"
                + "&client_assertion=" + assertion.serialize() + "&scope=https%3A%2F%2Fapi.botframework.com%2F.default");
    }

    @Test
    void certificateAssertionsAreVerifiedAgainstTheRegisteredKey() throws Exception {
        RSAKey cert = new RSAKeyGenerator(2048).keyID("cert").generate();
        RSAKey other = new RSAKeyGenerator(2048).keyID("other").generate();
        try (FakeConnector fake = FakeConnector.builder().clientCertificate(FakeConnectorSettings.FIXTURE_BOT_APP_ID,
                cert.toRSAPublicKey()).start()) {
            String aud = fake.tokenEndpoint("botframework.com");
            assertEquals(200, assertionRequest(fake, cert, JWSAlgorithm.PS256, aud).status());
            assertEquals(200, assertionRequest(fake, cert, JWSAlgorithm.RS256, aud).status());
            Http.Resp forged = assertionRequest(fake, other, JWSAlgorithm.PS256, aud);
            assertEquals(401, forged.status());
            assertTrue(forged.json().get("error_description").asText().startsWith("AADSTS700027"), forged.body());
            assertEquals(401, assertionRequest(fake, cert, JWSAlgorithm.PS256, "https://login.microsoftonline.com/x")
                    .status(), "audience must be the fake's token endpoint");
            assertEquals("assertion", fake.tokenRequests().get(0).credentialType());
            assertEquals(List.of(200, 200, 401, 401), fake.tokenRequests().stream().map(TokenRequest::status).toList());
        }
    }

    @Test
    void bearerPresentAcceptsAnyBearerToken() {
        try (FakeConnector fake = FakeConnector.builder().contoso().auth(AuthMode.BEARER_PRESENT).start()) {
            fake.installBotFor(fake.user("Adele Vance"));
            assertEquals(201, create(fake, "anything").status());
            Http.Resp none = create(fake, null);
            assertEquals(401, none.status());
            assertEquals("Authorization has been denied for this request.", none.json().get("message").asText());
        }
    }

    @Test
    void cloudPointsAtTheFake() {
        try (FakeConnector fake = FakeConnector.start()) {
            BotCloud cloud = fake.cloud();
            assertEquals(fake.baseUrl(), cloud.loginHost());
            assertEquals(fake.tokenEndpoint("botframework.com"), cloud.tokenEndpoint("botframework.com"));
            assertEquals("https://api.botframework.com", cloud.channelIssuer());
            assertEquals(fake.openIdMetadataUrl(), cloud.openIdMetadataUrl());
            assertTrue(cloud.trustedHosts().contains("127.0.0.1"));
            Http.Resp metadata = http.get(cloud.openIdMetadataUrl());
            assertEquals("https://api.botframework.com", metadata.json().get("issuer").asText());
            Http.Resp keys = http.get(metadata.json().get("jwks_uri").asText());
            assertEquals("msteams", keys.json().at("/keys/0/endorsements/0").asText());
            assertNotNull(keys.json().at("/keys/0/kid").asText());
        }
    }
}
