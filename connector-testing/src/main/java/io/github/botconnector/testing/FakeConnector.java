package io.github.botconnector.testing;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.auth.BotCloud;
import io.github.botconnector.auth.ClientSecretCredential;
import io.github.botconnector.auth.TokenProvider;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.testing.internal.BreakingServerSocketFactory;
import io.github.botconnector.testing.internal.FakeService;
import io.github.botconnector.testing.internal.RequestPipeline;
import io.github.botconnector.testing.internal.World;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;

/**
 * A stateful fake of the Bot Connector service (Teams flavour) on a loopback port, for offline tests of proactive
 * messaging code.
 *
 * <p>It holds a world of tenants, users, teams with channels, meetings and bot installations, answers every Bot
 * Connector v3 and Teams route under a Teams-like service URL ({@code http://127.0.0.1:PORT/amer/<tenant>/}) with the
 * real service's rules, status codes and error bodies, and journals every exchange.
 *
 * <pre>{@code
 * try (FakeConnector fake = FakeConnector.builder().contoso().start()) {
 *     ConversationReference ref = fake.installBotFor(fake.user("Adele Vance"));
 *     // ... point the code under test at ref.serviceUrl() ...
 *     assertEquals(List.of("Hello"), fake.conversation(ref.conversation().id()).texts());
 * }
 * }</pre>
 *
 * Thread-safe. {@link #close()} stops the server.
 */
public final class FakeConnector implements AutoCloseable {

    private final MockWebServer server;
    /** The Teams world and its rules. */
    private final FakeService service;
    /** Request handling and the journal. */
    private final RequestPipeline pipeline;
    private final Faults faults;
    private final FakeGraph graph;
    private final String baseUrl;
    private final String botPassword;
    private volatile OkHttpClient http;

    private FakeConnector(FakeService.Settings settings, int port, String botEndpoint) {
        this.service = new FakeService(settings);
        this.pipeline = new RequestPipeline(service);
        this.botPassword = settings.clientSecrets().get(settings.seed().botAppId());
        this.server = new MockWebServer();
        server.setDispatcher(pipeline);
        server.setServerSocketFactory(new BreakingServerSocketFactory(pipeline::breakNewConnection));
        try {
            server.start(InetAddress.getByName("127.0.0.1"), port);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the fake connector on 127.0.0.1:" + port, e);
        }
        this.baseUrl = "http://127.0.0.1:" + server.getPort();
        service.baseUrl(baseUrl);
        this.faults = new Faults(pipeline.faults());
        this.graph = new FakeGraph(service.graph());
        if (botEndpoint != null) {
            InboundSender sender = inbound(botEndpoint);
            service.installListener((userId, teamId) -> sender.installAsync(userId == null ? null : user(userId),
                    teamId == null ? null : team(teamId)));
        }
    }

    /** Starts a fake with one empty tenant (the fixtures' tenant id) and the fixtures' bot. */
    public static FakeConnector start() {
        return builder().start();
    }

    /** A builder for a seeded fake. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of a {@link FakeConnector}; see {@link FakeConnectorSettings} for the options. */
    public static final class Builder extends FakeConnectorSettings<Builder> {
        Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /** Starts the fake. */
        public FakeConnector start() {
            return new FakeConnector(toSettings(), port, botEndpoint);
        }
    }

    static FakeConnector start(FakeConnectorSettings<?> settings) {
        return new FakeConnector(settings.toSettings(), settings.port, settings.botEndpoint);
    }

    // ------------------------------------------------------------------ addresses

    /** The service URL of the first tenant, e.g. {@code http://127.0.0.1:PORT/amer/<tenantId>/} (trailing slash). */
    public String serviceUrl() {
        return service.locked(w -> w.serviceUrl(w.tenantIds().get(0)));
    }

    /** The service URL of a tenant. */
    public String serviceUrl(String tenantId) {
        return service.locked(w -> w.serviceUrl(tenantId));
    }

    /** The server's base URL, {@code http://127.0.0.1:PORT} (no trailing slash). */
    public String baseUrl() {
        return baseUrl;
    }

    /** The TCP port. */
    public int port() {
        return server.getPort();
    }

    /** The fake login host ({@code http://127.0.0.1:PORT}), where the token endpoint lives. */
    public String loginHost() {
        return baseUrl;
    }

