package io.github.botconnector.testing.internal;

import static io.github.botconnector.testing.internal.Route.Kind.GRAPH;
import static io.github.botconnector.testing.internal.Route.Limit.TENANT_ONLY;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.botconnector.testing.FakeTeam;
import io.github.botconnector.testing.FakeUser;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Microsoft Graph calls of a proactive installation (teams-proactive.md §7), answered from the fake's world:
 * user lookup by UPN, mail or id, the bot's catalog app, a user's installed apps, installing for a user or a team,
 * and the installation's chat. Each call needs its application permission ({@link GraphState}); throttling armed
 * by a test answers 429 first.
 */
final class GraphRoutes {

    private static final Pattern FILTER_VALUE = Pattern.compile("eq\\s+'((?:[^']|'')*)'");
    private static final String USER_READ = "User.Read.All";
    private static final String CATALOG_READ = "AppCatalog.Read.All";
    private static final String FOR_USER = "TeamsAppInstallation.ReadWriteSelfForUser.All";
    private static final String FOR_TEAM = "TeamsAppInstallation.ReadWriteSelfForTeam.All";
    private final FakeService e;

    private GraphRoutes(FakeService e) {
        this.e = e;
    }

    static void register(Router r, FakeService e) {
        GraphRoutes h = new GraphRoutes(e);
        r.add("GET", "/v1.0/users", "graphUsers", GRAPH, TENANT_ONLY, h::users)
                .add("GET", "/v1.0/users/{userId}", "graphUser", GRAPH, TENANT_ONLY, h::userById)
                .add("GET", "/v1.0/appCatalogs/teamsApps", "graphCatalogApps", GRAPH, TENANT_ONLY, h::catalog)
                .add("GET", "/v1.0/users/{userId}/teamwork/installedApps", "graphUserInstalledApps", GRAPH, TENANT_ONLY,
                        h::userApps)
                .add("POST", "/v1.0/users/{userId}/teamwork/installedApps", "graphInstallForUser", GRAPH, TENANT_ONLY,
                        h::installForUser)
                .add("GET", "/v1.0/users/{userId}/teamwork/installedApps/{installationId}/chat", "graphInstallationChat",
                        GRAPH, TENANT_ONLY, h::chat)
                .add("GET", "/v1.0/teams/{teamId}/installedApps", "graphTeamInstalledApps", GRAPH, TENANT_ONLY, h::teamApps)
                .add("POST", "/v1.0/teams/{teamId}/installedApps", "graphInstallInTeam", GRAPH, TENANT_ONLY,
                        h::installInTeam);
    }

    static Reply graphError(int status, String code, String message) {
        return Reply.json(status, Json2.obj("error", Json2.obj("code", code, "message", message, "innerError",
                Json2.obj("request-id", UUID.randomUUID().toString(), "client-request-id", UUID.randomUUID().toString()))));
    }

    private static ApiError error(int status, String code, String message) {
        return new ApiError(graphError(status, code, message));
    }

    /** Catalog id of the bot's app (the manifest id is the bot's app id). */
    private String catalogId() {
        return Ids.guid("catalog|" + e.world.botAppId);
    }

    private ObjectNode teamsApp() {
        return Json2.obj("id", catalogId(), "externalId", e.world.botAppId, "displayName", e.world.botName,
                "distributionMethod", "organization");
    }

    private static String filterValue(Call c) {
        String filter = c.query("$filter");
        if (filter == null) {
            return null;
        }
        Matcher m = FILTER_VALUE.matcher(filter);
        return m.find() ? m.group(1).replace("''", "'") : null;
    }

    /** Throttling armed by a test, then the application permission the call needs, as Graph checks them. */
    private void gate(String permission) {
        GraphState g = e.graph();
        if (g.throttleNext > 0) {
            g.throttleNext--;
            throw new ApiError(graphError(429, "TooManyRequests", "Too many requests, please retry later.")
                    .header("Retry-After", Long.toString(Math.max(0, g.throttleRetryAfter.toSeconds()))));
        }
        if (!g.granted.contains(permission)) {
            throw error(403, "Forbidden", "Missing role permissions on the request. API requires one of '"
                    + permission + "'. Roles on the request '" + String.join(", ", new java.util.TreeSet<>(g.granted))
                    + "'.");
        }
    }

    private ObjectNode userJson(FakeUser u) {
        boolean guest = e.graph().guests.contains(u.id());
        return Json2.obj("id", u.aadObjectId(), "displayName", u.name(), "userPrincipalName",
                guest ? u.userPrincipalName().replace('@', '_') + "#EXT#@" + u.tenantId() + ".example"
                        : u.userPrincipalName(), "mail", u.email(), "userType", guest ? "Guest" : "Member");
    }

