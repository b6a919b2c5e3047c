package io.github.botconnector.broadcast.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;

/** Small JDBC helpers shared by the JDBC stores. Not public API. */
public final class Sql {

    private Sql() {
    }

    /** Binds {@code args} in order; {@code null} as a VARCHAR null, {@link Long} and {@link String} as such. */
    public static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            if (arg == null) {
                ps.setNull(i + 1, Types.VARCHAR);
            } else if (arg instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (arg instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else {
                ps.setString(i + 1, arg.toString());
            }
        }
    }

    /** Runs each DDL statement in order. */
    public static void run(Connection c, List<String> statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** Whether {@code e} is a unique-key violation (SQLState class 23: 23505 on PostgreSQL and H2). */
    public static boolean isDuplicateKey(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.equals("23505") || state.equals("23000"));
    }
}
