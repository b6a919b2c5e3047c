package io.github.botconnector.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.testing.ActivityEvent;
import io.github.botconnector.testing.AuthMode;
import io.github.botconnector.testing.FakeUser;
import io.github.botconnector.testing.RateLimits;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The Teams world of the fake and the rules the service applies to it: what may be posted where, how activities are
 * checked, stored, updated and deleted. The routes call these rules; {@link RequestPipeline} runs them under
 * {@link #locked}; {@code FakeConnector} reads and changes the {@link World} through {@link #locked} too. Not public
 * API.
 */
public final class FakeService {

    /** Settings fixed at start. */
    public record Settings(Seed seed, InstantSource clock, AuthMode auth, RateLimits rateLimits,
                           Map<String, String> clientSecrets, Map<String, RSAPublicKey> clientKeys, int maxMessageBytes,
                           Duration tokenLifetime, int journalLimit) {
    }

    static final String MESSAGE_WRITES_BLOCKED = "{\"errorCode\":209,\"message\":\"{\\r\\n  \\\"subCode\\\": "
            + "\\\"MessageWritesBlocked\\\",\\r\\n  \\\"details\\\": \\\"Thread is blocked from message writes.\\\","
            + "\\r\\n  \\\"errorCode\\\": null,\\r\\n  \\\"errorSubCode\\\": null\\r\\n}\"}";

    /** How many activity shapes are remembered as valid (see {@link #readsAsActivity}). */
    private static final int VALIDATED_CACHE = 256;
    /** Members whose text varies per recipient and is a plain string wherever the SDK's models read it. */
    private static final Set<String> FREE_TEXT = Set.of("id", "name", "aadObjectId", "text", "tenantId",
            "serviceUrl");

    final Object lock = new Object();
    final Settings settings;
    private final InstantSource clock;
    private final Keys keys = new Keys();
    private final GraphState graph = new GraphState(lock);
    /** Shapes of activities that {@link Activity#fromJson} read without complaint, most recent last. */
    private final Map<String, Boolean> validated = new LinkedHashMap<>(VALIDATED_CACHE * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > VALIDATED_CACHE;
        }
    };
    World world;
    private volatile String baseUrl = "http://127.0.0.1:0";
    /**
     * Called (holding the lock) when the bot gets installed through the Graph routes: (user id or null, team id or
     * null).
     */
    private volatile BiConsumer<String, String> installListener = (u, t) -> { };

    /** Creates the service for a seed. */
    public FakeService(Settings settings) {
        this.settings = settings;
        this.clock = settings.clock();
        this.world = newWorld();
    }

    private World newWorld() {
        return new World(settings.seed(), () -> baseUrl);
    }

    /** Runs {@code action} on the world holding the lock. */
    public <T> T locked(Function<World, T> action) {
        synchronized (lock) {
            return action.apply(world);
        }
    }

    /** Back to the seed (the world only; the pipeline resets its own state). */
    void resetWorld() {
        synchronized (lock) {
            world = newWorld();
        }
    }

    /** Sets what happens when the bot is installed through the Graph routes. */
    public void installListener(BiConsumer<String, String> listener) {
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

    Keys keys() {
        return keys;
    }

    /** The fake's current time. */
    public Instant now() {
        return clock.instant();
    }

    /** A fresh activity id (epoch milliseconds, unique and increasing). */
    public String nextActivityId() {
        synchronized (lock) {
            return world.nextActivityId(now());
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
            return world.sentActivities();
        }
    }

    /** A signed access token as the fake's token endpoint would issue, with any audience and lifetime. */
    public String mintAccessToken(String audience, Duration lifetime) {
        return keys.accessToken("botframework.com", settings.seed().botAppId(), audience, now(), lifetime.toSeconds());
    }

    /** A channel token for an inbound activity. */
    public String channelToken(String serviceUrl, boolean trusted) {
        return keys.channelToken(settings.seed().botAppId(), serviceUrl, now(), trusted);
    }

    // ------------------------------------------------------------------ the rules (callers hold the lock)

    /** The service URL of a tenant ({@code http://127.0.0.1:PORT/amer/<tenant>/}). */
    String serviceUrl(String tenantId) {
        return world.serviceUrl(tenantId);
    }

    /** Checks size and parses an activity; answers 413 / 400 as the service does. */
    JsonNode checkActivity(JsonNode activity) {
        return checkActivity(activity, null);
    }

    /** {@link #checkActivity(JsonNode)} of a request's activity, with what was checked when its body was read. */
    JsonNode checkActivity(Call call) {
        return checkActivity(call.json(), call.requestBody);
    }

    private JsonNode checkActivity(JsonNode activity, RequestBody body) {
        if (activity == null || !activity.isObject()) {
            throw ApiError.badArgument("The activity must be a JSON object");
        }
        boolean checked = body != null && body.checked(activity);
        // The limit applies to the compact JSON. Written compactly, a tree is never more than twice as long as the
        // text it was read from (whitespace goes, escapes stay or shrink; only a number in exponent form grows, by
        // one character: 1e2 becomes 1E+2), so a body under half the limit needs no second writing.
        String json = checked && (long) body.bytes.length * 2 <= settings.maxMessageBytes() ? null
                : activity.toString();
        if (json != null && utf8Length(json) > settings.maxMessageBytes()) {
            throw ApiError.of(413, "MessageSizeTooBig", "Message size too large.");
        }
        if (Json2.text(activity, "type") == null) {
            throw ApiError.badArgument("Activity type is required");
        }
        ActivityRules.checkContent(activity);
        RuntimeException invalid = checked ? body.invalid() : readsAsActivity(activity, json);
        if (invalid != null) {
            throw invalid;
        }
        CardRules.check(activity);
        return activity;
    }

    /**
     * Whether the SDK's {@code Activity} model reads an activity ({@code json}: its text): {@code null} if it does,
     * else what it threw. Activities that differ only in the texts of {@link #FREE_TEXT} members (every model
     * field of those names is a plain string, so their text cannot make the model refuse) are read once: a broadcast
     * sends one activity to many conversations. Needs no lock: the cache of what was read has its own.
     */
    RuntimeException readsAsActivity(JsonNode activity, String json) {
        String key = Json2.shapeKey(activity, FREE_TEXT);
        synchronized (validated) {
            if (validated.get(key) != null) {
                return null;
            }
        }
        try {
            Activity.fromJson(json);
        } catch (RuntimeException e) {
            return e;
        }
        synchronized (validated) {
            validated.put(key, Boolean.TRUE);
        }
        return null;
    }

    private static int utf8Length(String s) {
        int n = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return s.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return n;
    }

    /** Whether the bot may post into a conversation; answers 403 as the service does. */
    void checkWritable(World.Conv c) {
        if ("personal".equals(c.type)) {
            FakeUser u = world.users.get(c.userId);
            if (world.blockedUsers.contains(u.id())) {
                throw new ApiError(new Reply(403, MESSAGE_WRITES_BLOCKED, "application/json; charset=utf-8")
                        .header("ContextId", "tcid=0,server=fake,cv=" + RequestPipeline.msCv())
                        .note("user blocked the bot"));
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

    /** Stores (a copy of) an activity sent by the bot and returns its id. */
    String storeBotActivity(World.Conv c, JsonNode in, String replyToId, String id) {
        return storeOwnedActivity(c, ((ObjectNode) in).deepCopy(), replyToId, id);
    }

    /**
     * Stores an activity sent by the bot and returns its id, keeping {@code a} itself (a request's own tree that
     * nothing else uses; a tree posted to several conversations goes through {@link #storeBotActivity}).
     */
    String storeOwnedActivity(World.Conv c, ObjectNode a, String replyToId, String id) {
        Instant now = now();
        String activityId = id != null ? id : world.nextActivityId(now);
        a.put("id", activityId);
        a.put("timestamp", now.toString());
        a.put("channelId", "msteams");
        a.put("serviceUrl", serviceUrl(c.tenantId));
        boolean personal = "personal".equals(c.type);
        a.set("conversation", Json2.obj("isGroup", personal ? null : Boolean.TRUE, "conversationType",
                World.conversationType(c), "id", c.id, "tenantId", c.tenantId));
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
        World.Stored stored = new World.Stored(a);
        c.current.put(activityId, a);
        c.history.add(new World.Event(ActivityEvent.Kind.CREATED, stored, now));
        world.sent.add(stored);
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
        c.history.add(new World.Event(ActivityEvent.Kind.UPDATED, new World.Stored(a), now()));
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
        c.history.add(new World.Event(ActivityEvent.Kind.DELETED, new World.Stored(old), now()));
        mirror(c, activityId, null);
    }

    ObjectNode memberJson(FakeUser u) {
        return Json2.obj("id", u.id(), "name", u.name(), "objectId", u.aadObjectId(), "givenName", u.givenName(),
                "surname", u.surname(), "email", u.email(), "userPrincipalName", u.userPrincipalName(), "tenantId",
                u.tenantId(), "userRole", "user");
    }
}
