package io.github.botconnector.testing;

import io.github.botconnector.testing.internal.Ids;
import io.github.botconnector.testing.internal.Seed;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Describes one tenant of the fake's world: its users, teams (with channels and members) and meetings, and where the
 * bot is installed. Ids default to deterministic values in the real formats derived from the names; set them
 * explicitly to match stored fixtures.
 *
 * <pre>{@code
 * FakeConnector.builder().tenant(t -> t.id("c603ca06-...")
 *         .user("Adele Vance", u -> u.botInstalled())
 *         .user("Alex Wilber")
 *         .team("Contoso Operations", team -> team.channel("Incidents").privateChannel("Leads")
 *                 .members("Adele Vance", "Alex Wilber").botInstalled()))
 * }</pre>
 */
public final class TenantSpec {

    private String id = "c603ca06-32cc-4a8f-9a2a-a31442aeb907";
    private String domain = "contoso.example";
    private String region = "amer";
    private final Map<String, UserSpec> users = new LinkedHashMap<>();
    private final List<TeamSpec> teams = new ArrayList<>();
    private final List<MeetingSpec> meetings = new ArrayList<>();
    private final List<GroupChatSpec> groupChats = new ArrayList<>();

    TenantSpec() {
    }

    /** Tenant id (a GUID); defaults to the shared fixtures' tenant {@code c603ca06-32cc-4a8f-9a2a-a31442aeb907}. */
    public TenantSpec id(String id) {
        this.id = requireText(id, "tenant id");
        return this;
    }

    /** Mail domain used for derived emails and UPNs (default {@code contoso.example}). */
    public TenantSpec domain(String domain) {
        this.domain = requireText(domain, "domain");
        return this;
    }

    /** Region segment of the service URL (default {@code amer}: {@code http://127.0.0.1:PORT/amer/<tenant>/}). */
    public TenantSpec region(String region) {
        this.region = requireText(region, "region");
        return this;
    }

    /** Adds a user with derived ids, names, email and UPN. */
    public TenantSpec user(String name) {
        return user(name, u -> { });
    }

    /** Adds a user and customizes it. */
    public TenantSpec user(String name, Consumer<UserSpec> customizer) {
        requireText(name, "user name");
        if (users.containsKey(name)) {
            throw new IllegalArgumentException("Tenant already has a user named '" + name + "'");
        }
        UserSpec spec = new UserSpec(name);
        customizer.accept(spec);
        users.put(name, spec);
        return this;
    }

    /** Adds {@code count} users named {@code "<prefix> 1"}, {@code "<prefix> 2"}, ... (for paging tests). */
    public TenantSpec users(String prefix, int count) {
        for (int i = 1; i <= count; i++) {
            user(prefix + " " + i);
        }
        return this;
    }

    /** Adds a team; its General channel exists already. */
    public TenantSpec team(String name, Consumer<TeamSpec> customizer) {
        TeamSpec spec = new TeamSpec(requireText(name, "team name"));
        customizer.accept(spec);
        teams.add(spec);
        return this;
    }

    /** Adds a group chat (the bot is in it only with {@link GroupChatSpec#botInstalled()}). */
    public TenantSpec groupChat(String topic, Consumer<GroupChatSpec> customizer) {
        GroupChatSpec spec = new GroupChatSpec(requireText(topic, "group chat topic"));
        customizer.accept(spec);
        groupChats.add(spec);
        return this;
    }

    /** Adds a meeting. */
    public TenantSpec meeting(String title, Consumer<MeetingSpec> customizer) {
        MeetingSpec spec = new MeetingSpec(requireText(title, "meeting title"));
        customizer.accept(spec);
        meetings.add(spec);
        return this;
    }

    String id() {
        return id;
    }

    String domain() {
        return domain;
    }

