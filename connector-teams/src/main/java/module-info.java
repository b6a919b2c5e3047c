/**
 * Bot Connector for Java, Teams extension: Teams models, helpers on activities (tenant, team and channel ids,
 * mentions, install events), {@link io.github.botconnector.teams.TeamsClient} for 1:1 chats, channel threads,
 * team, member and meeting operations, targeted messages and reactions; {@link io.github.botconnector.teams.GraphClient}
 * with {@link io.github.botconnector.teams.TeamsReach} to reach people who never installed the app (Microsoft Graph);
 * and, in {@code io.github.botconnector.teams.messages}, welcome and notification builders and Adaptive Cards.
 */
module io.github.botconnector.teams {
    requires transitive io.github.botconnector;
    requires com.fasterxml.jackson.databind;

    exports io.github.botconnector.teams;
    exports io.github.botconnector.teams.messages;

    opens io.github.botconnector.teams to com.fasterxml.jackson.databind;
}