    /** The token endpoint for a tenant ({@code botframework.com} or a tenant id): {@code {loginHost}/{tenant}/oauth2/v2.0/token}. */
    public String tokenEndpoint(String tenant) {
        return baseUrl + "/" + tenant + "/oauth2/v2.0/token";
    }

    /**
     * Base URL of the fake's Microsoft Graph routes for proactive installation, {@code http://127.0.0.1:PORT/v1.0/}:
     * {@code GET users?$filter=userPrincipalName eq '<upn>' or mail eq '<mail>'}, {@code GET users/{id}},
     * {@code GET appCatalogs/teamsApps?$filter=externalId eq '<botAppId>'},
     * {@code GET|POST users/{id}/teamwork/installedApps}, {@code GET users/{id}/teamwork/installedApps/{id}/chat},
     * {@code GET|POST teams/{aadGroupId}/installedApps}. In strict mode they need a token for
     * {@code https://graph.microsoft.com/.default} from the fake's token endpoint.
     */
    public String graphUrl() {
        return baseUrl + "/v1.0/";
    }

    /** The channel OpenID metadata URL ({@code {fake}/v1/.well-known/openidconfiguration}). */
    public String openIdMetadataUrl() {
        return baseUrl + "/v1/.well-known/openidconfiguration";
    }

    /**
     * A {@link BotCloud} pointing at the fake: loopback login host and OpenID metadata, channel issuer
     * {@code https://api.botframework.com}, scope {@code https://api.botframework.com/.default}, trusted hosts
     * {@code 127.0.0.1} and {@code localhost}, and the fake's Graph as the Graph endpoint, with tokens for
     * {@code https://graph.microsoft.com/.default}. A client built with {@code .cloud(fake.cloud())} trusts the fake's
     * http loopback service URL (the cloud lists those loopback hosts itself), and only those: no
     * {@code TrustedHosts.allowLoopback(true)} is needed.
     */
    public BotCloud cloud() {
        return BotCloud.builder()
                .name("fake")
                .loginHost(baseUrl)
                .multiTenantAuthority("botframework.com")
                .scope("https://api.botframework.com/.default")
                .channelIssuer("https://api.botframework.com")
                .openIdMetadataUrl(openIdMetadataUrl())
                .defaultServiceUrl(serviceUrl())
                .trustedHosts("127.0.0.1", "localhost")
                .graphEndpoint(baseUrl)
                .graphScope("https://graph.microsoft.com/.default")
                .build();
    }

    /**
     * The bot's credentials at the fake: client credentials ({@link #botAppId()}, {@link #botPassword()}) against the
     * fake's token endpoint, so they work in every {@link AuthMode}, {@code STRICT} included.
     */
    public TokenProvider credentials() {
        return ClientSecretCredential.builder().appId(botAppId()).secret(botPassword()).cloud(cloud()).build();
    }

    /**
     * A client builder ready for this fake: its {@link #serviceUrl()}, its {@link #cloud()} (so the loopback host is
     * trusted) and its {@link #credentials()}. Change anything before {@code build()}; the caller closes the client.
     *
     * <pre>{@code
     * try (ConnectorClient client = fake.clientBuilder().build()) {
     *     client.send(fake.installBotFor(fake.user("Adele Vance")), Activity.message("Hello"));
     * }
     * }</pre>
     */
    public ConnectorClient.Builder clientBuilder() {
        return ConnectorClient.builder().cloud(cloud()).serviceUrl(serviceUrl()).credentials(credentials());
    }

    // ------------------------------------------------------------------ the bot and the world

    /** The bot's app id. */
    public String botAppId() {
        return service.locked(World::botAppId);
    }

    /** The bot's id, {@code 28:<appId>}. */
    public String botId() {
        return "28:" + botAppId();
    }

    /** The client secret the fake token endpoint accepts for the bot. */
    public String botPassword() {
        return botPassword;
    }

    /** Tenant ids, in declaration order. */
    public List<String> tenantIds() {
        return service.locked(World::tenantIds);
    }

    /** A user by name, Teams id, Entra object id or UPN. */
    public FakeUser user(String nameOrId) {
        return service.locked(w -> w.user(nameOrId));
    }

    /** All users. */
    public List<FakeUser> users() {
        return service.locked(World::users);
    }

    /** A team by name or id. */
    public FakeTeam team(String nameOrId) {
        return service.locked(w -> w.team(nameOrId));
    }

