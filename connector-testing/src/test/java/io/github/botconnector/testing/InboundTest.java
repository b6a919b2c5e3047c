package io.github.botconnector.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.testsupport.ManualClock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InboundTest {

    @RegisterExtension
    FakeConnectorExtension ext = FakeConnectorExtension.builder().contoso()
            .clock(new ManualClock(Instant.parse("2026-01-15T12:00:00Z"))).build();

    private final MockWebServer bot = new MockWebServer();
    private final Http http = new Http();

    @BeforeEach
    void startBot() throws Exception {
        bot.start();
    }

    @AfterEach
    void stopBot() {
        bot.close();
        http.close();
    }

    private RecordedRequest received() throws InterruptedException {
        RecordedRequest r = bot.takeRequest(5, TimeUnit.SECONDS);
        assertTrue(r != null, "the bot endpoint received nothing");
        return r;
    }

    /** Validates like an inbound authenticator pointed at the fake's OpenID metadata would. */
    private JWTClaimsSet verify(FakeConnector fake, String authorization) throws Exception {
        assertTrue(authorization.startsWith("Bearer "));
        SignedJWT jwt = SignedJWT.parse(authorization.substring(7));
        JsonNode metadata = http.get(fake.openIdMetadataUrl()).json();
        String jwks = http.get(metadata.get("jwks_uri").asText()).body();
        RSAKey key = (RSAKey) JWKSet.parse(jwks).getKeyByKeyId(jwt.getHeader().getKeyID());
        JsonNode raw = TestJson.tree(jwks).get("keys").get(0);
        assertEquals("msteams", raw.get("endorsements").get(0).asText());
        assertTrue(jwt.verify(new RSASSAVerifier(key)), "signature verifies with the published key");
        return jwt.getJWTClaimsSet();
    }

    @Test
    void personalInstallIsSignedWithThePublishedChannelKey() throws Exception {
        FakeConnector fake = ext.connector();
        bot.enqueue(new MockResponse.Builder().code(200).build());
        FakeUser adele = fake.user("Adele Vance");
        InboundResult result = fake.inbound(bot.url("/api/messages").toString()).installPersonal(adele);
        assertEquals(200, result.status());
        RecordedRequest r = received();
        JWTClaimsSet claims = verify(fake, r.getHeaders().get("Authorization"));
        assertEquals("https://api.botframework.com", claims.getIssuer());
        assertEquals(fake.botAppId(), claims.getAudience().get(0));
        assertEquals(fake.serviceUrl(), claims.getStringClaim("serviceurl"));
        assertTrue(claims.getExpirationTime().toInstant().isAfter(Instant.parse("2026-01-15T12:00:00Z")));
        assertTrue(claims.getNotBeforeTime().toInstant().isBefore(Instant.parse("2026-01-15T12:00:01Z")));

        Activity activity = Activity.fromJson(r.getBody().utf8());
        assertEquals("conversationUpdate", activity.type());
        assertEquals(fake.personalConversationId(adele), activity.conversation().id());
        assertEquals("personal", activity.conversation().conversationType());
        assertEquals(fake.botId(), activity.recipient().id());
        assertEquals(fake.botId(), activity.membersAdded().get(0).id());
        assertEquals(fake.serviceUrl(), activity.serviceUrl());
        assertEquals(fake.tenantIds().get(0), activity.conversation().tenantId());
        assertEquals(fake.tenantIds().get(0), r.getHeaders().get("x-ms-tenant-id"));
    }

    @Test
    void installationUpdateTeamInstallAndMessage() throws Exception {
        FakeConnector fake = ext.connector();
        for (int i = 0; i < 3; i++) {
            bot.enqueue(new MockResponse.Builder().code(200).build());
        }
        InboundSender sender = fake.inbound(bot.url("/api/messages").toString());
        sender.installationUpdate(fake.user("Lee Gu"));
        Activity install = Activity.fromJson(received().getBody().utf8());
        assertEquals("installationUpdate", install.type());
        assertEquals("add", install.action());

        FakeTeam ops = fake.team("Contoso Operations");
        sender.installInTeam(ops);
        RecordedRequest teamReq = received();
        Activity team = Activity.fromJson(teamReq.getBody().utf8());
        assertEquals(ops.id(), team.conversation().id());
        JsonNode channelData = TestJson.tree(TestJson.write(team.channelData()));
        assertEquals("teamMemberAdded", channelData.get("eventType").asText());
        assertEquals(ops.aadGroupId(), channelData.at("/team/aadGroupId").asText());
        verify(fake, teamReq.getHeaders().get("Authorization"));

        sender.message(fake.user("Lee Gu"), "hello bot");
        Activity message = Activity.fromJson(received().getBody().utf8());
        assertEquals("hello bot", message.text());
        assertTrue(message.id().matches("\\d+"));
        assertEquals(fake.user("Lee Gu").aadObjectId(), message.from().aadObjectId());
    }

    @Test
    void channelTokenWithoutHttpVerifiesAgainstTheMetadata() throws Exception {
        FakeConnector fake = ext.connector();
        JWTClaimsSet claims = verify(fake, "Bearer " + fake.channelToken(fake.serviceUrl()));
        assertEquals(fake.serviceUrl(), claims.getStringClaim("serviceurl"));
    }

    @Test
    void negativeVariantsAreUnsignedOrSignedWithAnUnpublishedKey() throws Exception {
        FakeConnector fake = ext.connector();
        bot.enqueue(new MockResponse.Builder().code(401).body("denied").build());
        bot.enqueue(new MockResponse.Builder().code(401).build());
        InboundSender sender = fake.inbound(bot.url("/api/messages").toString());
        Activity activity = Activity.builder().type("message").text("x").serviceUrl(fake.serviceUrl()).build();
        InboundResult unsigned = sender.sendUnsigned(activity);
        assertEquals(401, unsigned.status());
        assertEquals("denied", unsigned.body());
        assertNull(received().getHeaders().get("Authorization"));

        sender.sendWithUntrustedSignature(activity);
        String auth = received().getHeaders().get("Authorization");
        SignedJWT jwt = SignedJWT.parse(auth.substring(7));
        RSAKey published = (RSAKey) JWKSet.parse(http.get(fake.baseUrl() + "/v1/.well-known/keys").body())
                .getKeyByKeyId(jwt.getHeader().getKeyID());
        assertFalse(jwt.verify(new RSASSAVerifier(published)), "same kid, but not the published key");
    }
}
