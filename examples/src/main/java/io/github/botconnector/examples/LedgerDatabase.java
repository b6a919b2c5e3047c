package io.github.botconnector.examples;

import java.nio.file.Path;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The database of the examples' JDBC ledger: an embedded H2 database in a file, so a job survives the process. In
 * production, pass your own pooled {@code DataSource} (PostgreSQL, for example) to {@code Ledger.jdbc(...)}.
 */
public final class LedgerDatabase {

    private LedgerDatabase() {
    }

    /**
     * A connection pool on the H2 database in {@code file} (H2 adds {@code .mv.db}); created when missing. Call
     * {@link JdbcConnectionPool#dispose()} when done, which closes the database.
     */
    public static JdbcConnectionPool h2File(Path file) {
        return JdbcConnectionPool.create("jdbc:h2:file:" + file.toAbsolutePath(), "sa", "");
    }
}
