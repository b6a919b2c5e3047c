package io.github.botconnector.auth;

import static io.github.botconnector.auth.TestSupport.APP_ID;
import static io.github.botconnector.auth.TestSupport.NOW;
import static io.github.botconnector.auth.TestSupport.TENANT_ID;
import static io.github.botconnector.auth.TestSupport.cloudAt;
import static io.github.botconnector.auth.TestSupport.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.X509CertUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.botconnector.exception.TokenAcquisitionException;
import io.github.botconnector.internal.Json;
import io.github.botconnector.test.Fixtures;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.interfaces.RSAPublicKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each credential sends exactly the documented request and parses the documented responses. */
class CredentialRequestTest {

    private static final String SECRET = "s3cr3t~value/with+special=chars";
    private static final String SCOPE_ENCODED = "https%3A%2F%2Fapi.botframework.com%2F.default";

    private final MockWebServer server = new MockWebServer();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void clientSecretMultiTenantSendsTheDocumentedForm() throws Exception {
        server.enqueue(fixture("token-response.json"));
        ClientSecretCredential credential = ClientSecretCredential.builder()
                .appId(APP_ID).secret(SECRET).cloud(cloudAt(server)).clock(clock).build();

        AccessToken token = credential.getToken();

        RecordedRequest request = server.takeRequest();
        assertEquals("POST", request.getMethod());
        assertEquals("/botframework.com/oauth2/v2.0/token", request.getUrl().encodedPath());
        assertEquals("application/x-www-form-urlencoded", request.getHeaders().get("Content-Type"));
        assertEquals("grant_type=client_credentials&client_id=" + APP_ID + "&client_secret="
                + "s3cr3t%7Evalue%2Fwith%2Bspecial%3Dchars&scope=" + SCOPE_ENCODED, request.getBody().utf8());
        JsonNode expected = Json.mapper().readTree(Fixtures.read("auth/token-response.json"));
        assertEquals(expected.get("access_token").asText(), token.token());
        assertEquals(NOW.plusSeconds(3599), token.expiresAt());
        assertEquals("botframework.com", credential.tenant());
    }

    @Test
    void clientSecretSingleTenantUsesTheTenantInTheEndpoint() throws Exception {
        server.enqueue(fixture("token-response.docs.json"));
        ClientSecretCredential credential = ClientSecretCredential.builder()
                .appId(APP_ID).secret(SECRET).tenantId(TENANT_ID).cloud(cloudAt(server)).clock(clock).build();

        AccessToken token = credential.getToken();

        RecordedRequest request = server.takeRequest();
        assertEquals("/" + TENANT_ID + "/oauth2/v2.0/token", request.getUrl().encodedPath());
        assertEquals("eyJhbGciOiJIUzI1Ni...", token.token());
        assertEquals(NOW.plusSeconds(3600), token.expiresAt());
    }

    @Test
    void sovereignCloudPresetsUseTheirOwnEndpointAndScope() {
        assertEquals("https://login.microsoftonline.us/" + TENANT_ID + "/oauth2/v2.0/token",
                BotCloud.US_GOV_GCC_HIGH.tokenEndpoint(TENANT_ID));
        assertEquals("https://api.botframework.us/.default", BotCloud.US_GOV_DOD.scope());
        assertEquals("https://login.partner.microsoftonline.cn/microsoftservices.partner.onmschina.cn/oauth2/v2.0/token",
                BotCloud.CHINA.tokenEndpoint(BotCloud.CHINA.multiTenantAuthority()));
        ClientSecretCredential gov = ClientSecretCredential.builder().appId(APP_ID).secret(SECRET)
                .cloud(BotCloud.US_GOV_GCC_HIGH).build();
        assertEquals("MicrosoftServices.onmicrosoft.us", gov.tenant());
    }

