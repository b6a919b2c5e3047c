package io.github.botconnector.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.botconnector.internal.Json;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.schema.ConversationAccount;
import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.exception.JsonFormatException;
import io.github.botconnector.testing.ActivityEvent;
import io.github.botconnector.testing.AuthMode;
import io.github.botconnector.testing.Exchange;
import io.github.botconnector.testing.FakeConversation;
import io.github.botconnector.testing.FakeTeam;
import io.github.botconnector.testing.FakeUser;
import io.github.botconnector.testing.RateLimits;
import io.github.botconnector.testing.TokenRequest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okio.Buffer;

/**
 * The fake Bot Connector service: one routing table, and a pipeline of fault rules, authentication, rate limits,
 * handlers and the journal around it. Not public API; {@code FakeConnector} is the face of it.
 */
public final class Engine extends Dispatcher {

    /** Settings fixed at start. */
    public record Settings(Seed seed, InstantSource clock, AuthMode auth, RateLimits rateLimits,
                           Map<String, String> clientSecrets,
                           Map<String, java.security.interfaces.RSAPublicKey> clientKeys, int maxMessageBytes, Duration tokenLifetime,
                           int journalLimit) {
    }

    static final String MESSAGE_WRITES_BLOCKED = "{\"errorCode\":209,\"message\":\"{\\r\\n  \\\"subCode\\\": "
            + "\\\"MessageWritesBlocked\\\",\\r\\n  \\\"details\\\": \\\"Thread is blocked from message writes.\\\","
            + "\\r\\n  \\\"errorCode\\\": null,\\r\\n  \\\"errorSubCode\\\": null\\r\\n}\"}";

    final Object lock = new Object();
    final Settings settings;
    final InstantSource clock;
    final Keys keys = new Keys();
    final RateLimiter limiter;
    final FaultRules faults = new FaultRules();
    final Router router = new Router();
    private final GraphState graph = new GraphState(lock);
    private final SecureRandom random = new SecureRandom();
    private final java.util.ArrayDeque<Exchange> exchanges = new java.util.ArrayDeque<>();
    private final List<TokenRequest> tokenRequests = new ArrayList<>();
    World world;
    private volatile String baseUrl = "http://127.0.0.1:0";

    /** Creates the engine for a seed. */
    public Engine(Settings settings) {
        this.settings = settings;
        this.clock = settings.clock();
        this.limiter = new RateLimiter(settings.rateLimits());
        this.world = new World(settings.seed());
        ConnectorRoutes.register(router, this);
        TeamsRoutes.register(router, this);
        LoginRoutes.register(router, this);
        AdminRoutes.register(router, this);
        GraphRoutes.register(router, this);
    }

    /** Called (holding the lock) when the bot gets installed through the Graph routes: (user id or null, team id or null). */
    private volatile java.util.function.BiConsumer<String, String> installListener = (u, t) -> { };

    /** Sets what happens when the bot is installed through the Graph routes. */
    public void installListener(java.util.function.BiConsumer<String, String> listener) {
        this.installListener = listener;
    }

    void installedThroughGraph(String userId, String teamId) {
        installListener.accept(userId, teamId);
    }

