package io.github.botconnector.testing.internal;

import io.github.botconnector.testing.FakeMeeting;
import io.github.botconnector.testing.FakeTeam;
import io.github.botconnector.testing.FakeUser;
import java.util.List;
import java.util.Set;

/** The world a fake starts from, and returns to on reset. Not public API. */
public record Seed(String botAppId, String botName, List<Tenant> tenants) {

    /** Defensive copy. */
    public Seed {
        tenants = List.copyOf(tenants);
    }

    /** One tenant of the seed. */
    public record Tenant(String id, String region, List<FakeUser> users, List<FakeTeam> teams, List<FakeMeeting> meetings,
                         List<io.github.botconnector.testing.FakeGroupChat> groupChats,
                         Set<String> installedUserIds, Set<String> blockedUserIds, Set<String> installedTeamIds,
                         java.util.Map<String, String> personalConversationIds) {
        /** Defensive copies. */
        public Tenant {
            users = List.copyOf(users);
            teams = List.copyOf(teams);
            meetings = List.copyOf(meetings);
            groupChats = List.copyOf(groupChats);
            installedUserIds = Set.copyOf(installedUserIds);
            blockedUserIds = Set.copyOf(blockedUserIds);
            installedTeamIds = Set.copyOf(installedTeamIds);
            personalConversationIds = java.util.Map.copyOf(personalConversationIds);
        }
    }
}