    /** All teams. */
    public List<FakeTeam> teams() {
        return service.locked(World::teams);
    }

    /** All meetings. */
    public List<FakeMeeting> meetings() {
        return service.locked(World::meetings);
    }

    /** Adds a user to the first tenant (removed again by {@link #reset()}). */
    public FakeUser addUser(String name) {
        return addUser(tenantIds().get(0), name, u -> { });
    }

    /** Adds a user to a tenant, customized like in the seed (removed again by {@link #reset()}). */
    public FakeUser addUser(String tenantId, String name, Consumer<TenantSpec.UserSpec> customizer) {
        TenantSpec.UserSpec spec = new TenantSpec.UserSpec(name);
        customizer.accept(spec);
        return service.locked(w -> {
            FakeUser user = w.addKnownTenantUser(spec.toUser(tenantId, "contoso.example"));
            if (spec.installedFlag()) {
                w.installBotFor(user.id());
            }
            if (spec.blockedFlag()) {
                w.blockBot(user.id(), true);
            }
            return user;
        });
    }

    /**
     * Installs the bot in the user's personal scope and returns the personal conversation's reference
     * ({@code a:...} id, this fake's service URL), as a stored install event would give it.
     */
    public ConversationReference installBotFor(FakeUser user) {
        return service.locked(w -> w.installBotFor(user.id()));
    }

    /** Installs the bot in a team and returns the reference of the team's General channel (id = team id). */
    public ConversationReference installBotInTeam(FakeTeam team) {
        return service.locked(w -> w.installBotInTeam(team.id()));
    }

    /** A group chat by topic or id. */
    public FakeGroupChat groupChat(String topicOrId) {
        return service.locked(w -> w.groupChat(topicOrId));
    }

    /** Installs the bot in a group chat and returns the chat's reference ({@code conversationType} groupChat). */
    public ConversationReference installBotInGroupChat(FakeGroupChat chat) {
        return service.locked(w -> w.installBotInGroupChat(chat.id(), true));
    }

    /** Removes the bot from a group chat. */
    public void uninstallBotFromGroupChat(FakeGroupChat chat) {
        service.locked(w -> w.installBotInGroupChat(chat.id(), false));
    }

    /** Uninstalls the bot from the user's personal scope (sends then get 403 BotNotInConversationRoster). */
    public void uninstallBotFor(FakeUser user) {
        service.locked(w -> {
            w.uninstallBotFor(user.id());
            return null;
        });
    }

    /** Removes the bot from a team. */
    public void uninstallBotFromTeam(FakeTeam team) {
        service.locked(w -> {
            w.uninstallBotFromTeam(team.id());
            return null;
        });
    }

    /** The user blocks the bot: sends to the 1:1 chat get 403 with the {@code MessageWritesBlocked} body. */
    public void blockBot(FakeUser user) {
        block(user, true);
    }

    /** The user unblocks the bot. */
    public void unblockBot(FakeUser user) {
        block(user, false);
    }

    /** The id the bot's personal conversation with {@code user} has (whether or not it exists yet). */
    public String personalConversationId(FakeUser user) {
        return service.locked(w -> w.personalConversationId(user.id()));
    }

    private void block(FakeUser user, boolean blocked) {
        service.locked(w -> {
            w.blockBot(user.id(), blocked);
            return null;
        });
    }

    // ------------------------------------------------------------------ behaviour

    /** Fault injection rules. */
    public Faults faults() {
        return faults;
    }

    /** The fake's Microsoft Graph: permissions, app catalog, guests and throttling (see {@link FakeGraph}). */
    public FakeGraph graph() {
        return graph;
    }

    /**
     * Back to the seed: conversations, journal, token requests, runtime users and installs, fault rules and
     * rate-limit windows are reset; the seeded world, the keys and the port stay.
     */
    public void reset() {
        pipeline.reset();
    }

    // ------------------------------------------------------------------ journal and domain queries

    /** Snapshot of a conversation (current activities and full history). */
    public FakeConversation conversation(String conversationId) {
        return service.locked(w -> w.snapshot(conversationId));
    }

    /** Snapshots of all conversations. */
    public List<FakeConversation> conversations() {
        return service.locked(World::snapshots);
    }