    /** Sets the server base URL once the port is known. */
    public void baseUrl(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** {@code http://127.0.0.1:PORT} without trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /** What the fake's Graph knows besides the world (permissions, catalog, guests, throttling). */
    public GraphState graph() {
        return graph;
    }

    /** The fault rules. */
    public FaultRules faults() {
        return faults;
    }

    /** The keys. */
    public Keys keys() {
        return keys;
    }

    /** Rate limits in force. */
    public RateLimiter limiter() {
        return limiter;
    }

    Instant now() {
        return clock.instant();
    }

    /** The fake's current time. */
    public Instant clockNow() {
        return clock.instant();
    }

    /** A fresh activity id (epoch milliseconds, unique and increasing). */
    public String nextActivityId() {
        synchronized (lock) {
            return world.nextActivityId(now());
        }
    }

    // ------------------------------------------------------------------ pipeline

    /** Asked for each new connection: whether to reset it before reading the request (a fault rule). */
    public boolean breakNewConnection() {
        if (!faults.breakBeforeRequest()) {
            return false;
        }
        synchronized (lock) {
            journal(new Exchange(now(), "?", "?", null, null, Map.of(), "", -1, Map.of(), "",
                    "fault: connection reset before the request was read"));
        }
        return true;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        HttpUrl url = request.getUrl();
        String method = request.getMethod() == null ? "GET" : request.getMethod();
        byte[] body = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
        List<String> segs = new ArrayList<>(url.pathSegments());
        while (!segs.isEmpty() && segs.get(segs.size() - 1).isEmpty()) {
            segs.remove(segs.size() - 1);
        }
        synchronized (lock) {
            Resolved r = resolve(method, segs);
            Reply reply;
            FaultRules.Rule fault = null;
            if (r.match == null) {
                reply = unmatched(method, segs);
            } else {
                Route route = r.match.route();
                Call call = new Call(method, url, request.getHeaders(), body, r.match.vars(), r.tenantId, r.serviceUrl,
                        r.path);
                String conversationKey = route.kind == Route.Kind.SERVICE ? conversationKey(route, call) : null;
                fault = route.kind == Route.Kind.ADMIN ? null : faults.next(route, conversationKey);
                if (fault != null && fault.action == FaultRules.Action.RESPOND) {
                    reply = faultReply(fault);
                } else if (fault != null && fault.action == FaultRules.Action.DISCONNECT_AFTER_REQUEST) {
                    journal(exchange(request, url, route, body, -1, Map.of(), "",
                            "fault: connection closed after the request was read, request not processed"));
                    return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
                } else {
                    reply = handle(route, call, conversationKey);
                }
            }
            reply.header("x-ms-request-id", requestId());
            if (faults.armedBeforeRequest()) {
                reply.header("Connection", "close");
            }
            if (r.match == null || r.match.route().kind == Route.Kind.SERVICE) {
                reply.header("MS-CV", msCv());
            }
            MockResponse.Builder response = new MockResponse.Builder().code(reply.status);
            if (reply.raw != null) {
                response.body(new Buffer().write(reply.raw));
            } else {
                response.body(reply.body);
            }
            if (reply.contentType != null) {
                response.setHeader("Content-Type", reply.contentType);
            }
            reply.headers.forEach(response::setHeader);
            String note = reply.note;
            if (fault != null && fault.action == FaultRules.Action.DELAY) {
                response.headersDelay(fault.duration.toMillis(), TimeUnit.MILLISECONDS);
                note = join(note, "fault: response delayed " + fault.duration.toMillis() + " ms");
            }
            int journaledStatus = reply.status;
            if (fault != null && fault.action == FaultRules.Action.DROP_RESPONSE) {
                response.onResponseStart(new SocketEffect.CloseSocket());
                note = join(note, "fault: request processed, connection closed instead of the " + reply.status
                        + " response");
                journaledStatus = -1;
            }
            if (r.match == null || r.match.route().kind != Route.Kind.ADMIN) {
                Map<String, List<String>> responseHeaders = new LinkedHashMap<>();
                if (reply.contentType != null) {
                    responseHeaders.put("Content-Type", List.of(reply.contentType));
                }
                reply.headers.forEach((k, v) -> responseHeaders.put(k, List.of(v)));
                journal(exchange(request, url, r.match == null ? null : r.match.route(), body, journaledStatus,
                        responseHeaders, reply.raw != null ? "<" + reply.raw.length + " bytes>" : reply.body, note));
            }
            return response.build();
        }
    }

    private static String join(String a, String b) {
        return a == null ? b : a + "; " + b;
    }

    private record Resolved(Router.Match match, String tenantId, String serviceUrl, List<String> path) {
    }

    private Resolved resolve(String method, List<String> segs) {
        Router.Match m = router.find(method, segs, Route.Kind.LOGIN);
        if (m == null) {
            m = router.find(method, segs, Route.Kind.ADMIN);
        }
        if (m == null) {
            m = router.find(method, segs, Route.Kind.GRAPH);
        }
        if (m != null) {
            return new Resolved(m, null, null, segs);
        }
        if (segs.size() >= 2) {
            World.Tenant t = world.tenants.get(segs.get(1));
            if (t != null && t.region().equalsIgnoreCase(segs.get(0))) {
                List<String> rest = segs.subList(2, segs.size());
                Router.Match s = router.find(method, rest, Route.Kind.SERVICE);
                if (s != null) {
                    return new Resolved(s, t.id(), serviceUrl(t.id()), rest);
                }
            }
        }
        return new Resolved(null, null, null, segs);
    }

    private Reply unmatched(String method, List<String> segs) {
        List<String> servicePath = segs;
        String prefixHint = "";
        World.Tenant tenant = segs.size() >= 2 ? world.tenants.get(segs.get(1)) : null;
        if (tenant != null) {
            servicePath = segs.subList(2, segs.size());
            if (tenant.region().equalsIgnoreCase(segs.get(0))) {
                List<String> methods = router.methodsFor(servicePath, Route.Kind.SERVICE);
                if (!methods.isEmpty()) {
                    return Reply.message(405, "The requested resource does not support http method '" + method + "'.")
                            .header("Allow", String.join(", ", methods))
                            .note("no " + method + " route; allowed: " + methods);
                }
            } else {
                prefixHint = " The service URL of tenant " + tenant.id() + " is " + serviceUrl(tenant.id()) + ".";
            }
        } else if (!segs.isEmpty() && (segs.get(0).equals("v3") || segs.get(0).equals("v1"))) {
            prefixHint = " The path lacks the service URL prefix: call " + serviceUrl(world.tenants.keySet().iterator()
                    .next()) + "v3/... (append to the full serviceUrl, keep its path).";
        }
        Route nearest = router.nearest(method, servicePath);
        String hint = "No route for " + method + " /" + String.join("/", segs) + "." + prefixHint
                + (nearest == null ? "" : " Nearest known route: " + nearest + ".");
        return Reply.error(404, "NotFound", hint).note(hint);
    }

    private Reply handle(Route route, Call call, String conversationKey) {
        try {
            if (route.kind == Route.Kind.GRAPH) {
                Reply denied = authenticate(call, Keys.GRAPH_AUDIENCE);
                if (denied != null) {
                    return GraphRoutes.graphError(401, "InvalidAuthenticationToken",
                            "Access token validation failure. Invalid audience.").note(denied.note);
                }
            }
            if (route.kind == Route.Kind.SERVICE) {
                Reply denied = authenticate(call, Keys.CONNECTOR_AUDIENCE);
                if (denied != null) {
                    return denied;
                }
                long wait = limiter.acquire(call.tenantId, route.limit == Route.Limit.TENANT_ONLY ? null : conversationKey,
                        route.limit == Route.Limit.READ, now().toEpochMilli());
                if (wait > 0) {
                    return Reply.error(429, "Throttled", "Too many requests. Retry after " + wait + " seconds.")
                            .header("Retry-After", Long.toString(wait)).note("throttled by the rate limits");
                }
            }
            return route.handler.handle(call);
        } catch (ApiError e) {
            return e.reply;
        } catch (JsonFormatException e) {
            return Reply.error(400, "BadArgument", e.getMessage());
        } catch (RuntimeException e) {
            return Reply.error(500, "ServiceError", "The fake connector failed: " + e)
                    .note("fake failure: " + e);
        }
    }

    private Reply authenticate(Call call, String audience) {
        AuthMode mode = settings.auth();
        if (mode == AuthMode.NONE) {
            return null;
        }
        String header = call.headers.get("Authorization");
        String token = header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : null;
        String reason = null;
        if (token == null || token.isEmpty()) {
            reason = header == null ? "no Authorization header" : "Authorization is not a Bearer token";
        } else if (mode == AuthMode.STRICT) {
            reason = keys.checkAccessToken(token, world.botAppId, audience, now());
        }
        if (reason == null) {
            return null;
        }
        return Reply.message(401, "Authorization has been denied for this request.")
                .header("WWW-Authenticate", "Bearer").note("unauthorized: " + reason);
    }

    private Reply faultReply(FaultRules.Rule fault) {
        int status = fault.status;
        Reply reply = switch (status) {
            case 429 -> Reply.error(429, "Throttled", "Too many requests.");
            case 412 -> Reply.error(412, "PreconditionFailed", "Precondition failed, please try again.");
            case 500, 502 -> Reply.error(status, "ServiceError", "Unknown");
            case 503, 504 -> Reply.empty(status);
            default -> status >= 400 ? Reply.error(status, "ServiceError", "Injected fault") : Reply.empty(status);
        };
        if (fault.duration != null) {
            reply.header("Retry-After", Long.toString(Math.max(0, (fault.duration.toMillis() + 999) / 1000)));
        }
        return reply.note("fault: injected " + status);
    }

    /** The conversation a request is about (for rate limits and fault rules), or {@code null}. */
    private String conversationKey(Route route, Call call) {
        String cid = call.var("conversationId");
        if (cid != null) {
            return cid;
        }
        if (call.var("teamId") != null) {
            return call.var("teamId");
        }
        if (call.var("meetingId") != null) {
            return call.var("meetingId");
        }
        if ("createConversation".equals(route.name)) {
            try {
                JsonNode p = call.json();
                String channel = Json2.text(p, "channelData", "channel", "id");
                if (channel != null) {
                    return channel;
                }
                JsonNode members = Json2.field(p, "members");
                if (members.isArray() && members.size() == 1) {
                    String id = Json2.text(members.get(0), "id");
                    FakeUser u = world.findUser(id);
                    return u != null ? world.personalId(u.id()) : id;
                }
            } catch (ApiError e) {
                return null;
            }
        }
        return null;
    }

    private Exchange exchange(RecordedRequest request, HttpUrl url, Route route, byte[] body, int status,
                              Map<String, List<String>> responseHeaders, String responseBody, String note) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Headers h = request.getHeaders();
        for (String name : h.names()) {
            List<String> values = h.values(name);
            if (name.equalsIgnoreCase("Authorization")) {
                values = values.stream().map(v -> v.startsWith("Bearer ") ? "Bearer <redacted>" : "<redacted>").toList();
            }
            headers.put(name, values);
        }
        String requestBody = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        if (route != null && "token".equals(route.name)) {
            requestBody = requestBody.replaceAll("(client_secret|client_assertion)=[^&]*", "$1=<redacted>");
        }
        return new Exchange(now(), request.getMethod(), url.encodedPath(), url.encodedQuery(),
                route == null ? null : route.toString(), headers, requestBody, status, responseHeaders, responseBody,
                note);
    }

    private void journal(Exchange e) {
        exchanges.addLast(e);
        if (exchanges.size() > settings.journalLimit()) {
            exchanges.removeFirst();
        }
        lock.notifyAll();
    }

    void recordTokenRequest(TokenRequest t) {
        tokenRequests.add(t);
    }

    private String requestId() {
        byte[] b = new byte[20];
        random.nextBytes(b);
        String hex = HexFormat.of().formatHex(b);
        return "|" + hex.substring(0, 32) + "." + hex.substring(32, 40) + "_";
    }

    private String msCv() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return java.util.Base64.getEncoder().withoutPadding().encodeToString(b) + ".0";
    }

