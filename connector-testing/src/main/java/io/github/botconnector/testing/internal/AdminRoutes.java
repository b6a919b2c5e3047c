package io.github.botconnector.testing.internal;

import static io.github.botconnector.testing.internal.Route.Kind.ADMIN;
import static io.github.botconnector.testing.internal.Route.Limit.TENANT_ONLY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.botconnector.testing.ActivityEvent;
import io.github.botconnector.testing.Exchange;
import io.github.botconnector.testing.FakeChannel;
import io.github.botconnector.testing.FakeConversation;
import io.github.botconnector.testing.FakeTeam;
import io.github.botconnector.testing.FakeUser;
import java.util.ArrayList;
import java.util.List;

/** The admin API ({@code /_admin/...}) used by non-Java test suites to seed the world and read the journal. */
final class AdminRoutes {

    private final FakeService e;

    private AdminRoutes(FakeService e) {
        this.e = e;
    }

    static void register(Router r, FakeService e, RequestPipeline pipeline) {
        AdminRoutes h = new AdminRoutes(e);
        r.add("GET", "/_admin/world", "adminWorld", ADMIN, TENANT_ONLY, h::world)
                .add("POST", "/_admin/users", "adminAddUser", ADMIN, TENANT_ONLY, h::addUser)
                .add("POST", "/_admin/teams", "adminAddTeam", ADMIN, TENANT_ONLY, h::addTeam)
                .add("POST", "/_admin/install", "adminInstall", ADMIN, TENANT_ONLY, h::install)
                .add("POST", "/_admin/uninstall", "adminUninstall", ADMIN, TENANT_ONLY, h::uninstall)
                .add("POST", "/_admin/block", "adminBlock", ADMIN, TENANT_ONLY, h::block)
                .add("GET", "/_admin/journal", "adminJournal", ADMIN, TENANT_ONLY,
                        c -> Reply.json(200, Json2.arr(pipeline.journal().exchanges().stream()
                                .map(AdminRoutes::exchangeJson).toList())))
                .add("GET", "/_admin/conversations", "adminConversations", ADMIN, TENANT_ONLY, h::conversations)
                .add("GET", "/_admin/conversations/{id}", "adminConversation", ADMIN, TENANT_ONLY, h::conversation)
                .add("POST", "/_admin/reset", "adminReset", ADMIN, TENANT_ONLY, c -> {
                    pipeline.reset();
                    return Reply.empty(204);
                });
    }

    private static String required(JsonNode body, String field) {
        String v = Json2.text(body, field);
        if (v == null) {
            throw ApiError.badArgument(field + " is required");
        }
        return v;
    }

    private String tenant(JsonNode body) {
        String t = Json2.text(body, "tenantId");
        return t != null ? t : e.world.tenants.keySet().iterator().next();
    }

    private Reply world(Call c) {
        ArrayNode tenants = Json2.F.arrayNode();
        for (String t : e.world.tenants.keySet()) {
            tenants.add(Json2.obj("id", t, "serviceUrl", e.world.serviceUrl(t)));
        }
        return Reply.json(200, Json2.obj("botAppId", e.world.botAppId, "botId", e.world.botId(), "tenants", tenants,
                "users", new ArrayList<>(e.world.users.values()), "teams", new ArrayList<>(e.world.teams.values()),
                "installedUsers", new ArrayList<>(e.world.installedUsers),
                "installedTeams", new ArrayList<>(e.world.installedTeams)));
    }

    private Reply addUser(Call c) {
        JsonNode b = c.json();
        String name = required(b, "name");
        String tenant = tenant(b);
        String[] words = name.trim().split("\\s+");
        String given = words[0];
        String sur = words.length > 1 ? words[words.length - 1] : "";
        String email = given + (sur.isEmpty() ? "" : sur.substring(0, 1)) + "@contoso.example";
        FakeUser u = new FakeUser(orElse(Json2.text(b, "id"), Ids.userId(tenant, name)),
                orElse(Json2.text(b, "aadObjectId"), Ids.aadObjectId(tenant, name)), name, given, sur,
                orElse(Json2.text(b, "email"), email), orElse(Json2.text(b, "userPrincipalName"), email), tenant);
        e.world.addUser(u);
        if (Json2.field(b, "installBot").asBoolean(false)) {
            e.world.installedUsers.add(u.id());
        }
        return Reply.json(201, u);
    }