    /** Current activities in the bot's personal conversation with a user (by name or any id). */
    public List<Activity> activitiesSentTo(String userNameOrId) {
        return service.locked(w -> w.activitiesSentTo(userNameOrId));
    }

    /** Current activities in the bot's personal conversation with a user. */
    public List<Activity> activitiesSentTo(FakeUser user) {
        return activitiesSentTo(user.id());
    }

    /**
     * The bot's current reactions on a message (reaction types in the order added; removed ones left out). The fake
     * accepts 2 reactions per second across all
     * of the bot's conversations, on its clock, and answers 429 beyond.
     */
    public List<String> reactions(String conversationId, String activityId) {
        return service.locked(w -> w.reactions(conversationId, activityId));
    }

    /**
     * The recipient id of a targeted message (sent with {@code isTargetedActivity=true}), or {@code null} when the
     * message is not targeted (or was deleted).
     */
    public String targetedRecipient(String conversationId, String activityId) {
        return service.locked(w -> w.targetedRecipient(conversationId, activityId));
    }

    /** Every activity the bot sent since start or reset (as sent, before any update), in order. */
    public List<Activity> sentActivities() {
        return service.locked(World::sentActivities);
    }

    /**
     * Waits until the bot has sent at least {@code n} activities since start or reset and returns them all.
     *
     * @throws AssertionError on timeout, listing the recent exchanges
     */
    public List<Activity> awaitActivities(int n, Duration timeout) {
        List<Activity> got;
        try {
            got = service.awaitSent(n, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for " + n + " activities", e);
        }
        if (got == null) {
            throw new AssertionError("Expected at least " + n + " activities sent by the bot within " + timeout
                    + ", got " + sentActivities().size() + ".\n" + recentExchanges(20));
        }
        return got;
    }

    /** Every journaled exchange (Authorization redacted), oldest first. */
    public List<Exchange> exchanges() {
        return pipeline.journal().exchanges();
    }

    /** Requests to the fake token endpoint. */
    public List<TokenRequest> tokenRequests() {
        return pipeline.journal().tokenRequests();
    }

    /** The last {@code n} exchanges, one per line, for assertion messages. */
    public String recentExchanges(int n) {
        List<Exchange> all = exchanges();
        List<Exchange> recent = all.subList(Math.max(0, all.size() - n), all.size());
        if (recent.isEmpty()) {
            return "No exchanges with the fake connector at " + baseUrl + ".";
        }
        return "Recent exchanges with the fake connector at " + baseUrl + ":\n" + recent.stream()
                .map(e -> "  " + e.summary()).collect(Collectors.joining("\n"));
    }

    // ------------------------------------------------------------------ tokens and inbound activities

    /**
     * A token signed by the fake's access-token key with any audience and lifetime (negative lifetimes give expired
     * tokens) — for tests of strict authentication.
     */
    public String mintAccessToken(String audience, Duration lifetime) {
        return service.mintAccessToken(audience, lifetime);
    }

    /** A valid access token for the bot, as the token endpoint would issue. */
    public String accessToken() {
        return service.mintAccessToken("https://api.botframework.com", Duration.ofHours(1));
    }

    /**
     * A channel token as the fake puts on inbound activities (issuer {@code https://api.botframework.com}, audience
     * the bot's app id, {@code serviceurl} claim, valid for an hour on the fake's clock), signed with the key served at
     * {@link #openIdMetadataUrl()} — for tests of inbound authentication without HTTP.
     */
    public String channelToken(String serviceUrl) {
        return service.channelToken(serviceUrl, true);
    }

    /** Posts inbound activities (install events, messages) to the bot's messaging endpoint. */
    public InboundSender inbound(String botEndpointUrl) {
        return new InboundSender(this, service, botEndpointUrl);
    }

    OkHttpClient http() {
        OkHttpClient c = http;
        if (c == null) {
            synchronized (this) {
                if (http == null) {
                    http = new OkHttpClient.Builder().build();
                }
                c = http;
            }
        }
        return c;
    }

    /** Stops the server and releases the HTTP client used for inbound activities. */
    @Override
    public void close() {
        server.close();
        OkHttpClient c = http;
        if (c != null) {
            c.dispatcher().executorService().shutdown();
            c.connectionPool().evictAll();
        }
    }

    @Override
    public String toString() {
        return "FakeConnector[" + baseUrl + ", bot=" + botId() + ", tenants=" + tenantIds() + "]";
    }
}