    // ------------------------------------------------------------------ domain operations (hold the lock)

    /** The service URL of a tenant ({@code http://127.0.0.1:PORT/amer/<tenant>/}). */
    public String serviceUrl(String tenantId) {
        World.Tenant t = world.tenants.get(tenantId);
        if (t == null) {
            throw new IllegalArgumentException("No tenant " + tenantId + " in the fake; tenants: " + world.tenants.keySet());
        }
        return baseUrl + "/" + t.region() + "/" + t.id() + "/";
    }

    /** Checks size and parses an activity; answers 413 / 400 as the service does. */
    JsonNode checkActivity(JsonNode activity) {
        if (activity == null || !activity.isObject()) {
            throw ApiError.badArgument("The activity must be a JSON object");
        }
        if (Json.writeBytes(activity).length > settings.maxMessageBytes()) {
            throw ApiError.of(413, "MessageSizeTooBig", "Message size too large.");
        }
        if (Json2.text(activity, "type") == null) {
            throw ApiError.badArgument("Activity type is required");
        }
        ActivityRules.checkContent(activity);
        Activity.fromJson(activity.toString());
        CardRules.check(activity);
        return activity;
    }

    /** Whether the bot may post into a conversation; answers 403 as the service does. */
    void checkWritable(World.Conv c) {
        if ("personal".equals(c.type)) {
            FakeUser u = world.users.get(c.userId);
            if (world.blockedUsers.contains(u.id())) {
                throw new ApiError(new Reply(403, MESSAGE_WRITES_BLOCKED, "application/json; charset=utf-8")
                        .header("ContextId", "tcid=0,server=fake,cv=" + msCv()).note("user blocked the bot"));
            }
            if (!world.reachable(u)) {
                throw ApiError.notInRoster();
            }
        } else if ("groupChat".equals(c.type)) {
            checkTeamAccess(c.id);
        } else {
            checkTeamAccess(c.teamId);
            World.ChannelRef ch = world.channels.get(c.channelId);
            if (ch != null && ch.channel().privateChannel()) {
                throw ApiError.of(403, "ForbiddenOperationException",
                        "Bots cannot post to private channels (channel '" + ch.channel().name() + "').");
            }
        }
    }