    private Reply addTeam(Call c) {
        JsonNode b = c.json();
        String name = required(b, "name");
        String tenant = tenant(b);
        String teamId = orElse(Json2.text(b, "id"), Ids.teamId(tenant, name));
        List<FakeChannel> channels = new ArrayList<>();
        channels.add(new FakeChannel(teamId, "General", true, false));
        for (JsonNode ch : Json2.field(b, "channels")) {
            channels.add(new FakeChannel(Ids.channelId(teamId, ch.asText()), ch.asText(), false, false));
        }
        List<String> members = new ArrayList<>();
        for (JsonNode m : Json2.field(b, "members")) {
            members.add(e.world.requireUser(m.asText()).id());
        }
        FakeTeam t = new FakeTeam(teamId, name, Ids.guid("group|" + teamId), tenant, channels, members);
        e.world.addTeam(t);
        if (Json2.field(b, "installBot").asBoolean(false)) {
            e.world.installedTeams.add(t.id());
        }
        return Reply.json(201, t);
    }

    private Reply install(Call c) {
        JsonNode b = c.json();
        try {
            if (Json2.text(b, "teamId") != null) {
                return Reply.json(200, e.world.installBotInTeam(Json2.text(b, "teamId")).toJson());
            }
            return Reply.json(200, e.world.installBotFor(required(b, "userId")).toJson());
        } catch (IllegalArgumentException ex) {
            throw ApiError.badArgument(ex.getMessage());
        }
    }

    private Reply uninstall(Call c) {
        JsonNode b = c.json();
        try {
            if (Json2.text(b, "teamId") != null) {
                e.world.uninstallBotFromTeam(Json2.text(b, "teamId"));
            } else {
                e.world.uninstallBotFor(required(b, "userId"));
            }
        } catch (IllegalArgumentException ex) {
            throw ApiError.badArgument(ex.getMessage());
        }
        return Reply.empty(204);
    }

    private Reply block(Call c) {
        JsonNode b = c.json();
        try {
            e.world.blockBot(required(b, "userId"), !Json2.field(b, "unblock").asBoolean(false));
        } catch (IllegalArgumentException ex) {
            throw ApiError.badArgument(ex.getMessage());
        }
        return Reply.empty(204);
    }

    private Reply conversations(Call c) {
        return Reply.json(200, Json2.arr(e.world.snapshots().stream().map(AdminRoutes::conversationJson).toList()));
    }

    private Reply conversation(Call c) {
        try {
            return Reply.json(200, conversationJson(e.world.snapshot(c.var("id"))));
        } catch (IllegalArgumentException ex) {
            throw ApiError.conversationNotFound();
        }
    }

    static JsonNode exchangeJson(Exchange x) {
        return Json2.obj("at", x.at().toString(), "method", x.method(), "path", x.path(), "query", x.query(),
                "route", x.route(), "requestHeaders", x.requestHeaders(), "requestBody", x.requestBody(),
                "status", x.status(), "responseHeaders", x.responseHeaders(), "responseBody", x.responseBody(),
                "note", x.note());
    }

    static JsonNode conversationJson(FakeConversation conv) {
        ArrayNode activities = Json2.F.arrayNode();
        conv.activities().forEach(a -> activities.add(Json2.tree(a.toJson())));
        ArrayNode history = Json2.F.arrayNode();
        for (ActivityEvent ev : conv.history()) {
            history.add(Json2.obj("kind", ev.kind().name(), "at", ev.at().toString(), "activity",
                    Json2.tree(ev.activity().toJson())));
        }
        return Json2.obj("id", conv.id(), "type", conv.type(), "tenantId", conv.tenantId(), "userId", conv.userId(),
                "teamId", conv.teamId(), "activities", activities, "history", history);
    }

    private static String orElse(String a, String b) {
        return a != null ? a : b;
    }
}