    private Reply users(Call c) {
        gate(USER_READ);
        String wanted = filterValue(c);
        ArrayNode value = Json2.F.arrayNode();
        for (FakeUser u : e.world.users.values()) {
            if (wanted != null
                    && (wanted.equalsIgnoreCase(u.userPrincipalName()) || wanted.equalsIgnoreCase(u.email()))) {
                value.add(userJson(u));
            }
        }
        return Reply.json(200, Json2.obj("value", value));
    }

    private Reply userById(Call c) {
        gate(USER_READ);
        return Reply.json(200, userJson(user(c)));
    }

    private Reply catalog(Call c) {
        gate(CATALOG_READ);
        String externalId = filterValue(c);
        ArrayNode value = Json2.F.arrayNode();
        if (!e.graph().inCatalog) {
            return Reply.json(200, Json2.obj("value", value));
        }
        if (externalId == null || externalId.equalsIgnoreCase(e.world.botAppId) || externalId.equals(catalogId())) {
            value.add(teamsApp());
        }
        return Reply.json(200, Json2.obj("value", value));
    }

    private FakeUser user(Call c) {
        FakeUser u = e.world.findUser(c.var("userId"));
        if (u == null || u.id().equals(c.var("userId"))) {
            // Graph knows users by object id or UPN, never by their Teams id.
            throw error(404, "Request_ResourceNotFound", "Resource '" + c.var("userId") + "' does not exist or one of"
                    + " its queried reference-property objects are not present.");
        }
        return u;
    }

    private String installationId(String scopeId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((scopeId + "##" + catalogId())
                .getBytes(StandardCharsets.UTF_8));
    }

    private ArrayNode installations(boolean installed, String scopeId, Call c) {
        ArrayNode value = Json2.F.arrayNode();
        String wanted = filterValue(c);
        if (installed && (wanted == null || wanted.equals(catalogId()))) {
            value.add(Json2.obj("id", installationId(scopeId), "teamsApp", teamsApp()));
        }
        return value;
    }

    private Reply userApps(Call c) {
        gate(FOR_USER);
        FakeUser u = user(c);
        return Reply.json(200, Json2.obj("value", installations(e.world.installedUsers.contains(u.id()), u.aadObjectId(), c)));
    }

    private void requireBind(Call c) {
        String bind = Json2.text(c.json(), "teamsApp@odata.bind");
        if (bind == null || !bind.endsWith("/appCatalogs/teamsApps/" + catalogId())) {
            throw error(400, "BadRequest", "teamsApp@odata.bind must reference appCatalogs/teamsApps/" + catalogId());
        }
    }

    private Reply installForUser(Call c) {
        gate(FOR_USER);
        FakeUser u = user(c);
        requireBind(c);
        if (e.graph().guests.contains(u.id())) {
            throw error(403, "Forbidden", "An unknown error has occurred.");
        }
        if (e.world.installedUsers.contains(u.id())) {
            throw error(409, "Conflict", "App is already installed.");
        }
        e.world.installedUsers.add(u.id());
        e.world.personal(u);
        e.installedThroughGraph(u.id(), null);
        return Reply.empty(201);
    }

    private Reply chat(Call c) {
        gate(FOR_USER);
        FakeUser u = user(c);
        if (!e.world.installedUsers.contains(u.id()) || !c.var("installationId").equals(installationId(u.aadObjectId()))) {
            throw error(404, "NotFound", "The app installation was not found.");
        }
        return Reply.json(200, Json2.obj("id", "19:" + u.aadObjectId() + "_" + e.world.botAppId + "@unq.gbl.spaces",
                "chatType", "oneOnOne"));
    }

    private FakeTeam team(Call c) {
        String id = c.var("teamId");
        return e.world.teams.values().stream().filter(t -> t.aadGroupId().equals(id) || t.id().equals(id)).findFirst()
                .orElseThrow(() -> error(404, "NotFound", "Team '" + id + "' was not found."));
    }

    private Reply teamApps(Call c) {
        gate(FOR_TEAM);
        FakeTeam t = team(c);
        return Reply.json(200, Json2.obj("value", installations(e.world.installedTeams.contains(t.id()), t.aadGroupId(), c)));
    }

    private Reply installInTeam(Call c) {
        gate(FOR_TEAM);
        FakeTeam t = team(c);
        requireBind(c);
        if (e.world.installedTeams.contains(t.id())) {
            throw error(409, "Conflict", "App is already installed.");
        }
        e.world.installedTeams.add(t.id());
        e.installedThroughGraph(null, t.id());
        return Reply.empty(201);
    }
}
