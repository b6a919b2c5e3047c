package io.github.botconnector.testing.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.schema.ConversationAccount;
import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.testing.ActivityEvent;
import io.github.botconnector.testing.FakeChannel;
import io.github.botconnector.testing.FakeConversation;
import io.github.botconnector.testing.FakeGroupChat;
import io.github.botconnector.testing.FakeMeeting;
import io.github.botconnector.testing.FakeTeam;
import io.github.botconnector.testing.FakeUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The Teams world of the fake: tenants, users, teams, chats, installs, conversations and what the bot sent. Every
 * access holds the {@link FakeService} lock ({@link FakeService#locked}); the public methods are the operations
 * {@code FakeConnector} and the admin routes offer on it. Not public API.
 */
public final class World {

    /**
     * An activity as stored: the JSON tree, never changed after it is stored, and the {@link Activity} read from it
     * on first use (the send path stores trees only; tests read models).
     */
    static final class Stored {
        final ObjectNode json;
        private Activity activity;

        Stored(ObjectNode json) {
            this.json = json;
        }

        Activity activity() {
            Activity a = activity;
            if (a == null) {
                a = Activity.fromJson(json.toString());
                activity = a;
            }
            return a;
        }
    }

    /** One entry of a conversation's history, its activity read on first use. */
    record Event(ActivityEvent.Kind kind, Stored stored, Instant at) {
        ActivityEvent toEvent() {
            return new ActivityEvent(kind, stored.activity(), at);
        }
    }

    /** A conversation and its activity journal. */
    static final class Conv {
        final String id;
        final String type;
        final String tenantId;
        final String userId;
        final String teamId;
        final String channelId;
        final LinkedHashMap<String, ObjectNode> current = new LinkedHashMap<>();
        final List<Event> history = new ArrayList<>();

        Conv(String id, String type, String tenantId, String userId, String teamId, String channelId) {
            this.id = id;
            this.type = type;
            this.tenantId = tenantId;
            this.userId = userId;
            this.teamId = teamId;
            this.channelId = channelId;
        }

        FakeConversation snapshot() {
            // a current activity is the tree of its latest history entry: read each model once, not per snapshot
            Map<ObjectNode, Stored> read = new IdentityHashMap<>();
            for (Event e : history) {
                read.put(e.stored.json, e.stored);
            }
            List<Activity> list = new ArrayList<>();
            for (ObjectNode n : current.values()) {
                Stored s = read.get(n);
                list.add(s != null ? s.activity() : Activity.fromJson(n.toString()));
            }
            return new FakeConversation(id, type, tenantId, userId, teamId, list,
                    history.stream().map(Event::toEvent).toList());
        }
    }

    /** A tenant: id and service URL region. */
    record Tenant(String id, String region) {
    }

    /** A channel with its team. */
    record ChannelRef(FakeTeam team, FakeChannel channel) {
    }

    /** A batch operation. */
    static final class BatchOp {
        final String id;
        String state = "Completed";
        final Map<String, Integer> statusMap = new LinkedHashMap<>();
        final List<String[]> failed = new ArrayList<>();
        int total;

        BatchOp(String id) {
            this.id = id;
        }
    }

    /** An uploaded attachment. */
    record Attachment(String id, String name, String type, byte[] original, byte[] thumbnail) {
    }

    final String botAppId;
    final String botName;
    final Map<String, Tenant> tenants = new LinkedHashMap<>();
    final Map<String, FakeUser> users = new LinkedHashMap<>();
    final Map<String, FakeTeam> teams = new LinkedHashMap<>();
    final Map<String, ChannelRef> channels = new HashMap<>();
    final Map<String, FakeMeeting> meetings = new LinkedHashMap<>();
    final Map<String, FakeGroupChat> groupChats = new LinkedHashMap<>();
    final Set<String> installedUsers = new HashSet<>();
    final Set<String> blockedUsers = new HashSet<>();
    final Set<String> installedTeams = new HashSet<>();
    final Map<String, Conv> conversations = new LinkedHashMap<>();
    final Map<String, BatchOp> batchOps = new HashMap<>();
    final Map<String, Attachment> attachments = new HashMap<>();
    /** Targeted messages and the bot's reactions. */
    final MessageFeatures messageFeatures = new MessageFeatures();
    /** Activities the bot sent, in order. */
    final List<Stored> sent = new ArrayList<>();
    long lastActivityId;
    /** Personal conversation ids fixed by the seed (user id to conversation id). */
    final Map<String, String> personalIds = new HashMap<>();

    private final Supplier<String> baseUrl;

    /** @param baseUrl the server's base URL once known ({@code http://127.0.0.1:PORT}, no trailing slash) */
    World(Seed seed, Supplier<String> baseUrl) {
        this.baseUrl = baseUrl;
        this.botAppId = seed.botAppId();
        this.botName = seed.botName();
        for (Seed.Tenant t : seed.tenants()) {
            tenants.put(t.id(), new Tenant(t.id(), t.region()));
            t.users().forEach(this::addUser);
            t.teams().forEach(this::addTeam);
            t.meetings().forEach(m -> meetings.put(m.id(), m));
            t.groupChats().forEach(g -> groupChats.put(g.id(), g));
            installedUsers.addAll(t.installedUserIds());
            blockedUsers.addAll(t.blockedUserIds());
            installedTeams.addAll(t.installedTeamIds());
            personalIds.putAll(t.personalConversationIds());
        }
    }

    void addUser(FakeUser u) {
        if (users.containsKey(u.id())) {
            throw new IllegalArgumentException("A user with id " + u.id() + " exists already");
        }
        users.put(u.id(), u);
    }

    void addTeam(FakeTeam t) {
        teams.put(t.id(), t);
        for (FakeChannel c : t.channels()) {
            channels.put(c.id(), new ChannelRef(t, c));
        }
    }

    String botId() {
        return "28:" + botAppId;
    }

    /** A user by Teams id, Entra object id, UPN or email (case-insensitive for the last two), or {@code null}. */
    FakeUser findUser(String idOrAad) {
        if (idOrAad == null) {
            return null;
        }
        FakeUser u = users.get(idOrAad);
        if (u != null) {
            return u;
        }
        for (FakeUser x : users.values()) {
            if (x.aadObjectId().equalsIgnoreCase(idOrAad) || x.userPrincipalName().equalsIgnoreCase(idOrAad)
                    || x.email().equalsIgnoreCase(idOrAad)) {
                return x;
            }
        }
        return null;
    }

    /** A user by name or any id; throws with the known names when absent. */
    FakeUser requireUser(String nameOrId) {
        FakeUser u = findUser(nameOrId);
        if (u == null) {
            u = users.values().stream().filter(x -> x.name().equals(nameOrId)).findFirst().orElse(null);
        }
        if (u == null) {
            throw new IllegalArgumentException("No user '" + nameOrId + "' in the fake; users: "
                    + users.values().stream().map(FakeUser::name).toList());
        }
        return u;
    }

    FakeTeam requireTeam(String nameOrId) {
        FakeTeam t = teams.get(nameOrId);
        if (t == null) {
            t = teams.values().stream().filter(x -> x.name().equals(nameOrId) || x.aadGroupId().equals(nameOrId))
                    .findFirst().orElse(null);
        }
        if (t == null) {
            throw new IllegalArgumentException("No team '" + nameOrId + "' in the fake; teams: "
                    + teams.values().stream().map(FakeTeam::name).toList());
        }
        return t;
    }

    /** Whether the bot can reach the user proactively: personal install, or member of a team with the bot. */
    boolean reachable(FakeUser u) {
        if (installedUsers.contains(u.id())) {
            return true;
        }
        for (FakeTeam t : teams.values()) {
            if (installedTeams.contains(t.id()) && t.memberIds().contains(u.id())) {
                return true;
            }
        }
        return false;
    }

    Conv personal(FakeUser u) {
        String id = personalId(u.id());
        return conversations.computeIfAbsent(id, k -> new Conv(k, "personal", u.tenantId(), u.id(), null, null));
    }

    String personalId(String userId) {
        return personalIds.getOrDefault(userId, Ids.personalConversationId(botAppId, userId));
    }

    /** A conversation by id (channels and threads of known teams are materialized on first use), or {@code null}. */
    Conv conversation(String id) {
        Conv c = conversations.get(id);
        if (c != null) {
            return c;
        }
        Conv oneOnOne = graphChat(id);
        if (oneOnOne != null) {
            return oneOnOne;
        }
        FakeGroupChat chat = groupChats.get(id);
        if (chat != null) {
            c = new Conv(id, "groupChat", chat.tenantId(), null, null, null);
            conversations.put(id, c);
            return c;
        }
        ChannelRef ch = channels.get(id);
        if (ch != null) {
            c = new Conv(id, "channel", ch.team().tenantId(), null, ch.team().id(), id);
            conversations.put(id, c);
            return c;
        }
        return null;
    }

    /**
     * The 1:1 chat by its Microsoft Graph id ({@code 19:<userObjectId>_<botAppId>@unq.gbl.spaces}), which Teams
     * accepts as the conversation id once the app is installed for the user; {@code null} otherwise.
     */
    private Conv graphChat(String id) {
        String suffix = "_" + botAppId + "@unq.gbl.spaces";
        if (!id.startsWith("19:") || !id.endsWith(suffix)) {
            return null;
        }
        FakeUser u = findUser(id.substring(3, id.length() - suffix.length()));
        return u != null && installedUsers.contains(u.id()) ? personal(u) : null;
    }

    String nextActivityId(Instant now) {
        long id = Math.max(now.toEpochMilli(), lastActivityId + 1);
        lastActivityId = id;
        return Long.toString(id);
    }

    List<FakeUser> roster(Conv c) {
        if ("personal".equals(c.type)) {
            return List.of(users.get(c.userId));
        }
        if ("groupChat".equals(c.type)) {
            return groupChats.get(c.id).memberIds().stream().map(users::get).toList();
        }
        FakeTeam t = teams.get(c.teamId);
        List<FakeUser> out = new ArrayList<>();
        for (String id : t.memberIds()) {
            out.add(users.get(id));
        }
        return out;
    }

    /** The service URL of a tenant ({@code http://127.0.0.1:PORT/amer/<tenant>/}). */
    public String serviceUrl(String tenantId) {
        Tenant t = tenants.get(tenantId);
        if (t == null) {
            throw new IllegalArgumentException("No tenant " + tenantId + " in the fake; tenants: " + tenants.keySet());
        }
        return baseUrl.get() + "/" + t.region() + "/" + t.id() + "/";
    }

    static String conversationType(Conv c) {
        return switch (c.type) {
            case "personal" -> "personal";
            case "groupChat" -> "groupChat";
            default -> "channel";
        };
    }

    /** A reference to a conversation the way a stored install event would give it. */
    ConversationReference reference(Conv c) {
        boolean personal = "personal".equals(c.type);
        ConversationAccount.Builder conv = ConversationAccount.builder().id(c.id).tenantId(c.tenantId)
                .conversationType(conversationType(c));
        if (!personal) {
            conv.isGroup(true);
        }
        ConversationReference.Builder b = ConversationReference.builder()
                .bot(ChannelAccount.builder().id(botId()).name(botName).role("bot").build())
                .conversation(conv.build())
                .channelId("msteams")
                .locale("en-US")
                .serviceUrl(serviceUrl(c.tenantId));
        if (personal) {
            b.user(users.get(c.userId).toChannelAccount());
        }
        return b.build();
    }

    // ------------------------------------------------------------------ operations of FakeConnector and the admin API

    /** The bot's app id. */
    public String botAppId() {
        return botAppId;
    }

    /** Tenant ids in declaration order. */
    public List<String> tenantIds() {
        return List.copyOf(tenants.keySet());
    }

    /** A user by name, Teams id, Entra object id or UPN. */
    public FakeUser user(String nameOrId) {
        return requireUser(nameOrId);
    }

    /** All users. */
    public List<FakeUser> users() {
        return List.copyOf(users.values());
    }

    /** A team by name or id. */
    public FakeTeam team(String nameOrId) {
        return requireTeam(nameOrId);
    }

    /** All teams. */
    public List<FakeTeam> teams() {
        return List.copyOf(teams.values());
    }

    /** All meetings. */
    public List<FakeMeeting> meetings() {
        return List.copyOf(meetings.values());
    }

    /** A group chat by topic or id. */
    public FakeGroupChat groupChat(String topicOrId) {
        return groupChats.values().stream().filter(g -> g.id().equals(topicOrId) || g.topic().equals(topicOrId))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("No group chat '" + topicOrId
                        + "' in the fake; group chats: " + groupChats.values().stream().map(FakeGroupChat::topic)
                        .toList()));
    }

    /** Adds a user of a known tenant at run time. */
    public FakeUser addKnownTenantUser(FakeUser user) {
        if (!tenants.containsKey(user.tenantId())) {
            throw new IllegalArgumentException("No tenant " + user.tenantId() + " in the fake; tenants: "
                    + tenants.keySet());
        }
        addUser(user);
        return user;
    }

    /** Installs the bot for a user and returns the personal conversation's reference. */
    public ConversationReference installBotFor(String userNameOrId) {
        FakeUser u = requireUser(userNameOrId);
        installedUsers.add(u.id());
        return reference(personal(u));
    }

    /** Uninstalls the bot for a user. */
    public void uninstallBotFor(String userNameOrId) {
        installedUsers.remove(requireUser(userNameOrId).id());
    }

    /** Marks the user as having blocked (or unblocked) the bot. */
    public void blockBot(String userNameOrId, boolean blocked) {
        FakeUser u = requireUser(userNameOrId);
        if (blocked) {
            blockedUsers.add(u.id());
        } else {
            blockedUsers.remove(u.id());
        }
    }

    /** Installs the bot in a team and returns the General channel's reference. */
    public ConversationReference installBotInTeam(String teamNameOrId) {
        FakeTeam t = requireTeam(teamNameOrId);
        installedTeams.add(t.id());
        return reference(conversation(t.id()));
    }

    /** Removes the bot from a team. */
    public void uninstallBotFromTeam(String teamNameOrId) {
        installedTeams.remove(requireTeam(teamNameOrId).id());
    }

    /** Installs (or removes) the bot in a group chat; returns the chat's reference. */
    public ConversationReference installBotInGroupChat(String chatId, boolean install) {
        if (install) {
            installedTeams.add(chatId);
        } else {
            installedTeams.remove(chatId);
        }
        return reference(conversation(chatId));
    }

    /** The id of the bot's personal conversation with a user (whether or not it exists yet). */
    public String personalConversationId(String userId) {
        return personalId(userId);
    }

    /** A conversation snapshot. */
    public FakeConversation snapshot(String id) {
        Conv c = conversations.get(id);
        if (c == null) {
            throw new IllegalArgumentException("No conversation " + id + " in the fake; conversations: "
                    + conversations.keySet());
        }
        return c.snapshot();
    }

    /** All conversation snapshots. */
    public List<FakeConversation> snapshots() {
        return conversations.values().stream().map(Conv::snapshot).toList();
    }

    /** Current activities of the personal conversation with a user. */
    public List<Activity> activitiesSentTo(String userNameOrId) {
        FakeUser u = requireUser(userNameOrId);
        Conv c = conversations.get(personalId(u.id()));
        return c == null ? List.of() : c.snapshot().activities();
    }

    /** Every activity the bot sent since start or reset, in order. */
    public List<Activity> sentActivities() {
        return sent.stream().map(Stored::activity).toList();
    }

    /** The bot's current reactions on a message, in the order added. */
    public List<String> reactions(String conversationId, String activityId) {
        return messageFeatures.reactionsOn(conversationId, activityId);
    }

    /** The recipient id of a targeted message, or {@code null}. */
    public String targetedRecipient(String conversationId, String activityId) {
        return messageFeatures.recipientOf(conversationId, activityId);
    }
}
