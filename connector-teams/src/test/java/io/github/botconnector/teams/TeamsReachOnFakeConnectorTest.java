package io.github.botconnector.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.exception.ConnectorResponseException;
import io.github.botconnector.RetryPolicy;
import io.github.botconnector.auth.ClientSecretCredential;
import io.github.botconnector.auth.TokenProvider;
import io.github.botconnector.auth.TrustedHosts;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.teams.ReachResult.ServiceUrlSource;
import io.github.botconnector.teams.ReachResult.Unreachable;
import io.github.botconnector.testing.AuthMode;
import io.github.botconnector.testing.FakeConnector;
import io.github.botconnector.testing.FakeUser;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reaching people who never installed the app, against the fake connector with strict tokens: Graph lookup,
 * install, install event to the bot, and the message in the new chat.
 */
class TeamsReachOnFakeConnectorTest {

    private static final String INSTALL_FOR_USER = "POST /v1.0/users/{userId}/teamwork/installedApps";
    private static final String USER_APPS = "GET /v1.0/users/{userId}/teamwork/installedApps";
    private static final String CATALOG = "GET /v1.0/appCatalogs/teamsApps";
    private static final String USERS = "GET /v1.0/users";

    /** The bot's messaging endpoint, where the fake posts install events. */
    @StartStop
    private final MockWebServer bot = new MockWebServer();

    private FakeConnector fake;
    private ConnectorClient client;
    private GraphClient graph;
    private TeamsReach reach;
    private String tenant;

    @BeforeEach
    void start() {
        for (int i = 0; i < 8; i++) {
            bot.enqueue(new MockResponse.Builder().code(200).build());
        }
        fake = FakeConnector.builder().contoso().auth(AuthMode.STRICT)
                .botEndpoint(bot.url("/api/messages").toString()).start();
        tenant = fake.tenantIds().get(0);
        TokenProvider credentials = ClientSecretCredential.builder().appId(fake.botAppId())
                .secret(fake.botPassword()).cloud(fake.cloud()).build();
        client = ConnectorClient.builder().serviceUrl(fake.serviceUrl()).cloud(fake.cloud()).credentials(credentials)
                .trustedHosts(TrustedHosts.builder().cloud(fake.cloud()).allowLoopback(true).build()).build();
        graph = GraphClient.builder().credentials(credentials).cloud(fake.cloud()).allowLoopback(true)
                .retryPolicy(RetryPolicy.builder().sleeper(d -> CompletableFuture.completedFuture(null)).build())
                .build();
        reach = reach(t -> null);
    }

    private TeamsReach reach(java.util.function.Function<String, String> stored) {
        return TeamsReach.builder().connector(client).graph(graph).manifestAppId(fake.botAppId())
                .bot(ChannelAccount.of(fake.botId())).storedServiceUrls(stored).build();
    }

    @AfterEach
    void stop() {
        graph.close();
        client.close();
        fake.close();
    }

    /** Requests to a route template of the fake. */
    private long routeCalls(String route) {
        return fake.exchanges().stream().filter(e -> route.equals(e.route())).count();
    }

    @Test
    void aUserKnownOnlyByEmailWithoutTheAppGetsTheMessageAfterOneCall() throws Exception {
        FakeUser adele = fake.user("Adele Vance");

        ReachResult result = reach.send(tenant, adele.email(), Activity.message("Your report is ready."), true);

        assertTrue(result.isReachable(), result.detail());
        assertTrue(result.installedNow());
        assertNotNull(result.sent().id());
        assertEquals(List.of("Your report is ready."), fake.activitiesSentTo(adele).stream().map(Activity::text)
                .toList());
        String chatId = "19:" + adele.aadObjectId() + "_" + fake.botAppId() + "@unq.gbl.spaces";
        assertEquals(chatId, result.reference().conversation().id());
        assertEquals(tenant, result.reference().tenantId());
        assertEquals(adele.aadObjectId(), result.reference().user().aadObjectId());

        // As Teams does, the install through Graph posted the install event to the bot.
        RecordedRequest event = bot.takeRequest(10, TimeUnit.SECONDS);
        assertNotNull(event, "the install event reached the bot");
        assertEquals("conversationUpdate", Activity.fromJson(event.getBody().utf8()).type());

        // Every Graph request carried a Graph token; the fake (strict) refuses Bot Connector tokens there.
        assertTrue(fake.tokenRequests().stream().anyMatch(t -> "https://graph.microsoft.com/.default"
                .equals(t.scope()) && tenant.equals(t.tenant())), "Graph token from the customer tenant");
        assertEquals(1, routeCalls(INSTALL_FOR_USER));
    }

