package io.github.botconnector.auth;

import io.github.botconnector.test.Fixtures;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** Shared helpers for the authentication tests. */
final class TestSupport {

    static final String APP_ID = "805a9832-b270-4490-a35a-a726f1fc9513";
    static final String TENANT_ID = "c603ca06-32cc-4a8f-9a2a-a31442aeb907";
    static final Instant NOW = Instant.ofEpochSecond(1768478400L);

    private TestSupport() {
    }

    /** The public cloud with its login host and metadata pointed at {@code server}. */
    static BotCloud cloudAt(MockWebServer server) {
        String base = server.url("/").toString();
        return BotCloud.PUBLIC.toBuilder()
                .name("test-public")
                .loginHost(base)
                .openIdMetadataUrl(base + "v1/.well-known/openidconfiguration")
                .build();
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    static MockResponse fixture(String name) {
        return json(200, Fixtures.read("auth/" + name));
    }

    static String tokenFor(int n) {
        return "eyJ0eXAiOiJKV1QifQ.test-token-" + n + ".signature";
    }

    static MockResponse tokenResponse(String token, long expiresIn) {
        return json(200, "{\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + ",\"ext_expires_in\":"
                + expiresIn + ",\"access_token\":\"" + token + "\"}");
    }
}