    @Test
    void builderRejectsMissingOrMalformedSettingsBeforeAnyRequest() {
        assertThrows(IllegalArgumentException.class, () -> ClientSecretCredential.builder().secret(SECRET).build());
        assertThrows(IllegalArgumentException.class, () -> ClientSecretCredential.builder().appId(APP_ID).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClientSecretCredential.builder()
                .appId(APP_ID).secret(SECRET).tenantId("evil.example/../x").build());
        assertTrue(e.getMessage().contains("tenantId"));
        assertFalse(e.getMessage().contains(SECRET));
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void certificateCredentialSignsAPs256AssertionWithSha256Thumbprint() throws Exception {
        server.enqueue(fixture("token-response.json"));
        String keyPem = Fixtures.read("auth/test-keys/channel-key-1.private.pem");
        String certPem = Fixtures.read("auth/test-keys/channel-key-1.cert.pem");
        CertificateCredential credential = CertificateCredential.builder()
                .appId(APP_ID).tenantId(TENANT_ID).pem(keyPem, certPem).cloud(cloudAt(server)).clock(clock).build();

        credential.getToken();

        RecordedRequest request = server.takeRequest();
        Map<String, String> form = form(request.getBody().utf8());
        assertEquals(List.of("grant_type", "client_id", "client_assertion_type", "client_assertion", "scope"),
                List.copyOf(form.keySet()));
        assertEquals("client_credentials", form.get("grant_type"));
        assertEquals(APP_ID, form.get("client_id"));
        assertEquals("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", form.get("client_assertion_type"));
        assertEquals("https://api.botframework.com/.default", form.get("scope"));

        X509Certificate cert = X509CertUtils.parse(certPem);
        SignedJWT assertion = SignedJWT.parse(form.get("client_assertion"));
        assertEquals(JWSAlgorithm.PS256, assertion.getHeader().getAlgorithm());
        assertEquals(JOSEObjectType.JWT, assertion.getHeader().getType());
        assertEquals(X509CertUtils.computeSHA256Thumbprint(cert), assertion.getHeader().getX509CertSHA256Thumbprint());
        assertEquals(credential.thumbprintSha256(), assertion.getHeader().getX509CertSHA256Thumbprint().toString());
        assertNull(assertion.getHeader().getX509CertChain());
        assertTrue(assertion.verify(new RSASSAVerifier((RSAPublicKey) cert.getPublicKey())));

        JWTClaimsSet claims = assertion.getJWTClaimsSet();
        String endpoint = server.url("/" + TENANT_ID + "/oauth2/v2.0/token").toString();
        assertEquals(List.of(endpoint), claims.getAudience());
        assertEquals(APP_ID, claims.getIssuer());
        assertEquals(APP_ID, claims.getSubject());
        assertEquals(claims.getJWTID(), UUID.fromString(claims.getJWTID()).toString());
        assertEquals(NOW, claims.getNotBeforeTime().toInstant());
        assertEquals(NOW.plusSeconds(600), claims.getExpirationTime().toInstant());
    }

    @Test
    void certificateCredentialCanUseRs256AndSendTheChain() throws Exception {
        server.enqueue(fixture("token-response.json"));
        server.enqueue(fixture("token-response.json"));
        Path dir = Files.createTempDirectory("cert");
        Path key = Files.writeString(dir.resolve("key.pem"), Fixtures.read("auth/test-keys/channel-key-2.private.pem"));
        Path cert = Files.writeString(dir.resolve("cert.pem"), Fixtures.read("auth/test-keys/channel-key-2.cert.pem"));
        CertificateCredential credential = CertificateCredential.builder()
                .appId(APP_ID).pemFiles(key, cert).algorithm(CertificateCredential.Algorithm.RS256)
                .sendCertificateChain(true).cloud(cloudAt(server)).clock(clock).build();

        AccessToken first = credential.getToken();
        credential.tokenRejected(first);
        credential.getToken();

        SignedJWT a1 = SignedJWT.parse(form(server.takeRequest().getBody().utf8()).get("client_assertion"));
        SignedJWT a2 = SignedJWT.parse(form(server.takeRequest().getBody().utf8()).get("client_assertion"));
        assertEquals(JWSAlgorithm.RS256, a1.getHeader().getAlgorithm());
        assertEquals(1, a1.getHeader().getX509CertChain().size());
        assertEquals(X509CertUtils.parse(Files.readString(cert)),
                X509CertUtils.parse(a1.getHeader().getX509CertChain().get(0).decode()));
        assertEquals(List.of(server.url("/botframework.com/oauth2/v2.0/token").toString()),
                a1.getJWTClaimsSet().getAudience());
        assertFalse(a1.getJWTClaimsSet().getJWTID().equals(a2.getJWTClaimsSet().getJWTID()),
                "every request signs a new assertion");
    }

    @Test
    void certificateCredentialLoadsPkcs12() throws Exception {
        server.enqueue(fixture("token-response.json"));
        X509Certificate cert = X509CertUtils.parse(Fixtures.read("auth/test-keys/channel-key-3.cert.pem"));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        char[] password = "p12-password".toCharArray();
        ks.setKeyEntry("bot", io.github.botconnector.internal.auth.CertificateLoader.privateKey(
                Fixtures.read("auth/test-keys/channel-key-3.private.pem")), password, new Certificate[] {cert});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ks.store(out, password);

        CertificateCredential credential = CertificateCredential.builder().appId(APP_ID)
                .pkcs12(out.toByteArray(), password).cloud(cloudAt(server)).clock(clock).build();
        credential.getToken();

        SignedJWT assertion = SignedJWT.parse(form(server.takeRequest().getBody().utf8()).get("client_assertion"));
        assertTrue(assertion.verify(new RSASSAVerifier((RSAPublicKey) cert.getPublicKey())));
        assertThrows(IllegalArgumentException.class, () -> CertificateCredential.builder().appId(APP_ID)
                .pkcs12(out.toByteArray(), "wrong".toCharArray()));
    }

    @Test
    void certificateCredentialRejectsAKeyThatDoesNotMatchTheCertificate() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CertificateCredential.builder()
                .appId(APP_ID).pem(Fixtures.read("auth/test-keys/channel-key-1.private.pem"),
                        Fixtures.read("auth/test-keys/channel-key-2.cert.pem")));
        assertTrue(e.getMessage().contains("does not belong"), e.getMessage());
        assertFalse(e.getMessage().contains("PRIVATE KEY"));
    }

    @Test
    void federatedCredentialSendsTheSuppliedAssertion() throws Exception {
        server.enqueue(fixture("token-response.json"));
        FederatedCredential credential = FederatedCredential.builder().appId(APP_ID).tenantId(TENANT_ID)
                .assertion(() -> "federated.assertion.jwt").cloud(cloudAt(server)).clock(clock).build();

        credential.getToken();

        RecordedRequest request = server.takeRequest();
        assertEquals("/" + TENANT_ID + "/oauth2/v2.0/token", request.getUrl().encodedPath());
        assertEquals("grant_type=client_credentials&client_id=" + APP_ID
                + "&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer"
                + "&client_assertion=federated.assertion.jwt&scope=" + SCOPE_ENCODED, request.getBody().utf8());
    }

    @Test
    void federatedCredentialCanExchangeAManagedIdentityToken() throws Exception {
        String miToken = "eyJ0eXAiOiJKV1QifQ.managed-identity-assertion.sig";
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public mockwebserver3.MockResponse dispatch(RecordedRequest request) {
                return request.getMethod().equals("GET")
                        ? TestSupport.json(200, "{\"access_token\":\"" + miToken + "\",\"expires_in\":\"86399\","
                        + "\"token_type\":\"Bearer\"}")
                        : TestSupport.tokenResponse(TestSupport.tokenFor(1), 3600);
            }
        });
        ManagedIdentityCredential mi = ManagedIdentityCredential.builder().clientId("mi-client-id")
                .resource(FederatedCredential.TOKEN_EXCHANGE_AUDIENCE).environment(Map.of())
                .imdsEndpoint(server.url("/metadata/identity/oauth2/token").toString()).clock(clock).build();
        FederatedCredential credential = FederatedCredential.builder().appId(APP_ID).tenantId(TENANT_ID)
                .managedIdentityAssertion(mi).cloud(cloudAt(server)).clock(clock).build();

        AccessToken first = credential.getTokenAsync().get(20, java.util.concurrent.TimeUnit.SECONDS);
        credential.tokenRejected(first);
        credential.getToken();

        RecordedRequest miRequest = server.takeRequest();
        assertEquals("api://AzureADTokenExchange", miRequest.getUrl().queryParameter("resource"));
        assertEquals("mi-client-id", miRequest.getUrl().queryParameter("client_id"));
        assertEquals(miToken, form(server.takeRequest().getBody().utf8()).get("client_assertion"));
        assertEquals(miToken, form(server.takeRequest().getBody().utf8()).get("client_assertion"),
                "the cached managed identity token is reused");
        assertEquals(3, server.getRequestCount());
        assertFalse(credential.toString().contains(miToken));
    }

    @Test
    void workloadIdentityRereadsTheTokenFileForEveryFetch(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "first.assertion\n");
        server.enqueue(TestSupport.tokenResponse(TestSupport.tokenFor(1), 3600));
        server.enqueue(TestSupport.tokenResponse(TestSupport.tokenFor(2), 3600));
        FederatedCredential credential = FederatedCredential.workloadIdentity(Map.of(
                        "AZURE_FEDERATED_TOKEN_FILE", file.toString(), "AZURE_CLIENT_ID", APP_ID,
                        "AZURE_TENANT_ID", TENANT_ID))
                .cloud(cloudAt(server)).clock(clock).build();

        AccessToken first = credential.getToken();
        Files.writeString(file, "second.assertion");
        credential.tokenRejected(first);
        assertEquals(TestSupport.tokenFor(2), credential.getToken().token());

        assertEquals("first.assertion", form(server.takeRequest().getBody().utf8()).get("client_assertion"));
        RecordedRequest second = server.takeRequest();
        assertEquals("second.assertion", form(second.getBody().utf8()).get("client_assertion"));
        assertEquals(APP_ID, form(second.getBody().utf8()).get("client_id"));
        assertEquals("/" + TENANT_ID + "/oauth2/v2.0/token", second.getUrl().encodedPath());
        assertThrows(IllegalArgumentException.class, () -> FederatedCredential.workloadIdentity(Map.of()));
    }

    @Test
    void federatedCredentialReportsAMissingTokenFileWithoutARequest(@TempDir Path dir) {
        FederatedCredential credential = FederatedCredential.builder().appId(APP_ID)
                .assertionFile(dir.resolve("missing")).cloud(cloudAt(server)).clock(clock).build();
        TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class, credential::getToken);
        assertTrue(e.getMessage().contains("federated token file"), e.getMessage());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void managedIdentityImdsSendsTheDocumentedRequest() throws Exception {
        server.enqueue(fixture("token-response.managed-identity.imds.json"));
        ManagedIdentityCredential credential = ManagedIdentityCredential.builder().clientId(APP_ID)
                .environment(Map.of()).imdsEndpoint(server.url("/metadata/identity/oauth2/token").toString())
                .clock(clock).build();

        AccessToken token = credential.getToken();

        RecordedRequest request = server.takeRequest();
        assertEquals(ManagedIdentityCredential.Source.IMDS, credential.source());
        assertEquals("GET", request.getMethod());
        assertEquals("/metadata/identity/oauth2/token?api-version=2018-02-01"
                + "&resource=https://api.botframework.com&client_id=" + APP_ID, request.getTarget()
                .replace("%3A", ":").replace("%2F", "/"));
        assertEquals("https://api.botframework.com", request.getUrl().queryParameter("resource"));
        assertEquals("true", request.getHeaders().get("Metadata"));
        assertNull(request.getHeaders().get("X-IDENTITY-HEADER"));
        assertEquals(Instant.ofEpochSecond(1768564799L), token.expiresAt());
    }

    @Test
    void managedIdentitySystemAssignedSendsNoClientId() throws Exception {
        server.enqueue(fixture("token-response.managed-identity.imds.json"));
        ManagedIdentityCredential credential = ManagedIdentityCredential.builder().environment(Map.of())
                .imdsEndpoint(server.url("/metadata/identity/oauth2/token").toString()).clock(clock)
                .cloud(BotCloud.US_GOV_GCC_HIGH).build();
        credential.getToken();
        RecordedRequest request = server.takeRequest();
        assertNull(request.getUrl().queryParameter("client_id"));
        assertEquals("https://api.botframework.us", request.getUrl().queryParameter("resource"));
        assertTrue(credential.toString().contains("system-assigned"));
    }

    @Test
    void managedIdentityAppServiceUsesTheIdentityEndpointAndHeader() throws Exception {
        server.enqueue(fixture("token-response.managed-identity.app-service.json"));
        String header = "identity-header-value-1234";
        ManagedIdentityCredential credential = ManagedIdentityCredential.builder().clientId(APP_ID)
                .environment(Map.of("IDENTITY_ENDPOINT", server.url("/msi/token").toString(),
                        "IDENTITY_HEADER", header))
                .clock(Clock.fixed(NOW.plusSeconds(10), ZoneOffset.UTC)).build();

        AccessToken token = credential.getToken();

        RecordedRequest request = server.takeRequest();
        assertEquals(ManagedIdentityCredential.Source.APP_SERVICE, credential.source());
        assertEquals("/msi/token", request.getUrl().encodedPath());
        assertEquals("2019-08-01", request.getUrl().queryParameter("api-version"));
        assertEquals("https://api.botframework.com", request.getUrl().queryParameter("resource"));
        assertEquals(APP_ID, request.getUrl().queryParameter("client_id"));
        assertEquals(header, request.getHeaders().get("X-IDENTITY-HEADER"));
        assertNull(request.getHeaders().get("Metadata"));
        assertEquals(Instant.ofEpochSecond(1768564799L), token.expiresAt(), "expires_on epoch-seconds string");
        assertFalse(credential.toString().contains(header));
    }

    @Test
    void managedIdentityByResourceId() throws Exception {
        String resourceId = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/"
                + "userAssignedIdentities/bot";
        server.enqueue(fixture("token-response.managed-identity.imds.json"));
        server.enqueue(fixture("token-response.managed-identity.app-service.json"));
        ManagedIdentityCredential.builder().resourceId(resourceId).environment(Map.of())
                .imdsEndpoint(server.url("/token").toString()).clock(clock).build().getToken();
        ManagedIdentityCredential.builder().resourceId(resourceId).clock(clock)
                .environment(Map.of("IDENTITY_ENDPOINT", server.url("/msi").toString(), "IDENTITY_HEADER", "h"))
                .build().getToken();
        assertEquals(resourceId, server.takeRequest().getUrl().queryParameter("msi_res_id"));
        assertEquals(resourceId, server.takeRequest().getUrl().queryParameter("mi_res_id"));
        assertThrows(IllegalArgumentException.class, () -> ManagedIdentityCredential.builder().clientId(APP_ID)
                .resourceId(resourceId).build());
    }

    @Test
    void managedIdentityParsesIsoExpiresOn() {
        server.enqueue(TestSupport.json(200, "{\"access_token\":\"abc.def.ghi\",\"expires_on\":\"2026-01-16T12:00:00Z\","
                + "\"token_type\":\"Bearer\"}"));
        ManagedIdentityCredential credential = ManagedIdentityCredential.builder().environment(Map.of())
                .imdsEndpoint(server.url("/token").toString()).clock(clock).build();
        assertEquals(Instant.parse("2026-01-16T12:00:00Z"), credential.getToken().expiresAt());
    }

    @Test
    void managedIdentityNotAssignedExplainsWhatToCheck() {
        server.enqueue(TestSupport.json(400, "{\"error\":\"invalid_request\",\"error_description\":"
                + "\"Identity not found\"}"));
        ManagedIdentityCredential credential = ManagedIdentityCredential.builder().clientId(APP_ID)
                .environment(Map.of()).imdsEndpoint(server.url("/token").toString()).clock(clock).build();
        TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class, credential::getToken);
        assertEquals(400, e.statusCode());
        assertEquals("invalid_request", e.errorCode());
        assertTrue(e.getMessage().contains("no user-assigned managed identity with client id '" + APP_ID + "'"),
                e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        assertNotNull(out);
        return out;
    }
}