    Seed.Tenant materialize() {
        Map<String, FakeUser> byName = new LinkedHashMap<>();
        Set<String> installed = new HashSet<>();
        Set<String> blocked = new HashSet<>();
        Map<String, String> personalIds = new LinkedHashMap<>();
        for (UserSpec u : users.values()) {
            FakeUser user = u.toUser(id, domain);
            byName.put(u.name, user);
            if (u.installed) {
                installed.add(user.id());
            }
            if (u.blocked) {
                blocked.add(user.id());
            }
            if (u.personalConversationId != null) {
                personalIds.put(user.id(), u.personalConversationId);
            }
        }
        List<FakeTeam> fakeTeams = new ArrayList<>();
        Set<String> installedTeams = new HashSet<>();
        for (TeamSpec t : teams) {
            FakeTeam team = t.toTeam(id, byName);
            fakeTeams.add(team);
            if (t.installed) {
                installedTeams.add(team.id());
            }
        }
        List<FakeGroupChat> chats = new ArrayList<>();
        for (GroupChatSpec g : groupChats) {
            FakeGroupChat chat = g.toChat(id, byName);
            chats.add(chat);
            if (g.installed) {
                installedTeams.add(chat.id());
            }
        }
        List<FakeMeeting> fakeMeetings = new ArrayList<>();
        for (MeetingSpec m : meetings) {
            fakeMeetings.add(m.toMeeting(id, byName));
        }
        return new Seed.Tenant(id, region, List.copyOf(byName.values()), fakeTeams, fakeMeetings, chats, installed, blocked,
                installedTeams, personalIds);
    }

    static FakeUser lookup(Map<String, FakeUser> byName, String nameOrId, String what) {
        FakeUser u = byName.get(nameOrId);
        if (u == null) {
            u = byName.values().stream().filter(x -> x.id().equals(nameOrId) || x.aadObjectId().equals(nameOrId))
                    .findFirst().orElse(null);
        }
        if (u == null) {
            throw new IllegalArgumentException(what + " '" + nameOrId + "' is not a user of the tenant; declare it with"
                    + " user(\"" + nameOrId + "\") first. Users: " + byName.keySet());
        }
        return u;
    }

