package io.github.botconnector.teams;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.botconnector.RetryPolicy;
import io.github.botconnector.exception.UntrustedHostException;
import io.github.botconnector.auth.BotCloud;
import io.github.botconnector.auth.TokenProvider;
import io.github.botconnector.auth.TrustedHosts;
import io.github.botconnector.teams.GraphException.Reason;
import io.github.botconnector.teams.internal.GraphHttp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The Microsoft Graph calls of a proactive app installation, for bots that must reach people who never installed
 * the app or talked to it: resolve a user by UPN or e-mail to the Entra object id, find the app in the catalog by
 * its manifest id, check whether it is installed for a user, install it for a user or in a team (409 Conflict,
 * already installed, counts as success) and get the installation's 1:1 chat id, which the Bot Connector accepts as a
 * conversation id. Six REST calls, so no Microsoft Graph SDK.
 *
 * <pre>{@code
 * try (GraphClient graph = GraphClient.builder().credentials(botCredentials).build()) {
 *     GraphUser user = graph.findUser(tenantId, "adele@contoso.com");
 *     TeamsCatalogApp app = graph.findCatalogApp(tenantId, manifestId);
 *     graph.installForUser(tenantId, user.id(), app.id());
 * }
 * }</pre>
 *
 * <p>Tokens: the bot's credential asked for the cloud's Graph scope ({@link BotCloud#graphScope()}) in the tenant of
 * the call ({@link TokenProvider#forScope(String, String)}), cached per tenant and scope; never the Bot Connector
 * token. The app needs Graph application permissions with admin consent: {@code User.Read.All} (user lookup),
 * {@code AppCatalog.Read.All} (catalog), {@code TeamsAppInstallation.ReadWriteSelfForUser.All} (install for a user,
 * installation and chat), {@code TeamsAppInstallation.ReadWriteSelfForTeam.All} (install in a team).
 *
 * <p>Requests go through the same pipeline as the Bot Connector client: only the cloud's Graph host may receive the
 * token (anything else fails with {@link UntrustedHostException} before a token is requested), 429 and 5xx are
 * retried per the {@link RetryPolicy} honouring {@code Retry-After}, a 401 refreshes the token once, logs never show
 * a token. Failures are {@link GraphException}s with a {@link GraphException.Reason} and the remedy; invalid
 * arguments are {@link IllegalArgumentException}s thrown before any I/O. Thread-safe; close it when done.
 */
public final class GraphClient implements AutoCloseable {

    /** Application permission for the user lookup. */
    public static final String USER_READ_ALL = "User.Read.All";
    /** Application permission for the catalog lookup. */
    public static final String APP_CATALOG_READ_ALL = "AppCatalog.Read.All";
    /** Application permission for installing for a user, reading the installation and its chat. */
    public static final String INSTALL_FOR_USER = "TeamsAppInstallation.ReadWriteSelfForUser.All";
    /** Application permission for installing in a team. */
    public static final String INSTALL_FOR_TEAM = "TeamsAppInstallation.ReadWriteSelfForTeam.All";

    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final GraphHttp http;
    private final BotCloud cloud;

    private GraphClient(GraphHttp http, BotCloud cloud) {
        this.http = http;
        this.cloud = cloud;
    }

    /**
     * A builder; {@link Builder#credentials(TokenProvider)} is required.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The cloud whose Graph this client calls.
     *
     * @return the cloud
     */
    public BotCloud cloud() {
        return cloud;
    }

    /**
     * Whether {@code id} is a Microsoft Entra object id (a GUID).
     *
     * @param id any id
     * @return {@code true} for a GUID
     */
    public static boolean isEntraObjectId(String id) {
        return id != null && GUID.matcher(id.strip()).matches();
    }

    /**
     * Resolves a user by UPN or e-mail address (or reads one by Entra object id):
     * {@code GET /v1.0/users?$filter=userPrincipalName eq '{x}' or mail eq '{x}'&$select=...}, or
     * {@code GET /v1.0/users/{id}?$select=...}. Needs {@value #USER_READ_ALL}.
     *
     * @param tenantId the user's tenant
     * @param user     UPN, e-mail address or Entra object id
     * @return the user with the object id
     * @throws GraphException {@link Reason#USER_NOT_FOUND} when nobody matches, {@link Reason#PERMISSION_MISSING}, ...
     */
    public GraphUser findUser(String tenantId, String user) {
        String tenant = requireTenant(tenantId);
        String u = require(user, "user", "the user's UPN, e-mail address or Entra object id");
        String select = "id,displayName,userPrincipalName,mail,userType";
        if (isEntraObjectId(u)) {
            HttpUrl url = http.url(List.of("users", u), Map.of("$select", select));
            return toUser(http.send(tenant, "GET", url, null, USER_READ_ALL).json());
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("$filter", "userPrincipalName eq " + literal(u) + " or mail eq " + literal(u));
        query.put("$select", select);
        HttpUrl url = http.url(List.of("users"), query);
        JsonNode value = http.send(tenant, "GET", url, null, USER_READ_ALL).json().path("value");
        if (value.isEmpty()) {
            throw new GraphException(Reason.USER_NOT_FOUND, "GET", url.encodedPath(), 200, null,
                    "no user has the UPN or e-mail address '" + u + "'", null, 1, null, null,
                    "Check the address and the tenant id (" + tenant + "); guests are listed with their #EXT# UPN.");
        }
        return toUser(value.get(0));
    }

    /**
     * Finds the app in the tenant's catalog by its manifest id:
     * {@code GET /v1.0/appCatalogs/teamsApps?$filter=externalId eq '{manifestId}'}. Needs
     * {@value #APP_CATALOG_READ_ALL}.
     *
     * @param tenantId   the tenant
     * @param manifestId the {@code id} of the app manifest
     * @return the catalog app, whose {@link TeamsCatalogApp#id()} installs it
     * @throws GraphException {@link Reason#APP_NOT_IN_CATALOG} when the tenant's catalog does not have it
     */
    public TeamsCatalogApp findCatalogApp(String tenantId, String manifestId) {
        String tenant = requireTenant(tenantId);
        String id = require(manifestId, "manifestId", "the id in the app manifest");
        HttpUrl url = http.url(List.of("appCatalogs", "teamsApps"), Map.of("$filter", "externalId eq " + literal(id)));
        JsonNode value = http.send(tenant, "GET", url, null, APP_CATALOG_READ_ALL).json().path("value");
        if (value.isEmpty()) {
            throw new GraphException(Reason.APP_NOT_IN_CATALOG, "GET", url.encodedPath(), 200, null,
                    "no app with manifest id '" + id + "' in the app catalog of tenant " + tenant, null, 1, null, null,
                    "Publish the app to the organization's app catalog (Teams admin center) or install it from the"
                            + " Teams Store; a new org app can take hours to appear in Graph, so retry later. For a"
                            + " Store app, its manifest id is also its catalog id.");
        }
        JsonNode app = value.get(0);
        return new TeamsCatalogApp(app.path("id").asText(), text(app, "externalId"), text(app, "displayName"),
                text(app, "distributionMethod"));
    }

    /**
     * The installation of the app for a user, if any:
     * {@code GET /v1.0/users/{userId}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '{teamsAppId}'}.
     * Needs {@value #INSTALL_FOR_USER}.
     *
     * @param tenantId   the user's tenant
     * @param userId     the user's Entra object id (or UPN)
     * @param teamsAppId the catalog id ({@link TeamsCatalogApp#id()})
     * @return the installation, or empty when the app is not installed for the user
     */
    public Optional<TeamsAppInstallation> findUserInstallation(String tenantId, String userId, String teamsAppId) {
        String tenant = requireTenant(tenantId);
        String user = require(userId, "userId", "the user's Entra object id");
        String app = require(teamsAppId, "teamsAppId", "the catalog id from findCatalogApp");
        Map<String, String> query = new LinkedHashMap<>();
        query.put("$expand", "teamsApp");
        query.put("$filter", "teamsApp/id eq " + literal(app));
        HttpUrl url = http.url(List.of("users", user, "teamwork", "installedApps"), query);
        JsonNode value = http.send(tenant, "GET", url, null, INSTALL_FOR_USER).json().path("value");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        JsonNode first = value.get(0);
        return Optional.of(new TeamsAppInstallation(first.path("id").asText(),
                first.path("teamsApp").path("id").asText(app)));
    }

    /**
     * Installs the app for a user: {@code POST /v1.0/users/{userId}/teamwork/installedApps} with
     * {@code {"teamsApp@odata.bind": "<graph>/v1.0/appCatalogs/teamsApps/{teamsAppId}"}}. Teams then sends the bot
     * the install event. Needs {@value #INSTALL_FOR_USER}.
     *
     * @param tenantId   the user's tenant
     * @param userId     the user's Entra object id
     * @param teamsAppId the catalog id
     * @return {@code true} when installed now, {@code false} when it was installed already (409 Conflict)
     */
    public boolean installForUser(String tenantId, String userId, String teamsAppId) {
        String tenant = requireTenant(tenantId);
        String user = require(userId, "userId", "the user's Entra object id");
        String app = require(teamsAppId, "teamsAppId", "the catalog id from findCatalogApp");
        HttpUrl url = http.url(List.of("users", user, "teamwork", "installedApps"), null);
        return http.send(tenant, "POST", url, bind(app), INSTALL_FOR_USER, 409).status() != 409;
    }

    /**
     * The 1:1 chat of an installation: {@code GET /v1.0/users/{userId}/teamwork/installedApps/{installationId}/chat}.
     * Its id ({@code 19:<userObjectId>_<botAppId>@unq.gbl.spaces}) is a Bot Connector conversation id. Needs
     * {@value #INSTALL_FOR_USER}.
     *
     * @param tenantId       the user's tenant
     * @param userId         the user's Entra object id
     * @param installationId the installation's id ({@link TeamsAppInstallation#id()})
     * @return the chat id
     */
    public String installationChatId(String tenantId, String userId, String installationId) {
        String tenant = requireTenant(tenantId);
        String user = require(userId, "userId", "the user's Entra object id");
        String installation = require(installationId, "installationId", "the id from findUserInstallation");
        HttpUrl url = http.url(List.of("users", user, "teamwork", "installedApps", installation, "chat"), null);
        String id = text(http.send(tenant, "GET", url, null, INSTALL_FOR_USER).json(), "id");
        if (id == null) {
            throw new GraphException(Reason.SERVICE_ERROR, "GET", url.encodedPath(), 200, null, "the chat has no id",
                    null, 1, null, null, "Retry; the chat of a new installation may not be ready yet.");
        }
        return id;
    }

    /**
     * Installs the app in a team: {@code POST /v1.0/teams/{teamId}/installedApps} with the same body as
     * {@link #installForUser(String, String, String)}. Needs {@value #INSTALL_FOR_TEAM}.
     *
     * @param tenantId   the team's tenant
     * @param teamId     the team's Entra group id ({@code aadGroupId})
     * @param teamsAppId the catalog id
     * @return {@code true} when installed now, {@code false} when it was installed already (409 Conflict)
     */
    public boolean installInTeam(String tenantId, String teamId, String teamsAppId) {
        String tenant = requireTenant(tenantId);
        String team = require(teamId, "teamId", "the team's Entra group id (aadGroupId), not the 19: thread id");
        if (team.startsWith("19:")) {
            throw new IllegalArgumentException("teamId '" + team + "' is a Teams thread id; Graph needs the team's"
                    + " Entra group id (TeamDetails.aadGroupId() or channelData.team.aadGroupId)");
        }
        String app = require(teamsAppId, "teamsAppId", "the catalog id from findCatalogApp");
        HttpUrl url = http.url(List.of("teams", team, "installedApps"), null);
        return http.send(tenant, "POST", url, bind(app), INSTALL_FOR_TEAM, 409).status() != 409;
    }

    /** Closes the connection pool when this client created it. */
    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "GraphClient[" + http.base() + ", cloud=" + cloud.name() + "]";
    }

    private Map<String, String> bind(String teamsAppId) {
        HttpUrl app = http.url(List.of("appCatalogs", "teamsApps", teamsAppId), null);
        // The bind URL names the catalog entry on the cloud's Graph, whatever host this client calls.
        String root = cloud.graphEndpoint() != null ? cloud.graphEndpoint() : app.scheme() + "://" + app.host();
        return Map.of("teamsApp@odata.bind", root + app.encodedPath());
    }

    private static GraphUser toUser(JsonNode n) {
        return new GraphUser(n.path("id").asText(), text(n, "displayName"), text(n, "userPrincipalName"),
                text(n, "mail"), text(n, "userType"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || !v.isTextual() ? null : v.asText();
    }

    /** An OData string literal: quotes doubled. */
    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String requireTenant(String tenantId) {
        return require(tenantId, "tenantId", "the Microsoft Entra tenant id (GUID) of the user or team");
    }

    private static String require(String value, String name, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required: pass " + what);
        }
        return value.strip();
    }

    /** Builder of {@link GraphClient}. Not thread-safe. */
    public static final class Builder {
        private TokenProvider credentials;
        private TokenProvider graphTokens;
        private BotCloud cloud = BotCloud.PUBLIC;
        private String endpoint;
        private final java.util.Set<String> extraHosts = new java.util.LinkedHashSet<>();
        private boolean allowLoopback;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private OkHttpClient httpClient;
        private String userAgentSuffix;

        private Builder() {
        }

        /**
         * The bot's credential (this or {@link #graphTokens(TokenProvider)} is required). Graph tokens come from
         * {@code credentials.forScope(cloud.graphScope(), tenantId)}, which the Azure AD credentials support.
         *
         * @param credentials the credential
         * @return this builder
         */
        public Builder credentials(TokenProvider credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            this.graphTokens = null;
            return this;
        }

        /**
         * A provider of Microsoft Graph tokens managed elsewhere, used as is for every tenant (instead of
         * {@link #credentials(TokenProvider)}); it must never return a Bot Connector token.
         *
         * @param graphTokens the Graph token provider
         * @return this builder
         */
        public Builder graphTokens(TokenProvider graphTokens) {
            this.graphTokens = Objects.requireNonNull(graphTokens, "graphTokens");
            this.credentials = null;
            return this;
        }

        /**
         * The cloud whose Graph endpoint and scope are used; default {@link BotCloud#PUBLIC}.
         *
         * @param cloud the cloud
         * @return this builder
         */
        public Builder cloud(BotCloud cloud) {
            this.cloud = Objects.requireNonNull(cloud, "cloud");
            return this;
        }

        /**
         * Calls another Graph root than the cloud's (a test server, a proxy); its host must be the cloud's Graph
         * host, a host given to {@link #trustHost(String)}, or loopback with {@link #allowLoopback(boolean)}.
         *
         * @param endpoint the root URL, without {@code /v1.0}
         * @return this builder
         */
        public Builder endpoint(String endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /**
         * Trusts one more exact host with the Graph token (for a proxy in front of Graph).
         *
         * @param host the host name
         * @return this builder
         */
        public Builder trustHost(String host) {
            extraHosts.add(host);
            return this;
        }

        /**
         * Allows loopback hosts over http (local test servers only); default {@code false}.
         *
         * @param allow whether to allow loopback
         * @return this builder
         */
        public Builder allowLoopback(boolean allow) {
            this.allowLoopback = allow;
            return this;
        }

        /**
         * Retry rules, clock and sleeper; default {@link RetryPolicy#defaults()}.
         *
         * @param retryPolicy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * An OkHttp client whose connection pool, proxy and TLS settings to share; the caller closes it.
         *
         * @param httpClient the client
         * @return this builder
         */
        public Builder httpClient(OkHttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /**
         * Text appended to the {@code User-Agent} header.
         *
         * @param suffix the suffix
         * @return this builder
         */
        public Builder userAgentSuffix(String suffix) {
            this.userAgentSuffix = suffix;
            return this;
        }

        /**
         * The client.
         *
         * @return the client
         * @throws IllegalArgumentException when credentials are missing or the cloud has no Graph endpoint
         * @throws UntrustedHostException   when the endpoint's host may not receive the Graph token (no token is
         *                                  requested)
         */
        public GraphClient build() {
            if (credentials == null && graphTokens == null) {
                throw new IllegalArgumentException("credentials must be set: pass the bot's credential (for example"
                        + " its ClientSecretCredential) to GraphClient.builder().credentials(...), or a Graph token"
                        + " provider to graphTokens(...)");
            }
            if (cloud.graphEndpoint() == null) {
                throw new IllegalArgumentException("cloud '" + cloud.name() + "' has no Microsoft Graph endpoint; set"
                        + " BotCloud.builder().graphEndpoint(...) or use a preset cloud");
            }
            HttpUrl graph = HttpUrl.get(cloud.graphEndpoint() + "/");
            BotCloud graphHosts = cloud.toBuilder().trustedHosts(graph.host()).trustedHostSuffixes().build();
            TrustedHosts.Builder hosts = TrustedHosts.builder().cloud(graphHosts).allowLoopback(allowLoopback);
            extraHosts.forEach(hosts::addHost);
            TokenProvider fixed = graphTokens;
            TokenProvider credential = credentials;
            String scope = cloud.graphScope();
            GraphHttp http = new GraphHttp(tenant -> fixed != null ? fixed : credential.forScope(scope, tenant), cloud,
                    endpoint != null ? endpoint : cloud.graphEndpoint(),
                    hosts.build(), retryPolicy, httpClient, userAgentSuffix);
            return new GraphClient(http, cloud);
        }
    }
}