    void checkReadable(World.Conv c) {
        if ("personal".equals(c.type)) {
            if (!world.reachable(world.users.get(c.userId))) {
                throw ApiError.notInRoster();
            }
        } else {
            checkTeamAccess("groupChat".equals(c.type) ? c.id : c.teamId);
        }
    }

    void checkTeamAccess(String teamId) {
        if (!world.installedTeams.contains(teamId)) {
            throw ApiError.notInRoster();
        }
    }

    /** A conversation by id, including thread ids; 404 ConversationNotFound when unknown. */
    World.Conv requireConversation(String id) {
        World.Conv c = world.conversation(id);
        if (c == null) {
            int i = id.indexOf(";messageid=");
            if (i > 0) {
                World.Conv channel = world.conversation(id.substring(0, i));
                String root = id.substring(i + ";messageid=".length());
                if (channel != null && channel.current.containsKey(root)) {
                    c = new World.Conv(id, "thread", channel.tenantId, null, channel.teamId, channel.channelId);
                    world.conversations.put(id, c);
                }
            }
        }
        if (c == null) {
            throw ApiError.conversationNotFound();
        }
        return c;
    }

    ObjectNode requireActivity(World.Conv c, String activityId) {
        ObjectNode a = c.current.get(activityId);
        if (a == null) {
            throw ApiError.of(404, "ActivityNotFoundInConversation", "Conversation not found.");
        }
        return a;
    }

