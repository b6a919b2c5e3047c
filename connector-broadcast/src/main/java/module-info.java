/**
 * Bot Connector for Java, broadcast engine: one message (or one per recipient) to many recipients at the Teams rate
 * limits, with a write-ahead per-recipient ledger in memory or over a JDBC {@code DataSource}, resume after a crash,
 * scheduled sends, update and recall of what was sent, opt-out, progress and a final report. Start at
 * {@link io.github.botconnector.broadcast.BroadcastEngine}.
 */
module io.github.botconnector.broadcast {
    requires transitive io.github.botconnector;
    requires transitive io.github.botconnector.teams;
    requires transitive java.sql;
    requires org.slf4j;

    exports io.github.botconnector.broadcast;
}
