package io.github.botconnector.auth;

import static io.github.botconnector.auth.TestSupport.APP_ID;
import static io.github.botconnector.auth.TestSupport.NOW;
import static io.github.botconnector.auth.TestSupport.TENANT_ID;
import static io.github.botconnector.auth.TestSupport.cloudAt;
import static io.github.botconnector.auth.TestSupport.tokenResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.exception.TokenAcquisitionException;
import io.github.botconnector.test.Fixtures;
import io.github.botconnector.testsupport.ManualClock;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tokens for Microsoft Graph and the Bot Connector from the same credential: one cache and one fetch per scope. */
class ScopedTokensTest {

    private static final String CONNECTOR = "https://api.botframework.com/.default";
    private static final String GRAPH = "https://graph.microsoft.com/.default";
    private static final String CUSTOMER_TENANT = "0b7c7e3f-2ad6-4c3b-9f1e-5d1a8f3c2e10";

    private final MockWebServer server = new MockWebServer();
    private final ManualClock clock = new ManualClock(NOW);
    /** Token requests per "tenant path | scope or resource". */
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Answers each token request, once {@code release} opens, with a token naming its scope and a serial. */
    private void answerAfter(CountDownLatch release) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (!release.await(20, TimeUnit.SECONDS)) {
                    return TestSupport.json(500, "{\"error\":\"test_timeout\"}");
                }
                String key = key(request);
                int n = requests.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                String scope = key.substring(key.indexOf('|') + 1);
                return tokenResponse((scope.contains("graph") ? "graph-" : "connector-") + n, 3600);
            }
        });
    }

    /** "tenant|scope" of a client-credentials request, "imds|resource" of a managed identity request. */
    private static String key(RecordedRequest request) {
        if ("GET".equals(request.getMethod())) {
            return "imds|" + request.getUrl().queryParameter("resource");
        }
        Map<String, String> form = new HashMap<>();
        for (String pair : request.getBody().utf8().split("&")) {
            int i = pair.indexOf('=');
            form.put(pair.substring(0, i), URLDecoder.decode(pair.substring(i + 1), StandardCharsets.UTF_8));
        }
        return request.getUrl().pathSegments().get(0) + "|" + form.get("scope");
    }

    private int count(String key) {
        AtomicInteger n = requests.get(key);
        return n == null ? 0 : n.get();
    }

    /**
     * 64 callers at once, half asking for the Bot Connector token and half for the Graph token; returns what each
     * half received.
     */
    private static List<List<String>> sixtyFourCallers(TokenProvider connector, TokenProvider graph,
                                                       CountDownLatch arrived) throws Exception {
        int threads = 64;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> c = new ArrayList<>();
            List<Future<String>> g = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                TokenProvider p = i % 2 == 0 ? connector : graph;
                Future<String> f = pool.submit(() -> {
                    arrived.countDown();
                    return p.getToken().token();
                });
                (i % 2 == 0 ? c : g).add(f);
            }
            List<String> cs = new ArrayList<>();
            List<String> gs = new ArrayList<>();
            for (Future<String> f : c) {
                cs.add(f.get(30, TimeUnit.SECONDS));
            }
            for (Future<String> f : g) {
                gs.add(f.get(30, TimeUnit.SECONDS));
            }
            return List.of(cs, gs);
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertOneRequestPerScope(TokenProvider credential, String graphScope, String connectorKey,
                                          String graphKey, String graphToken) throws Exception {
        CountDownLatch arrived = new CountDownLatch(64);
        answerAfter(arrived);
        TokenProvider graph = credential.forScope(graphScope, TENANT_ID);
        List<List<String>> got = sixtyFourCallers(credential, graph, arrived);

        assertEquals(List.of("connector-1"), got.get(0).stream().distinct().toList());
        assertEquals(List.of(graphToken), got.get(1).stream().distinct().toList());
        assertEquals(1, count(connectorKey), requests.toString());
        assertEquals(1, count(graphKey), requests.toString());
        assertEquals(2, server.getRequestCount(), requests.toString());

        // Cached per scope: more callers, no request.
        assertEquals("connector-1", credential.getToken().token());
        assertEquals(graphToken, credential.forScope(graphScope, TENANT_ID).getToken().token());
        assertEquals(2, server.getRequestCount());

        // Once both are stale, 64 callers again: one refresh per scope.
        clock.advance(Duration.ofMinutes(56));
        CountDownLatch again = new CountDownLatch(64);
        answerAfter(again);
        got = sixtyFourCallers(credential, graph, again);
        assertEquals(List.of("connector-2"), got.get(0).stream().distinct().toList());
        assertEquals(List.of(graphToken.replace("-1", "-2")), got.get(1).stream().distinct().toList());
        assertEquals(4, server.getRequestCount(), requests.toString());
    }

    @Test
    void clientSecretMakesOneTokenRequestPerScopeUnderSixtyFourConcurrentCallers() throws Exception {
        ClientSecretCredential credential = ClientSecretCredential.builder().appId(APP_ID).tenantId(TENANT_ID)
                .secret("secret-value").cloud(cloudAt(server)).clock(clock).jitter(() -> 0.5).build();
        assertOneRequestPerScope(credential, GRAPH, TENANT_ID + "|" + CONNECTOR, TENANT_ID + "|" + GRAPH,
                "graph-1");
    }

    @Test
    void certificateMakesOneTokenRequestPerScopeUnderSixtyFourConcurrentCallers() throws Exception {
        CertificateCredential credential = CertificateCredential.builder().appId(APP_ID).tenantId(TENANT_ID)
                .pem(Fixtures.read("auth/test-keys/channel-key-1.private.pem"),
                        Fixtures.read("auth/test-keys/channel-key-1.cert.pem"))
                .cloud(cloudAt(server)).clock(clock).jitter(() -> 0.5).build();
        assertOneRequestPerScope(credential, GRAPH, TENANT_ID + "|" + CONNECTOR, TENANT_ID + "|" + GRAPH,
                "graph-1");
    }

    @Test
    void federatedMakesOneTokenRequestPerScopeUnderSixtyFourConcurrentCallers() throws Exception {
        AtomicInteger assertions = new AtomicInteger();
        FederatedCredential credential = FederatedCredential.builder().appId(APP_ID).tenantId(TENANT_ID)
                .assertion(() -> "assertion-" + assertions.incrementAndGet())
                .cloud(cloudAt(server)).clock(clock).jitter(() -> 0.5).build();
        assertOneRequestPerScope(credential, GRAPH, TENANT_ID + "|" + CONNECTOR, TENANT_ID + "|" + GRAPH,
                "graph-1");
        assertEquals(4, assertions.get(), "one assertion per token request");
    }

    @Test
    void managedIdentityMakesOneTokenRequestPerResourceUnderSixtyFourConcurrentCallers() throws Exception {
        ManagedIdentityCredential credential = ManagedIdentityCredential.builder().clientId(APP_ID)
                .environment(Map.of()).imdsEndpoint(server.url("/metadata/identity/oauth2/token").toString())
                .clock(clock).jitter(() -> 0.5).build();
        // The resource of a managed identity is the scope without /.default.
        assertOneRequestPerScope(credential, GRAPH, "imds|https://api.botframework.com",
                "imds|https://graph.microsoft.com", "graph-1");
    }

    @Test
    void aMultiTenantAppAsksTheCustomerTenantsAuthorityForGraph() throws Exception {
        answerAfter(new CountDownLatch(0));
        ClientSecretCredential credential = ClientSecretCredential.builder().appId(APP_ID).secret("secret-value")
                .cloud(cloudAt(server)).clock(clock).build();

        credential.getToken();
        credential.forScope(GRAPH, CUSTOMER_TENANT).getToken();
        credential.forScope(GRAPH, TENANT_ID).getToken();

        assertEquals(1, count("botframework.com|" + CONNECTOR));
        assertEquals(1, count(CUSTOMER_TENANT + "|" + GRAPH), "Graph tokens come from the customer tenant");
        assertEquals(1, count(TENANT_ID + "|" + GRAPH), "one cache per tenant");
        assertEquals(3, server.getRequestCount());
    }

    /** A single-tenant secret credential; the server answers every token request at once. */
    private ClientSecretCredential answeringSingleTenantCredential() {
        answerAfter(new CountDownLatch(0));
        return ClientSecretCredential.builder().appId(APP_ID).tenantId(TENANT_ID).secret("secret-value")
                .cloud(cloudAt(server)).clock(clock).build();
    }

    @Test
    void aSingleTenantAppAlwaysUsesItsOwnTenant() throws Exception {
        ClientSecretCredential credential = answeringSingleTenantCredential();

        TokenProvider graph = credential.forScope(GRAPH, CUSTOMER_TENANT);
        graph.getToken();

        assertEquals(1, count(TENANT_ID + "|" + GRAPH));
        assertSame(graph, credential.forScope(GRAPH, null), "same scope and tenant, same cache");
        assertSame(credential, credential.forScope(CONNECTOR, TENANT_ID), "its own scope is the credential itself");
    }

    @Test
    void aRejectedGraphTokenLeavesTheConnectorTokenCached() throws Exception {
        ClientSecretCredential credential = answeringSingleTenantCredential();
        TokenProvider graph = credential.forScope(GRAPH, null);
        AccessToken connectorToken = credential.getToken();
        AccessToken graphToken = graph.getToken();

        graph.tokenRejected(graphToken);

        assertNotEquals(graphToken.token(), graph.getToken().token());
        assertEquals(connectorToken, credential.getToken());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void graphTokenFailuresNameTheScope() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return TestSupport.json(400, Fixtures.read("auth/token-error.invalid-client.json"));
            }
        });
        ClientSecretCredential credential = ClientSecretCredential.builder().appId(APP_ID).tenantId(TENANT_ID)
                .secret("secret-value").cloud(cloudAt(server)).clock(clock).build();

        TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class,
                () -> credential.forScope(GRAPH, null).getToken());

        assertTrue(e.getMessage().contains("token for scope '" + GRAPH + "'"), e.getMessage());
        assertTrue(!e.getMessage().contains("secret-value"), e.getMessage());
    }

    @Test
    void badScopesAndTenantsAndSingleScopeProvidersFailClearly() {
        ClientSecretCredential credential = ClientSecretCredential.builder().appId(APP_ID).secret("s")
                .cloud(cloudAt(server)).build();
        assertThrows(IllegalArgumentException.class, () -> credential.forScope(" ", null));
        assertThrows(IllegalArgumentException.class, () -> credential.forScope(GRAPH, "not a tenant/"));
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> TokenProvider.fixed("t").forScope(GRAPH, null));
        assertTrue(e.getMessage().contains("pass a TokenProvider for that scope directly"), e.getMessage());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void everyCloudHasItsOwnGraphHostAndScope() {
        Function<BotCloud, List<String>> graph = c -> List.of(c.graphEndpoint(), c.graphScope());
        assertEquals(List.of("https://graph.microsoft.com", GRAPH), graph.apply(BotCloud.PUBLIC));
        assertEquals(List.of("https://graph.microsoft.us", "https://graph.microsoft.us/.default"),
                graph.apply(BotCloud.US_GOV_GCC_HIGH));
        assertEquals(List.of("https://dod-graph.microsoft.us", "https://dod-graph.microsoft.us/.default"),
                graph.apply(BotCloud.US_GOV_DOD));
        assertEquals(List.of("https://microsoftgraph.chinacloudapi.cn",
                "https://microsoftgraph.chinacloudapi.cn/.default"), graph.apply(BotCloud.CHINA));
        BotCloud custom = BotCloud.PUBLIC.toBuilder().name("test").graphEndpoint("http://127.0.0.1:8080/")
                .graphScope(GRAPH).build();
        assertEquals(List.of("http://127.0.0.1:8080", GRAPH), graph.apply(custom));
        assertThrows(IllegalArgumentException.class,
                () -> BotCloud.PUBLIC.toBuilder().graphEndpoint("http://graph.example").build());
    }
}