    /** Stores an activity sent by the bot and returns its id. */
    String storeBotActivity(World.Conv c, JsonNode in, String replyToId, String id) {
        ObjectNode a = ((ObjectNode) in).deepCopy();
        Instant now = now();
        String activityId = id != null ? id : world.nextActivityId(now);
        a.put("id", activityId);
        a.put("timestamp", now.toString());
        a.put("channelId", "msteams");
        a.put("serviceUrl", serviceUrl(c.tenantId));
        boolean personal = "personal".equals(c.type);
        a.set("conversation", Json2.obj("isGroup", personal ? null : Boolean.TRUE, "conversationType",
                conversationType(c), "id", c.id, "tenantId", c.tenantId));
        if (!a.hasNonNull("from")) {
            a.set("from", Json2.obj("id", world.botId(), "name", world.botName));
        }
        if (personal && !a.hasNonNull("recipient")) {
            FakeUser u = world.users.get(c.userId);
            a.set("recipient", Json2.obj("id", u.id(), "name", u.name(), "aadObjectId", u.aadObjectId()));
        }
        if (replyToId != null) {
            a.put("replyToId", replyToId);
        }
        Activity activity = Activity.fromJson(a.toString());
        c.current.put(activityId, a);
        c.history.add(new ActivityEvent(ActivityEvent.Kind.CREATED, activity, now));
        world.sent.add(new Object[] {c.id, activity});
        lock.notifyAll();
        return activityId;
    }

    void updateActivity(World.Conv c, String activityId, JsonNode in) {
        ObjectNode old = requireActivity(c, activityId);
        ObjectNode a = ((ObjectNode) in).deepCopy();
        for (String keep : List.of("id", "timestamp", "channelId", "serviceUrl", "conversation", "from", "recipient",
                "replyToId")) {
            if (!a.hasNonNull(keep) && old.hasNonNull(keep)) {
                a.set(keep, old.get(keep));
            }
        }
        a.put("id", activityId);
        c.current.put(activityId, a);
        c.history.add(new ActivityEvent(ActivityEvent.Kind.UPDATED, Activity.fromJson(a.toString()), now()));
        mirror(c, activityId, a);
    }

