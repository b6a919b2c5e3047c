package io.github.botconnector.auth;

import static io.github.botconnector.auth.TestSupport.APP_ID;
import static io.github.botconnector.auth.TestSupport.NOW;
import static io.github.botconnector.auth.TestSupport.TENANT_ID;
import static io.github.botconnector.auth.TestSupport.cloudAt;
import static io.github.botconnector.auth.TestSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.exception.TokenAcquisitionException;
import io.github.botconnector.test.CapturedLogs;
import io.github.botconnector.test.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Token service errors: codes, hints, retries, and nothing secret in messages, toString or logs. */
class TokenErrorTest {

    private static final String SECRET = "Zq8~S3CR3T-VALUE-never-print-me";

    private final MockWebServer server = new MockWebServer();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final List<Duration> delays = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server.start();
        CapturedLogs.clear();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ClientSecretCredential.Builder secretCredential() {
        return ClientSecretCredential.builder().appId(APP_ID).secret(SECRET).cloud(cloudAt(server)).clock(clock)
                .retryDelay(d -> {
                    delays.add(d);
                    return CompletableFuture.completedFuture(null);
                });
    }

    @Test
    void singleTenantAppAskingBotFrameworkTenantGetsTheTenantHint() {
        server.enqueue(json(400, Fixtures.read("auth/token-error.app-not-found-in-botframework-tenant.json")));
        ClientSecretCredential credential = secretCredential().build();

        TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class, credential::getToken);

