package io.github.botconnector.testing.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.testing.ActivityEvent;
import io.github.botconnector.testing.FakeChannel;
import io.github.botconnector.testing.FakeConversation;
import io.github.botconnector.testing.FakeMeeting;
import io.github.botconnector.testing.FakeTeam;
import io.github.botconnector.testing.FakeUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The mutable state of the fake. Every access holds the engine's lock. */
final class World {

    /** A conversation and its activity journal. */
    static final class Conv {
        final String id;
        final String type;
        final String tenantId;
        final String userId;
        final String teamId;
        final String channelId;
        final LinkedHashMap<String, ObjectNode> current = new LinkedHashMap<>();
        final List<ActivityEvent> history = new ArrayList<>();

        Conv(String id, String type, String tenantId, String userId, String teamId, String channelId) {
            this.id = id;
            this.type = type;
            this.tenantId = tenantId;
            this.userId = userId;
            this.teamId = teamId;
            this.channelId = channelId;
        }

        FakeConversation snapshot() {
            List<Activity> list = new ArrayList<>();
            for (ObjectNode n : current.values()) {
                list.add(Activity.fromJson(n.toString()));
            }
            return new FakeConversation(id, type, tenantId, userId, teamId, list, history);
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
    final Map<String, io.github.botconnector.testing.FakeGroupChat> groupChats = new LinkedHashMap<>();
    final Set<String> installedUsers = new HashSet<>();
    final Set<String> blockedUsers = new HashSet<>();
    final Set<String> installedTeams = new HashSet<>();
    final Map<String, Conv> conversations = new LinkedHashMap<>();
    final Map<String, BatchOp> batchOps = new HashMap<>();
    final Map<String, Attachment> attachments = new HashMap<>();
    /** Targeted messages and the bot's reactions. */
    final MessageFeatures messageFeatures = new MessageFeatures();
    /** Activities the bot sent, in order, as (conversation id, activity). */
    final List<Object[]> sent = new ArrayList<>();
    long lastActivityId;
    /** Personal conversation ids fixed by the seed (user id to conversation id). */
    final Map<String, String> personalIds = new HashMap<>();

    World(Seed seed) {
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
        io.github.botconnector.testing.FakeGroupChat chat = groupChats.get(id);
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
}
