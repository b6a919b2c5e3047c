package io.github.botconnector.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.botconnector.RetryPolicy;
import io.github.botconnector.exception.UntrustedHostException;
import io.github.botconnector.auth.AccessToken;
import io.github.botconnector.auth.BotCloud;
import io.github.botconnector.auth.ClientSecretCredential;
import io.github.botconnector.auth.TokenProvider;
import io.github.botconnector.teams.GraphException.Reason;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exact Graph requests of {@link GraphClient} and how each Graph error is mapped. */
class GraphClientRequestsTest {

    private static final String TENANT = "c603ca06-32cc-4a8f-9a2a-a31442aeb907";
    private static final String APP_ID = "805a9832-b270-4490-a35a-a726f1fc9513";
    private static final String ADELE = "f47efa0c-83f3-4809-9aa3-697717f94f7e";
    private static final String CATALOG_ID = "e8f23ab4-7b1a-4d3c-9f0e-3a2b1c4d5e6f";
    private static final String GROUP_ID = "aa3f1d74-a5ac-457f-bd4b-4534dfd2b1fb";
    private static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";
    private static final ObjectMapper JSON = new ObjectMapper();

    @StartStop
    private final MockWebServer server = new MockWebServer();

    /** Graph answers, in order; token requests are answered separately. */
    private final ConcurrentLinkedQueue<MockResponse> answers = new ConcurrentLinkedQueue<>();
    private final List<RecordedRequest> graphRequests = new CopyOnWriteArrayList<>();
    private final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokens = new AtomicInteger();
    private GraphClient graph;