    @Test
    void withoutInstallAllowedTheCallSaysNotInstalledAndSendsNothing() {
        FakeUser alex = fake.user("Alex Wilber");

        ReachResult result = reach.send(tenant, alex.userPrincipalName(), Activity.message("Hello"), false);

        assertFalse(result.isReachable());
        assertEquals(Unreachable.NOT_INSTALLED, result.unreachable());
        assertNull(result.reference());
        assertNull(result.sent());
        assertTrue(fake.activitiesSentTo(alex).isEmpty());
        assertTrue(fake.sentActivities().isEmpty());
        assertEquals(1, routeCalls(USER_APPS), "the installation was checked");
        assertEquals(0, routeCalls(INSTALL_FOR_USER));
        assertEquals(0, bot.getRequestCount(), "no install event");
    }

    @Test
    void aSecondCallInstallsNothingAndReusesTheChat() {
        FakeUser lee = fake.user("Lee Gu");

        ReachResult first = reach.send(tenant, lee.email(), Activity.message("First"), true);
        ReachResult second = reach.send(tenant, lee.email(), Activity.message("Second"), true);

        assertTrue(first.installedNow());
        assertFalse(second.installedNow());
        assertEquals(first.reference().conversation().id(), second.reference().conversation().id());
        assertEquals(1, routeCalls(INSTALL_FOR_USER));
        assertEquals(1, routeCalls(CATALOG), "the catalog id is looked up once per tenant");
        assertEquals(List.of("First", "Second"), fake.activitiesSentTo(lee).stream().map(Activity::text).toList());
    }

    @Test
    void anEntraObjectIdIsReachedTheSameWay() {
        FakeUser alex = fake.user("Alex Wilber");

        ReachResult result = reach.send(tenant, alex.aadObjectId().toUpperCase(), Activity.message("Hi"), true);

        assertTrue(result.isReachable(), result.detail());
        assertEquals(List.of("Hi"), fake.activitiesSentTo(alex).stream().map(Activity::text).toList());
        assertEquals(0, routeCalls(USERS), "no lookup for an object id");
        assertEquals(2, routeCalls(USER_APPS), "checked, then listed after the install");
    }

    @Test
    void aTeamsUserIdGoesStraightToTheOneOnOneChat() {
        FakeUser adele = fake.user("Adele Vance");

        ReachResult before = reach.reach(tenant, adele.id(), true);
        assertEquals(Unreachable.NOT_INSTALLED, before.unreachable(), "a 29: id cannot be installed for");
        assertTrue(before.detail().contains("Entra object id or e-mail"), before.detail());

        fake.installBotFor(adele);
        ReachResult after = reach.reach(tenant, adele.id(), true);
        assertTrue(after.isReachable());
        assertEquals(fake.personalConversationId(adele), after.reference().conversation().id());
        assertEquals(0, routeCalls(USER_APPS), "no Graph for a Teams id");
    }

    @Test
    void theServiceUrlIsTheStoredOneElseTheCloudDefaultAndTheReferenceRecordsWhich() {
        FakeUser adele = fake.user("Adele Vance");

        ReachResult unknownTenant = reach.reach(tenant, adele.email(), true);
        assertEquals(ServiceUrlSource.CLOUD_DEFAULT, unknownTenant.serviceUrlSource());
        assertEquals(fake.cloud().defaultServiceUrl(), unknownTenant.reference().serviceUrl());
        assertEquals("CLOUD_DEFAULT", unknownTenant.reference().properties().get("serviceUrlSource"));

        ReachResult stored = reach(t -> t.equals(tenant) ? fake.serviceUrl(tenant) : null)
                .reach(tenant, adele.email(), true);
        assertEquals(ServiceUrlSource.STORED, stored.serviceUrlSource());
        assertEquals("STORED", stored.reference().properties().get("serviceUrlSource"));

        ReachResult given = reach.reach(tenant, adele.email(), fake.serviceUrl(tenant), false);
        assertEquals(ServiceUrlSource.GIVEN, given.serviceUrlSource());
        client.send(given.reference(), Activity.message("Through the given URL"));
        assertEquals(1, fake.activitiesSentTo(adele).size());
    }

