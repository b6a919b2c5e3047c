/**
 * The conversation reference store: where a bot keeps the {@link io.github.botconnector.schema.ConversationReference}
 * of every conversation it may message proactively. {@link io.github.botconnector.broadcast.store.ConversationReferenceStore#onActivity}
 * saves or refreshes a reference from each authenticated inbound activity and drops it on uninstall; implementations
 * keep references in memory ({@link io.github.botconnector.broadcast.store.ConversationReferenceStore#inMemory()}) or
 * in a database through JDBC ({@link io.github.botconnector.broadcast.store.JdbcReferenceStore}).
 */
package io.github.botconnector.broadcast.store;