    @BeforeEach
    void start() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getUrl().encodedPath().endsWith("/oauth2/v2.0/token")) {
                    String scope = form(request.getBody().utf8()).get("scope");
                    tokenRequests.add(request.getUrl().pathSegments().get(0) + "|" + scope);
                    String token = (scope.contains("graph") ? "graph-token-" : "connector-token-")
                            + tokens.incrementAndGet();
                    return json(200, "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"" + token
                            + "\"}");
                }
                graphRequests.add(request);
                MockResponse next = answers.poll();
                return next != null ? next : json(500, "{\"error\":{\"code\":\"NoAnswer\",\"message\":\"none\"}}");
            }
        });
        graph = client(ClientSecretCredential.builder().appId(APP_ID).secret("s3cret").cloud(cloud()).build(),
                RetryPolicy.builder().maxAttempts(3).sleeper(d -> {
                    sleeps.add(d);
                    return CompletableFuture.completedFuture(null);
                }).build());
    }

    @AfterEach
    void close() {
        graph.close();
    }

    /** The public cloud with its login host and Graph on the mock server; Graph tokens keep the real scope. */
    private BotCloud cloud() {
        String root = server.url("/").toString();
        return BotCloud.PUBLIC.toBuilder().name("test").loginHost(root).graphEndpoint(root).graphScope(GRAPH_SCOPE)
                .build();
    }

    private GraphClient client(TokenProvider credentials, RetryPolicy retry) {
        return GraphClient.builder().credentials(credentials).cloud(cloud()).allowLoopback(true).retryPolicy(retry)
                .build();
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body)
                .build();
    }

    private static MockResponse graphError(int status, String code, String message) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json")
                .setHeader("request-id", "req-" + status)
                .body("{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"innerError\":{"
                        + "\"date\":\"2026-01-15T12:00:00\",\"request-id\":\"inner-" + status + "\"}}}")
                .build();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String pair : body.split("&")) {
            int i = pair.indexOf('=');
            out.put(pair.substring(0, i), URLDecoder.decode(pair.substring(i + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** The only Graph request so far, checked for the Graph token; never the Bot Connector token. */
    private RecordedRequest onlyRequest(String method, String path) {
        assertEquals(1, graphRequests.size(), "one Graph request");
        RecordedRequest r = graphRequests.get(0);
        assertEquals(method, r.getMethod());
        assertEquals(path, r.getUrl().encodedPath());
        assertTrue(r.getHeaders().get("Authorization").startsWith("Bearer graph-token-"),
                r.getHeaders().get("Authorization"));
        assertEquals(List.of(TENANT + "|" + GRAPH_SCOPE), tokenRequests,
                "one token request: the Graph scope from the customer tenant's authority, no Bot Connector token");
        return r;
    }

    private static JsonNode body(RecordedRequest r) throws Exception {
        return JSON.readTree(r.getBody().utf8());
    }

    // ------------------------------------------------------------------------------------------------ the calls

    @Test
    void findUserByEmailFiltersOnUpnOrMail() {
        answers.add(json(200, "{\"value\":[{\"id\":\"" + ADELE + "\",\"displayName\":\"Adele Vance\","
                + "\"userPrincipalName\":\"AdeleV@contoso.example\",\"mail\":\"adele.vance@contoso.example\","
                + "\"userType\":\"Member\"}]}"));

        GraphUser user = graph.findUser(TENANT, "adele.vance@contoso.example");

        RecordedRequest r = onlyRequest("GET", "/v1.0/users");
        assertEquals("userPrincipalName eq 'adele.vance@contoso.example' or mail eq 'adele.vance@contoso.example'",
                r.getUrl().queryParameter("$filter"));
        assertEquals("id,displayName,userPrincipalName,mail,userType", r.getUrl().queryParameter("$select"));
        assertEquals(new GraphUser(ADELE, "Adele Vance", "AdeleV@contoso.example", "adele.vance@contoso.example",
                "Member"), user);
        assertFalse(user.isGuest());
    }

    @Test
    void findUserQuotesTheODataLiteral() {
        answers.add(json(200, "{\"value\":[{\"id\":\"" + ADELE + "\"}]}"));

        graph.findUser(TENANT, "o'brien@contoso.example");

        assertEquals("userPrincipalName eq 'o''brien@contoso.example' or mail eq 'o''brien@contoso.example'",
                graphRequests.get(0).getUrl().queryParameter("$filter"));
    }

    @Test
    void findUserByObjectIdReadsTheUser() {
        answers.add(json(200, "{\"id\":\"" + ADELE + "\",\"userType\":\"Guest\","
                + "\"userPrincipalName\":\"adele_fabrikam.example#EXT#@contoso.example\"}"));

        GraphUser user = graph.findUser(TENANT, ADELE);

        RecordedRequest r = onlyRequest("GET", "/v1.0/users/" + ADELE);
        assertEquals("id,displayName,userPrincipalName,mail,userType", r.getUrl().queryParameter("$select"));
        assertTrue(user.isGuest());
    }

    @Test
    void findCatalogAppFiltersOnTheManifestId() {
        answers.add(json(200, "{\"value\":[{\"id\":\"" + CATALOG_ID + "\",\"externalId\":\"" + APP_ID + "\","
                + "\"displayName\":\"Contoso Notifier\",\"distributionMethod\":\"organization\"}]}"));

        TeamsCatalogApp app = graph.findCatalogApp(TENANT, APP_ID);

        RecordedRequest r = onlyRequest("GET", "/v1.0/appCatalogs/teamsApps");
        assertEquals("externalId eq '" + APP_ID + "'", r.getUrl().queryParameter("$filter"));
        assertEquals(new TeamsCatalogApp(CATALOG_ID, APP_ID, "Contoso Notifier", "organization"), app);
    }

    @Test
    void findUserInstallationExpandsAndFiltersOnTheCatalogId() {
        answers.add(json(200, "{\"value\":[{\"id\":\"inst-1\",\"teamsApp\":{\"id\":\"" + CATALOG_ID + "\"}}]}"));

        Optional<TeamsAppInstallation> installation = graph.findUserInstallation(TENANT, ADELE, CATALOG_ID);

        RecordedRequest r = onlyRequest("GET", "/v1.0/users/" + ADELE + "/teamwork/installedApps");
        assertEquals("teamsApp", r.getUrl().queryParameter("$expand"));
        assertEquals("teamsApp/id eq '" + CATALOG_ID + "'", r.getUrl().queryParameter("$filter"));
        // As sent: query names and values percent-encoded (Graph decodes %24filter like $filter).
        assertEquals("/v1.0/users/" + ADELE + "/teamwork/installedApps"
                + "?%24expand=teamsApp&%24filter=teamsApp%2Fid%20eq%20%27" + CATALOG_ID + "%27", r.getTarget());
        assertEquals(Optional.of(new TeamsAppInstallation("inst-1", CATALOG_ID)), installation);
    }

    @Test
    void findUserInstallationIsEmptyWhenNotInstalled() {
        answers.add(json(200, "{\"value\":[]}"));

        assertEquals(Optional.empty(), graph.findUserInstallation(TENANT, ADELE, CATALOG_ID));
    }

    @Test
    void installForUserPostsTheCatalogBindAndTreats409AsInstalled() throws Exception {
        answers.add(new MockResponse.Builder().code(201).build());
        answers.add(graphError(409, "Conflict", "App is already installed."));

        assertTrue(graph.installForUser(TENANT, ADELE, CATALOG_ID), "installed now");
        assertFalse(graph.installForUser(TENANT, ADELE, CATALOG_ID), "409: already installed, not an error");

        RecordedRequest r = graphRequests.get(0);
        assertEquals("POST", r.getMethod());
        assertEquals("/v1.0/users/" + ADELE + "/teamwork/installedApps", r.getUrl().encodedPath());
        // The cloud's Graph is the mock server here; in the public cloud the bind starts https://graph.microsoft.com.
        assertEquals(JSON.createObjectNode().put("teamsApp@odata.bind", server.url("/v1.0/appCatalogs/teamsApps/"
                + CATALOG_ID).toString()), body(r));
        assertTrue(r.getHeaders().get("Content-Type").startsWith("application/json"));
        assertTrue(r.getHeaders().get("Authorization").startsWith("Bearer graph-token-"));
    }

    @Test
    void installationChatIdReadsTheChat() {
        answers.add(json(200, "{\"id\":\"19:" + ADELE + "_" + APP_ID + "@unq.gbl.spaces\",\"chatType\":\"oneOnOne\"}"));

        String chat = graph.installationChatId(TENANT, ADELE, "inst-1");

        onlyRequest("GET", "/v1.0/users/" + ADELE + "/teamwork/installedApps/inst-1/chat");
        assertEquals("19:" + ADELE + "_" + APP_ID + "@unq.gbl.spaces", chat);
    }

    @Test
    void installInTeamPostsToTheTeamAndTreats409AsInstalled() throws Exception {
        answers.add(new MockResponse.Builder().code(201).build());
        answers.add(graphError(409, "Conflict", "App is already installed."));

        assertTrue(graph.installInTeam(TENANT, GROUP_ID, CATALOG_ID));
        assertFalse(graph.installInTeam(TENANT, GROUP_ID, CATALOG_ID));

        RecordedRequest r = graphRequests.get(0);
        assertEquals("POST", r.getMethod());
        assertEquals("/v1.0/teams/" + GROUP_ID + "/installedApps", r.getUrl().encodedPath());
        assertTrue(body(r).get("teamsApp@odata.bind").asText().endsWith("/v1.0/appCatalogs/teamsApps/" + CATALOG_ID));
    }

    @Test
    void theBindNamesTheCloudsGraphEvenThroughAnotherTrustedEndpoint() throws Exception {
        answers.add(new MockResponse.Builder().code(201).build());
        BotCloud publicWithLogin = BotCloud.PUBLIC.toBuilder().name("test").loginHost(server.url("/").toString())
                .build();
        try (GraphClient proxied = GraphClient.builder()
                .credentials(ClientSecretCredential.builder().appId(APP_ID).secret("s").cloud(publicWithLogin).build())
                .cloud(publicWithLogin).endpoint(server.url("/").toString()).allowLoopback(true)
                .retryPolicy(RetryPolicy.none()).build()) {
            proxied.installForUser(TENANT, ADELE, CATALOG_ID);
        }
        assertEquals("https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/" + CATALOG_ID,
                body(graphRequests.get(0)).get("teamsApp@odata.bind").asText());
    }

    @Test
    void badArgumentsFailBeforeAnyRequest() {
        assertThrows(IllegalArgumentException.class, () -> graph.findUser(" ", "a@b.example"));
        assertThrows(IllegalArgumentException.class, () -> graph.findUser(TENANT, ""));
        assertThrows(IllegalArgumentException.class, () -> graph.findCatalogApp(TENANT, null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> graph.installInTeam(TENANT, "19:xU5yQt4x@thread.tacv2", CATALOG_ID));
        assertTrue(e.getMessage().contains("aadGroupId"), e.getMessage());
        assertEquals(0, server.getRequestCount());
    }

    // ------------------------------------------------------------------------------------------------ errors

    @Test
    void missingInstallPermissionNamesTheApplicationPermission() {
        answers.add(graphError(403, "Forbidden", "Missing role permissions on the request. API requires one of"
                + " 'TeamsAppInstallation.ReadWriteSelfForUser.All'. Roles on the request ''."));

        GraphException e = assertThrows(GraphException.class,
                () -> graph.installForUser(TENANT, ADELE, CATALOG_ID));

        assertEquals(Reason.PERMISSION_MISSING, e.reason());
        assertEquals("TeamsAppInstallation.ReadWriteSelfForUser.All", e.requiredPermission());
        assertEquals(403, e.statusCode());
        assertEquals("Forbidden", e.errorCode());
        assertEquals("req-403", e.requestId());
        assertTrue(e.getMessage().contains("Grant the application permission"
                + " TeamsAppInstallation.ReadWriteSelfForUser.All"), e.getMessage());
        assertFalse(e.getMessage().contains("graph-token"), "no token in messages");
    }

    @Test
    void missingUserReadPermissionNamesUserReadAll() {
        answers.add(graphError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the"
                + " operation."));

        GraphException e = assertThrows(GraphException.class, () -> graph.findUser(TENANT, "a@contoso.example"));

        assertEquals(Reason.PERMISSION_MISSING, e.reason());
        assertEquals("User.Read.All", e.requiredPermission());
    }

    @Test
    void appNotInCatalogSaysANewOrgAppCanTakeHours() {
        answers.add(json(200, "{\"value\":[]}"));

        GraphException e = assertThrows(GraphException.class, () -> graph.findCatalogApp(TENANT, APP_ID));

        assertEquals(Reason.APP_NOT_IN_CATALOG, e.reason());
        assertTrue(e.getMessage().contains("a new org app can take hours to appear"), e.getMessage());
    }

    @Test
    void userNotFoundByAddressOrById() {
        answers.add(json(200, "{\"value\":[]}"));
        answers.add(graphError(404, "Request_ResourceNotFound", "Resource '" + ADELE + "' does not exist."));

        assertEquals(Reason.USER_NOT_FOUND, assertThrows(GraphException.class,
                () -> graph.findUser(TENANT, "nobody@contoso.example")).reason());
        GraphException byId = assertThrows(GraphException.class, () -> graph.findUser(TENANT, ADELE));
        assertEquals(Reason.USER_NOT_FOUND, byId.reason());
        assertEquals("req-404", byId.requestId());
    }

    @Test
    void aGuestOrUnlicensedUserIsUnsupported() {
        answers.add(graphError(403, "Forbidden", "An unknown error has occurred."));

        GraphException e = assertThrows(GraphException.class,
                () -> graph.installForUser(TENANT, ADELE, CATALOG_ID));

        assertEquals(Reason.UNSUPPORTED_USER, e.reason());
        assertNull(e.requiredPermission());
    }

    @Test
    void throttlingIsRetriedAfterRetryAfterLikeTheConnector() {
        answers.add(graphError(429, "TooManyRequests", "Too many requests").newBuilder()
                .setHeader("Retry-After", "7").build());
        answers.add(json(200, "{\"value\":[]}"));

        assertEquals(Optional.empty(), graph.findUserInstallation(TENANT, ADELE, CATALOG_ID));

        assertEquals(2, graphRequests.size());
        assertEquals(List.of(Duration.ofSeconds(7)), sleeps);
    }

    @Test
    void persistentThrottlingIsTyped() {
        for (int i = 0; i < 3; i++) {
            answers.add(graphError(429, "TooManyRequests", "Too many requests").newBuilder()
                    .setHeader("Retry-After", "2").build());
        }

        GraphException e = assertThrows(GraphException.class,
                () -> graph.findUserInstallation(TENANT, ADELE, CATALOG_ID));

        assertEquals(Reason.THROTTLED, e.reason());
        assertEquals(3, e.attempts());
        assertEquals(Duration.ofSeconds(2), e.retryAfter());
    }

    @Test
    void a401RefreshesTheGraphTokenOnceThenIsTyped() {
        answers.add(graphError(401, "InvalidAuthenticationToken", "Access token has expired."));
        answers.add(graphError(401, "InvalidAuthenticationToken", "Access token has expired."));

        GraphException e = assertThrows(GraphException.class, () -> graph.findCatalogApp(TENANT, APP_ID));

        assertEquals(Reason.UNAUTHORIZED, e.reason());
        assertEquals(List.of(TENANT + "|" + GRAPH_SCOPE, TENANT + "|" + GRAPH_SCOPE), tokenRequests);
        assertEquals("Bearer graph-token-2", graphRequests.get(1).getHeaders().get("Authorization"));
    }

    // ------------------------------------------------------------------------------------------- trusted hosts

    /** Counts token requests; never answers one. */
    private static final class CountingTokens implements TokenProvider {
        final AtomicInteger asked = new AtomicInteger();

        @Override
        public AccessToken getToken() {
            asked.incrementAndGet();
            throw new AssertionError("no token may be requested");
        }

        @Override
        public void tokenRejected(AccessToken token) {
        }

        @Override
        public TokenProvider forScope(String scope, String tenantId) {
            asked.incrementAndGet();
            return this;
        }
    }

    @Test
    void aGraphUrlOutsideTheCloudsGraphHostsIsRefusedBeforeATokenIsRequested() {
        CountingTokens credentials = new CountingTokens();
        for (String endpoint : List.of("https://graph.microsoft.com.evil.example", "https://evil.example",
                "http://graph.microsoft.com", "https://graph.microsoft.com:8443", "https://169.254.169.254",
                "https://user@graph.microsoft.com", "https://graph.microsoft.us")) {
            UntrustedHostException e = assertThrows(UntrustedHostException.class, () -> GraphClient.builder()
                    .credentials(credentials).endpoint(endpoint).build(), endpoint);
            assertTrue(e.getMessage().contains("Microsoft Graph token"), e.getMessage());
        }
        // A sovereign cloud trusts its own Graph host only.
        assertThrows(UntrustedHostException.class, () -> GraphClient.builder().credentials(credentials)
                .cloud(BotCloud.US_GOV_GCC_HIGH).endpoint("https://graph.microsoft.com").build());
        try (GraphClient dod = GraphClient.builder().credentials(credentials).cloud(BotCloud.US_GOV_DOD).build()) {
            assertTrue(dod.toString().contains("https://dod-graph.microsoft.us/v1.0/"), dod.toString());
        }
        assertEquals(0, credentials.asked.get());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void anExplicitlyTrustedHostMayReceiveTheToken() {
        try (GraphClient proxied = GraphClient.builder().credentials(new CountingTokens())
                .endpoint("https://graph-proxy.contoso.example").trustHost("graph-proxy.contoso.example").build()) {
            assertTrue(proxied.toString().contains("graph-proxy.contoso.example"));
        }
    }

    @Test
    void graphTokensManagedElsewhereAreUsedAsIs() {
        answers.add(json(200, "{\"value\":[]}"));
        try (GraphClient withTokens = GraphClient.builder().graphTokens(TokenProvider.fixed("my-graph-token"))
                .cloud(cloud()).allowLoopback(true).retryPolicy(RetryPolicy.none()).build()) {
            withTokens.findUserInstallation(TENANT, ADELE, CATALOG_ID);
        }
        assertEquals("Bearer my-graph-token", graphRequests.get(0).getHeaders().get("Authorization"));
        assertEquals(List.of(), tokenRequests);
    }

    @Test
    void aCloudWithoutGraphOrMissingCredentialsFailAtBuild() {
        BotCloud noGraph = BotCloud.builder().name("custom").loginHost("https://login.example")
                .multiTenantAuthority("x").scope("api://x/.default").channelIssuer("https://issuer.example")
                .openIdMetadataUrl("https://issuer.example/md").defaultServiceUrl("https://smba.example/")
                .build();
        assertThrows(IllegalArgumentException.class, () -> GraphClient.builder().credentials(new CountingTokens())
                .cloud(noGraph).build());
        assertThrows(IllegalArgumentException.class, () -> GraphClient.builder().build());
    }
}