        assertEquals("AADSTS700016", e.errorCode());
        assertEquals(400, e.statusCode());
        assertTrue(e.getMessage().contains("single-tenant"), e.getMessage());
        assertTrue(e.getMessage().contains("tenant id"), e.getMessage());
        assertTrue(e.getMessage().contains(APP_ID), e.getMessage());
        assertTrue(e.getMessage().contains("botframework.com"), e.getMessage());
        assertTrue(e.getMessage().contains("cloud 'test-public'"), e.getMessage());
        assertEquals(1, server.getRequestCount(), "400 is never retried");
        assertFalse(e.getMessage().contains(SECRET));
    }

    @Test
    void wrongSecretIsExplainedAndNotRetried() {
        server.enqueue(json(401, Fixtures.read("auth/token-error.invalid-client.json")));
        ClientSecretCredential credential = secretCredential().tenantId(TENANT_ID).build();

        TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class, credential::getToken);

        assertEquals("AADSTS7000215", e.errorCode());
        assertEquals(401, e.statusCode());
        assertTrue(e.getMessage().contains("wrong client secret"), e.getMessage());
        assertTrue(e.getMessage().contains(TENANT_ID), e.getMessage());
        assertEquals(1, server.getRequestCount());
        assertTrue(delays.isEmpty());
    }

    @Test
    void unknownTenantPointsAtTheCloud() {
        server.enqueue(json(400, "{\"error\":\"invalid_request\",\"error_description\":\"AADSTS90002: Tenant '"
                + TENANT_ID + "' not found.\",\"error_codes\":[90002]}"));
        TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class,
                secretCredential().tenantId(TENANT_ID).build()::getToken);
        assertEquals("AADSTS90002", e.errorCode());
        assertTrue(e.getMessage().contains("wrong cloud"), e.getMessage());
    }

    @Test
    void throttlingHonoursRetryAfter() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "7").body("").build());
        server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "2").body("<html>busy</html>")
                .build());
        server.enqueue(TestSupport.tokenResponse(TestSupport.tokenFor(1), 3600));

        AccessToken token = secretCredential().build().getToken();

        assertEquals(TestSupport.tokenFor(1), token.token());
        assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(2)), delays);
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void temporarilyUnavailableIsRetried() {
        server.enqueue(json(400, "{\"error\":\"temporarily_unavailable\",\"error_description\":\"AADSTS50196: busy\"}"));
        server.enqueue(TestSupport.tokenResponse(TestSupport.tokenFor(1), 3600));
        assertEquals(TestSupport.tokenFor(1), secretCredential().build().getToken().token());
        assertEquals(2, server.getRequestCount());
        assertEquals(1, delays.size());
    }

    @Test
    void retriesStopAfterMaxAttempts() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(503, "{\"error\":\"temporarily_unavailable\"}"));
        }
        TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class,
                secretCredential().maxAttempts(3).build()::getToken);
        assertEquals(503, e.statusCode());
        assertEquals("temporarily_unavailable", e.errorCode());
        assertTrue(e.getMessage().contains("after 3 attempts"), e.getMessage());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void tooLongRetryAfterFailsAtOnce() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "3600").body("").build());
        TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class,
                secretCredential().build()::getToken);
        assertEquals(429, e.statusCode());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void applicationInterceptorsNeverSeeTokenRequests() {
        server.enqueue(TestSupport.tokenResponse(TestSupport.tokenFor(1), 3600));
        List<String> seen = new CopyOnWriteArrayList<>();
        okhttp3.OkHttpClient appClient = new okhttp3.OkHttpClient.Builder()
                .addInterceptor(chain -> {
                    seen.add(chain.request().url().toString());
                    return chain.proceed(chain.request());
                })
                .addNetworkInterceptor(chain -> {
                    seen.add(chain.request().url().toString());
                    return chain.proceed(chain.request());
                })
                .build();
        assertEquals(TestSupport.tokenFor(1), secretCredential().httpClient(appClient).build().getToken().token());
        assertTrue(seen.isEmpty(), "interceptors could log the secret: " + seen);
    }

    @Test
    void secretsAssertionsAndTokensNeverAppearInToStringMessagesOrLogs(@TempDir Path dir) throws Exception {
        String token = "eyJ0eXAiOiJKV1QifQ.TOKEN-VALUE-never-print-me.sig";
        String assertion = "eyJhbGciOiJSUzI1NiJ9.ASSERTION-never-print-me.sig";
        String identityHeader = "IDENTITY-HEADER-never-print-me";
        server.enqueue(TestSupport.tokenResponse(token, 3600));
        server.enqueue(json(401, Fixtures.read("auth/token-error.invalid-client.json")));
        server.enqueue(TestSupport.tokenResponse(token, 3600));
        server.enqueue(json(400, "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS700027: bad\"}"));
        server.enqueue(TestSupport.tokenResponse(token, 3600));
        server.enqueue(json(400, "{\"error\":\"invalid_request\"}"));
        server.enqueue(TestSupport.tokenResponse(token, 3600));

        ClientSecretCredential secret = secretCredential().build();
        ClientSecretCredential badSecret = secretCredential().build();
        Path file = Files.writeString(dir.resolve("token"), assertion);
        FederatedCredential federated = FederatedCredential.builder().appId(APP_ID).assertionFile(file)
                .cloud(cloudAt(server)).clock(clock).build();
        FederatedCredential badFederated = FederatedCredential.builder().appId(APP_ID).assertion(() -> assertion)
                .cloud(cloudAt(server)).clock(clock).build();
        ManagedIdentityCredential mi = ManagedIdentityCredential.builder().clientId(APP_ID).clock(clock)
                .environment(Map.of("IDENTITY_ENDPOINT", server.url("/msi").toString(), "IDENTITY_HEADER",
                        identityHeader)).build();
        ManagedIdentityCredential badMi = ManagedIdentityCredential.builder().clientId(APP_ID).clock(clock)
                .environment(Map.of("IDENTITY_ENDPOINT", server.url("/msi").toString(), "IDENTITY_HEADER",
                        identityHeader)).build();
        CertificateCredential cert = CertificateCredential.builder().appId(APP_ID)
                .pem(Fixtures.read("auth/test-keys/channel-key-1.private.pem"),
                        Fixtures.read("auth/test-keys/channel-key-1.cert.pem")).cloud(cloudAt(server)).clock(clock)
                .build();

        StringBuilder seen = new StringBuilder();
        AccessToken got = secret.getToken();
        seen.append(got).append(secret).append(ClientSecretCredential.builder().secret(SECRET));
        seen.append(assertThrows(TokenAcquisitionException.class, badSecret::getToken).getMessage());
        seen.append(federated.getToken()).append(federated);
        seen.append(assertThrows(TokenAcquisitionException.class, badFederated::getToken).getMessage());
        seen.append(mi.getToken()).append(mi);
        seen.append(assertThrows(TokenAcquisitionException.class, badMi::getToken).getMessage());
        seen.append(cert.getToken()).append(cert);
        String logs = CapturedLogs.allText();
        String certificateAssertion = null;
        for (int i = 0; i < 7; i++) {
            mockwebserver3.RecordedRequest request = server.takeRequest();
            if (i == 6) {
                certificateAssertion = CredentialRequestTest.form(request.getBody().utf8()).get("client_assertion");
            }
        }
        assertTrue(certificateAssertion != null && certificateAssertion.length() > 100);
        assertFalse(logs.contains(certificateAssertion));
        assertFalse(seen.toString().contains(certificateAssertion));

        assertEquals(token, got.token());
        assertFalse(logs.isEmpty(), "token requests are traced at debug level");
        for (String s : List.of(SECRET, token, "TOKEN-VALUE", assertion, "ASSERTION-never", identityHeader,
                "PRIVATE KEY")) {
            assertFalse(seen.toString().contains(s), "toString/message shows " + s + ": " + seen);
            assertFalse(logs.contains(s), "logs show " + s);
        }
    }
}
