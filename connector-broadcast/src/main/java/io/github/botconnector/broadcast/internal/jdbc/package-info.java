/**
 * The JDBC ledger of the broadcast engine and its SQL dialects. Not public API: nothing here is exported by the
 * module, and it may change without notice in any release.
 */
package io.github.botconnector.broadcast.internal.jdbc;
