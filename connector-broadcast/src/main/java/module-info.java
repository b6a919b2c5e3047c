/**
 * Bot Connector for Java, broadcast: one message (or one per recipient) to many recipients at the Teams rate limits,
 * with a write-ahead per-recipient ledger in memory or over a JDBC {@code DataSource}, resume after a crash,
 * scheduled sends, update and recall of what was sent, opt-out, progress and a final report (start at
 * {@link io.github.botconnector.broadcast.BroadcastEngine}); and the conversation reference store (in memory or
 * JDBC) kept fresh from authenticated inbound activities ({@code io.github.botconnector.broadcast.store}).
 */
module io.github.botconnector.broadcast {
    requires transitive io.github.botconnector;
    requires transitive io.github.botconnector.teams;
    requires transitive java.sql;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports io.github.botconnector.broadcast;
    exports io.github.botconnector.broadcast.store;
}