    static String requireText(String s, String what) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return s;
    }

    /** Describes one user. */
    public static final class UserSpec {
        private final String name;
        private String id;
        private String aadObjectId;
        private String givenName;
        private String surname;
        private String email;
        private String upn;
        private boolean installed;
        private boolean blocked;
        private String personalConversationId;

        UserSpec(String name) {
            this.name = name;
        }

        /** Teams user id ({@code 29:...}). */
        public UserSpec id(String id) {
            this.id = requireText(id, "user id");
            return this;
        }

        /** Entra object id (GUID). */
        public UserSpec aadObjectId(String aadObjectId) {
            this.aadObjectId = requireText(aadObjectId, "aadObjectId");
            return this;
        }

        /** Given name (default: first word of the name). */
        public UserSpec givenName(String givenName) {
            this.givenName = givenName;
            return this;
        }

        /** Surname (default: last word of the name). */
        public UserSpec surname(String surname) {
            this.surname = surname;
            return this;
        }

        /** Email (default: given name + surname initial at the tenant's domain, e.g. {@code AdeleV@contoso.example}). */
        public UserSpec email(String email) {
            this.email = email;
            return this;
        }

        /** UPN (default: the email). */
        public UserSpec userPrincipalName(String upn) {
            this.upn = upn;
            return this;
        }

        /** Fixes the id of the bot's personal conversation with this user (default: derived {@code a:1...}). */
        public UserSpec personalConversationId(String conversationId) {
            this.personalConversationId = requireText(conversationId, "personal conversation id");
            return this;
        }

        /** The bot is installed in the user's personal scope. */
        public UserSpec botInstalled() {
            this.installed = true;
            return this;
        }

        /** The bot is installed for the user, and the user blocked it. */
        public UserSpec blockedBot() {
            this.installed = true;
            this.blocked = true;
            return this;
        }

        boolean installedFlag() {
            return installed;
        }

        boolean blockedFlag() {
            return blocked;
        }

        FakeUser toUser(String tenantId, String domain) {
            String[] words = name.trim().split("\\s+");
            String given = givenName != null ? givenName : words[0];
            String sur = surname != null ? surname : (words.length > 1 ? words[words.length - 1] : "");
            String mail = email != null ? email
                    : given.replaceAll("[^A-Za-z0-9]", "") + (sur.isEmpty() ? "" : sur.substring(0, 1).toUpperCase(Locale.ROOT))
                    + "@" + domain;
            return new FakeUser(id != null ? id : Ids.userId(tenantId, name),
                    aadObjectId != null ? aadObjectId : Ids.aadObjectId(tenantId, name), name, given, sur, mail,
                    upn != null ? upn : mail, tenantId);
        }
    }

    /** Describes one team. */
    public static final class TeamSpec {
        private final String name;
        private String id;
        private String aadGroupId;
        private final List<String[]> channels = new ArrayList<>();
        private final List<String> members = new ArrayList<>();
        private boolean installed;

        TeamSpec(String name) {
            this.name = name;
        }

        /** Team id (= General channel id). */
        public TeamSpec id(String id) {
            this.id = requireText(id, "team id");
            return this;
        }

        /** Entra group id. */
        public TeamSpec aadGroupId(String aadGroupId) {
            this.aadGroupId = aadGroupId;
            return this;
        }

        /** Adds a standard channel with a derived id. */
        public TeamSpec channel(String name) {
            return channel(name, null);
        }

        /** Adds a standard channel with the given id. */
        public TeamSpec channel(String name, String id) {
            channels.add(new String[] {requireText(name, "channel name"), id, "standard"});
            return this;
        }

        /** Adds a private channel (bots cannot post to it). */
        public TeamSpec privateChannel(String name) {
            channels.add(new String[] {requireText(name, "channel name"), null, "private"});
            return this;
        }

        /** Adds members by user name (or id); the users must be declared in the tenant. */
        public TeamSpec members(String... nameOrIds) {
            members.addAll(List.of(nameOrIds));
            return this;
        }

        /** The bot is installed in the team. */
        public TeamSpec botInstalled() {
            this.installed = true;
            return this;
        }

        FakeTeam toTeam(String tenantId, Map<String, FakeUser> users) {
            String teamId = id != null ? id : Ids.teamId(tenantId, name);
            List<FakeChannel> list = new ArrayList<>();
            list.add(new FakeChannel(teamId, "General", true, false));
            for (String[] c : channels) {
                list.add(new FakeChannel(c[1] != null ? c[1] : Ids.channelId(teamId, c[0]), c[0], false,
                        "private".equals(c[2])));
            }
            List<String> memberIds = new ArrayList<>();
            for (String m : members) {
                String uid = lookup(users, m, "Team member").id();
                if (!memberIds.contains(uid)) {
                    memberIds.add(uid);
                }
            }
            return new FakeTeam(teamId, name, aadGroupId != null ? aadGroupId : Ids.guid("group|" + teamId), tenantId,
                    list, memberIds);
        }
    }

    /** Describes one group chat. */
    public static final class GroupChatSpec {
        private final String topic;
        private String id;
        private final List<String> members = new ArrayList<>();
        private boolean installed;

        GroupChatSpec(String topic) {
            this.topic = topic;
        }

        /** Conversation id ({@code 19:...@thread.v2}). */
        public GroupChatSpec id(String id) {
            this.id = requireText(id, "group chat id");
            return this;
        }

        /** Members (declared users). */
        public GroupChatSpec members(String... nameOrIds) {
            members.addAll(List.of(nameOrIds));
            return this;
        }

        /** The bot is installed in the chat. */
        public GroupChatSpec botInstalled() {
            this.installed = true;
            return this;
        }

        FakeGroupChat toChat(String tenantId, Map<String, FakeUser> users) {
            List<String> ids = new ArrayList<>();
            for (String m : members) {
                String uid = lookup(users, m, "Group chat member").id();
                if (!ids.contains(uid)) {
                    ids.add(uid);
                }
            }
            return new FakeGroupChat(id != null ? id : Ids.groupChatId(tenantId, topic), topic, tenantId, ids);
        }
    }

    /** Describes one meeting. */
    public static final class MeetingSpec {
        private final String title;
        private String organizer;
        private final List<String> participants = new ArrayList<>();

        MeetingSpec(String title) {
            this.title = title;
        }

        /** The organizer (a declared user); also a participant. */
        public MeetingSpec organizer(String nameOrId) {
            this.organizer = nameOrId;
            return this;
        }

        /** Participants (declared users). */
        public MeetingSpec participants(String... nameOrIds) {
            participants.addAll(List.of(nameOrIds));
            return this;
        }

        FakeMeeting toMeeting(String tenantId, Map<String, FakeUser> users) {
            Objects.requireNonNull(organizer, () -> "meeting '" + title + "' needs an organizer(...)");
            String chatId = Ids.meetingChatId(tenantId, title);
            List<String> ids = new ArrayList<>();
            String org = lookup(users, organizer, "Meeting organizer").id();
            ids.add(org);
            for (String p : participants) {
                String uid = lookup(users, p, "Meeting participant").id();
                if (!ids.contains(uid)) {
                    ids.add(uid);
                }
            }
            return new FakeMeeting(Ids.meetingId(chatId), title, chatId, tenantId, org, ids);
        }
    }
}