    @Test
    void unknownAndGuestUsersAreTypedReasons() {
        assertEquals(Unreachable.USER_NOT_FOUND, reach.reach(tenant, "nobody@contoso.example", true).unreachable());
        FakeUser lee = fake.user("Lee Gu");
        fake.graph().markGuest(lee);
        assertEquals(Unreachable.UNSUPPORTED_USER, reach.reach(tenant, lee.email(), true).unreachable());
        assertEquals(Unreachable.UNSUPPORTED_USER, reach.reach(tenant, lee.aadObjectId(), true).unreachable(),
                "by object id the install is refused");
        assertTrue(fake.sentActivities().isEmpty());
    }

    @Test
    void configurationProblemsAreGraphExceptionsNamingTheFix() {
        FakeUser adele = fake.user("Adele Vance");
        fake.graph().revokePermission(GraphClient.INSTALL_FOR_USER);
        GraphException permission = assertThrows(GraphException.class, () -> reach.reach(tenant, adele.email(), true));
        assertEquals(GraphException.Reason.PERMISSION_MISSING, permission.reason());
        assertEquals("TeamsAppInstallation.ReadWriteSelfForUser.All", permission.requiredPermission());

        fake.graph().grantPermission(GraphClient.INSTALL_FOR_USER).removeAppFromCatalog();
        GraphException catalog = assertThrows(GraphException.class, () -> reach(t -> null)
                .reach(tenant, adele.email(), true));
        assertEquals(GraphException.Reason.APP_NOT_IN_CATALOG, catalog.reason());
        assertTrue(fake.sentActivities().isEmpty());
    }

    @Test
    void graphThrottlingIsRetriedLikeTheConnector() {
        fake.graph().throttle(2, Duration.ofSeconds(1));

        ReachResult result = reach.send(tenant, fake.user("Adele Vance").email(), Activity.message("Hi"), true);

        assertTrue(result.isReachable(), result.detail());
        assertEquals(2, fake.exchanges().stream().filter(e -> e.status() == 429).count());
    }

    @Test
    void createOrGetDirectConversationAcceptsAnEntraObjectIdOnceInstalled() {
        FakeUser alex = fake.user("Alex Wilber");
        TeamsClient teams = TeamsClient.of(client);
        ChannelAccount byObjectId = ChannelAccount.of(alex.aadObjectId());

        ConnectorResponseException notInstalled = assertThrows(ConnectorResponseException.class,
                () -> teams.createOrGetDirectConversation(null, byObjectId, tenant));
        assertEquals(403, notInstalled.statusCode());

        fake.installBotFor(alex);
        DirectConversation chat = teams.createOrGetDirectConversation(null, byObjectId, tenant);
        teams.send(chat.reference(), Activity.message("By object id"));
        assertEquals(List.of("By object id"), fake.activitiesSentTo(alex).stream().map(Activity::text).toList());
    }

    @Test
    void badArgumentsFailBeforeAnyRequest() {
        int before = fake.exchanges().size();
        assertThrows(IllegalArgumentException.class, () -> reach.reach(" ", "a@contoso.example", true));
        assertThrows(IllegalArgumentException.class, () -> reach.reach(tenant, "Adele Vance", true));
        TeamsReach noGraph = TeamsReach.builder().connector(client).build();
        IllegalArgumentException email = assertThrows(IllegalArgumentException.class,
                () -> noGraph.reach(tenant, "adele@contoso.example", true));
        assertTrue(email.getMessage().contains("graph("), email.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TeamsReach.builder().connector(client).graph(graph)
                .build(), "manifest id required with Graph");
        assertEquals(before, fake.exchanges().size());
    }
}
