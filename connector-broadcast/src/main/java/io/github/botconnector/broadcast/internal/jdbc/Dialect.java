package io.github.botconnector.broadcast.internal.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The databases the JDBC stores are tested on, detected from the driver's metadata. */
public enum Dialect {
    /** H2 2.x (embedded; tests and examples). */
    H2,
    /** PostgreSQL 12 or later (production; several engines). */
    POSTGRESQL,
    /** Anything else: standard SQL only, untested. */
    OTHER;

    /** The dialect of {@code connection}'s database. */
    public static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return H2;
        }
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        return OTHER;
    }
}