    /** A thread's root message is also a post of its channel: keep both views of it in step. */
    private void mirror(World.Conv c, String activityId, ObjectNode current) {
        World.Conv other = null;
        if ("thread".equals(c.type)) {
            other = world.conversations.get(c.id.substring(0, c.id.indexOf(";messageid=")));
        } else if ("channel".equals(c.type)) {
            other = world.conversations.get(c.id + ";messageid=" + activityId);
        }
        if (other != null && other.current.containsKey(activityId)) {
            if (current == null) {
                other.current.remove(activityId);
            } else {
                other.current.put(activityId, current);
            }
        }
    }

    void deleteActivity(World.Conv c, String activityId) {
        ObjectNode old = requireActivity(c, activityId);
        c.current.remove(activityId);
        c.history.add(new ActivityEvent(ActivityEvent.Kind.DELETED, Activity.fromJson(old.toString()), now()));
        mirror(c, activityId, null);
    }

    ObjectNode memberJson(FakeUser u) {
        return Json2.obj("id", u.id(), "name", u.name(), "objectId", u.aadObjectId(), "givenName", u.givenName(),
                "surname", u.surname(), "email", u.email(), "userPrincipalName", u.userPrincipalName(), "tenantId",
                u.tenantId(), "userRole", "user");
    }

    // ------------------------------------------------------------------ API used by FakeConnector (takes the lock)

    /** Runs {@code action} holding the lock. */
    public <T> T locked(java.util.function.Supplier<T> action) {
        synchronized (lock) {
            return action.get();
        }
    }

    /** Adds a user at run time. */
    public FakeUser addUser(FakeUser user) {
        synchronized (lock) {
            if (!world.tenants.containsKey(user.tenantId())) {
                throw new IllegalArgumentException("No tenant " + user.tenantId() + " in the fake; tenants: "
                        + world.tenants.keySet());
            }
            world.addUser(user);
            return user;
        }
    }

    /** Adds a team at run time. */
    public FakeTeam addTeam(FakeTeam team) {
        synchronized (lock) {
            world.addTeam(team);
            return team;
        }
    }

    /** A user by name or id. */
    public FakeUser user(String nameOrId) {
        synchronized (lock) {
            return world.requireUser(nameOrId);
        }
    }

    /** All users. */
    public List<FakeUser> users() {
        synchronized (lock) {
            return List.copyOf(world.users.values());
        }
    }

    /** A team by name or id. */
    public FakeTeam team(String nameOrId) {
        synchronized (lock) {
            return world.requireTeam(nameOrId);
        }
    }

    /** All teams. */
    public List<FakeTeam> teams() {
        synchronized (lock) {
            return List.copyOf(world.teams.values());
        }
    }

    /** All meetings. */
    public List<io.github.botconnector.testing.FakeMeeting> meetings() {
        synchronized (lock) {
            return List.copyOf(world.meetings.values());
        }
    }

    /** Tenant ids. */
    public List<String> tenantIds() {
        synchronized (lock) {
            return List.copyOf(world.tenants.keySet());
        }
    }

    /** The bot's app id. */
    public String botAppId() {
        return settings.seed().botAppId();
    }

    /** Installs the bot for a user and returns the personal conversation's reference. */
    public ConversationReference installBotFor(String userNameOrId) {
        synchronized (lock) {
            FakeUser u = world.requireUser(userNameOrId);
            world.installedUsers.add(u.id());
            World.Conv c = world.personal(u);
            return reference(c, u);
        }
    }

    /** The id of the bot's personal conversation with a user. */
    public String personalConversationId(String userId) {
        synchronized (lock) {
            return world.personalId(userId);
        }
    }

    /** Uninstalls the bot for a user. */
    public void uninstallBotFor(String userNameOrId) {
        synchronized (lock) {
            world.installedUsers.remove(world.requireUser(userNameOrId).id());
        }
    }

    /** Marks the user as having blocked the bot. */
    public void blockBot(String userNameOrId, boolean blocked) {
        synchronized (lock) {
            FakeUser u = world.requireUser(userNameOrId);
            if (blocked) {
                world.blockedUsers.add(u.id());
            } else {
                world.blockedUsers.remove(u.id());
            }
        }
    }

    /** Installs the bot in a team and returns the General channel's reference. */
    public ConversationReference installBotInTeam(String teamNameOrId) {
        synchronized (lock) {
            FakeTeam t = world.requireTeam(teamNameOrId);
            world.installedTeams.add(t.id());
            return reference(world.conversation(t.id()), null);
        }
    }

