/**
 * Bot Connector for Java, broadcast: the conversation reference store (in memory or JDBC) kept fresh from
 * authenticated inbound activities.
 */
module io.github.botconnector.broadcast {
    requires transitive io.github.botconnector.teams;
    requires transitive java.sql;
    requires com.fasterxml.jackson.databind;

    exports io.github.botconnector.broadcast.store;
}