    /** Removes the bot from a team. */
    public void uninstallBotFromTeam(String teamNameOrId) {
        synchronized (lock) {
            world.installedTeams.remove(world.requireTeam(teamNameOrId).id());
        }
    }

    static String conversationType(World.Conv c) {
        return switch (c.type) {
            case "personal" -> "personal";
            case "groupChat" -> "groupChat";
            default -> "channel";
        };
    }

    /** A group chat by topic or id. */
    public io.github.botconnector.testing.FakeGroupChat groupChat(String topicOrId) {
        synchronized (lock) {
            return world.groupChats.values().stream().filter(g -> g.id().equals(topicOrId) || g.topic().equals(topicOrId))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("No group chat '" + topicOrId
                            + "' in the fake; group chats: " + world.groupChats.values().stream()
                            .map(io.github.botconnector.testing.FakeGroupChat::topic).toList()));
        }
    }

    /** Installs (or removes) the bot in a group chat; returns the chat's reference. */
    public ConversationReference installBotInGroupChat(String chatId, boolean install) {
        synchronized (lock) {
            if (install) {
                world.installedTeams.add(chatId);
            } else {
                world.installedTeams.remove(chatId);
            }
            return reference(world.conversation(chatId), null);
        }
    }

    /** A reference to a conversation the way a stored install event would give it. */
    ConversationReference reference(World.Conv c, FakeUser u) {
        boolean personal = "personal".equals(c.type);
        ConversationAccount.Builder conv = ConversationAccount.builder().id(c.id).tenantId(c.tenantId)
                .conversationType(conversationType(c));
        if (!personal) {
            conv.isGroup(true);
        }
        ConversationReference.Builder b = ConversationReference.builder()
                .bot(ChannelAccount.builder().id(world.botId()).name(world.botName).role("bot").build())
                .conversation(conv.build())
                .channelId("msteams")
                .locale("en-US")
                .serviceUrl(serviceUrl(c.tenantId));
        if (u != null) {
            b.user(u.toChannelAccount());
        }
        return b.build();
    }

    /** A conversation snapshot. */
    public FakeConversation conversation(String id) {
        synchronized (lock) {
            World.Conv c = world.conversations.get(id);
            if (c == null) {
                throw new IllegalArgumentException("No conversation " + id + " in the fake; conversations: "
                        + world.conversations.keySet());
            }
            return c.snapshot();
        }
    }

    /** All conversation snapshots. */
    public List<FakeConversation> conversations() {
        synchronized (lock) {
            return world.conversations.values().stream().map(World.Conv::snapshot).toList();
        }
    }

    /** Current activities of the personal conversation with a user. */
    public List<Activity> activitiesSentTo(String userNameOrId) {
        synchronized (lock) {
            FakeUser u = world.requireUser(userNameOrId);
            World.Conv c = world.conversations.get(world.personalId(u.id()));
            return c == null ? List.of() : c.snapshot().activities();
        }
    }

    /** Every activity the bot sent since start or reset, in order. */
    public List<Activity> sentActivities() {
        synchronized (lock) {
            return world.sent.stream().map(o -> (Activity) o[1]).toList();
        }
    }

    /** Blocks until the bot sent {@code n} activities; {@code null} on timeout. */
    public List<Activity> awaitSent(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (world.sent.size() < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return world.sent.stream().map(o -> (Activity) o[1]).toList();
        }
    }

    /** The journal. */
    public List<Exchange> exchanges() {
        synchronized (lock) {
            return List.copyOf(exchanges);
        }
    }

    /** Token requests. */
    public List<TokenRequest> tokenRequests() {
        synchronized (lock) {
            return List.copyOf(tokenRequests);
        }
    }

    /** Back to the seed: conversations, journal, installs, faults and rate-limit windows reset. */
    public void reset() {
        synchronized (lock) {
            world = new World(settings.seed());
            exchanges.clear();
            tokenRequests.clear();
            faults.clear();
            limiter.reset();
        }
    }

    /** A signed access token as the fake's token endpoint would issue, with any audience and lifetime. */
    public String mintAccessToken(String audience, Duration lifetime) {
        return keys.accessToken("botframework.com", botAppId(), audience, now(), lifetime.toSeconds());
    }

    /** A channel token for an inbound activity. */
    public String channelToken(String serviceUrl, boolean trusted) {
        return keys.channelToken(botAppId(), serviceUrl, now(), trusted);
    }
}
