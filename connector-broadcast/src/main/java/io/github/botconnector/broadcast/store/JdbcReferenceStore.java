package io.github.botconnector.broadcast.store;

import io.github.botconnector.broadcast.store.internal.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A {@link ConversationReferenceStore} in a relational database, over the caller's {@link DataSource} with plain
 * {@code java.sql} (no JDBC driver or pool comes with this library: bring H2, PostgreSQL or any database with
 * standard SQL). Tested on H2 and PostgreSQL.
 *
 * <p>{@link Builder#build()} creates the table and its indexes when missing (switch off with
 * {@code createSchema(false)} and run the DDL yourself). The table, with the default name:
 * <pre>{@code
 * CREATE TABLE IF NOT EXISTS bot_conversation_reference (
 *     conversation_id    VARCHAR(512)   NOT NULL PRIMARY KEY,  -- without a ;messageid= thread suffix
 *     tenant_id          VARCHAR(64),
 *     user_id            VARCHAR(512),                          -- 29:... Bot Framework id
 *     user_aad_object_id VARCHAR(64),                           -- lower case
 *     team_id            VARCHAR(512),
 *     conversation_type  VARCHAR(32),
 *     service_url        VARCHAR(2048)  NOT NULL,
 *     reference_json     VARCHAR(32000) NOT NULL,               -- ConversationReference.toJson()
 *     first_seen         BIGINT         NOT NULL,               -- epoch milliseconds
 *     last_seen          BIGINT         NOT NULL
 * );
 * CREATE INDEX IF NOT EXISTS bot_conversation_reference_tenant ON bot_conversation_reference (tenant_id);
 * CREATE INDEX IF NOT EXISTS bot_conversation_reference_user ON bot_conversation_reference (user_id);
 * CREATE INDEX IF NOT EXISTS bot_conversation_reference_aad ON bot_conversation_reference (user_aad_object_id);
 * CREATE INDEX IF NOT EXISTS bot_conversation_reference_team ON bot_conversation_reference (team_id);
 * }</pre>
 * A save is an {@code UPDATE} and, when no row matched, an {@code INSERT} (a concurrent insert of the same
 * conversation is turned into an update), so it needs no database-specific upsert. {@code reference_json} is read
 * with {@link StoredReference#parseReference(String)}, so rows written by other tools in Microsoft's reference shape
 * ({@code bot} or {@code agent}) are read as well. Times are stored with millisecond precision.
 *
 * <p>Every method opens a connection from the data source, runs one statement (auto-commit) and closes it; a
 * database error is an unchecked {@link ReferenceStoreException} naming the statement and the table.
 */
public final class JdbcReferenceStore implements ConversationReferenceStore {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,50}");
    private static final String COLUMNS = "conversation_id, reference_json, tenant_id, user_id, user_aad_object_id,"
            + " team_id, conversation_type, first_seen, last_seen";

    private final DataSource dataSource;
    private final String table;

    private JdbcReferenceStore(Builder builder) {
        this.dataSource = builder.dataSource;
        this.table = builder.tableName;
    }

    /**
     * A builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The DDL that {@link Builder#build()} runs for {@code tableName} (see the class comment), for running it
     * yourself.
     *
     * @param tableName the table name: letters, digits and underscores
     * @return the statements, in order
     */
    public static List<String> schema(String tableName) {
        String t = checkIdentifier(tableName);
        return List.of("CREATE TABLE IF NOT EXISTS " + t + " (conversation_id VARCHAR(512) NOT NULL PRIMARY KEY,"
                        + " tenant_id VARCHAR(64), user_id VARCHAR(512), user_aad_object_id VARCHAR(64),"
                        + " team_id VARCHAR(512), conversation_type VARCHAR(32), service_url VARCHAR(2048) NOT NULL,"
                        + " reference_json VARCHAR(32000) NOT NULL, first_seen BIGINT NOT NULL,"
                        + " last_seen BIGINT NOT NULL)",
                "CREATE INDEX IF NOT EXISTS " + t + "_tenant ON " + t + " (tenant_id)",
                "CREATE INDEX IF NOT EXISTS " + t + "_user ON " + t + " (user_id)",
                "CREATE INDEX IF NOT EXISTS " + t + "_aad ON " + t + " (user_aad_object_id)",
                "CREATE INDEX IF NOT EXISTS " + t + "_team ON " + t + " (team_id)");
    }

    @Override
    public boolean save(StoredReference entry) {
        Objects.requireNonNull(entry, "entry");
        String update = "UPDATE " + table + " SET reference_json = ?, service_url = ?, last_seen = ?,"
                + " tenant_id = COALESCE(?, tenant_id), user_id = COALESCE(?, user_id),"
                + " user_aad_object_id = COALESCE(?, user_aad_object_id), team_id = COALESCE(?, team_id),"
                + " conversation_type = COALESCE(?, conversation_type) WHERE conversation_id = ?";
        String insert = "INSERT INTO " + table + " (conversation_id, reference_json, service_url, tenant_id, user_id,"
                + " user_aad_object_id, team_id, conversation_type, first_seen, last_seen)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection()) {
            for (int round = 0; ; round++) {
                if (updateRow(c, update, entry) > 0) {
                    return false;
                }
                try (PreparedStatement ps = c.prepareStatement(insert)) {
                    Sql.bind(ps, entry.conversationId(), entry.reference().toJson(), entry.reference().serviceUrl(),
                            entry.tenantId(), entry.userId(), lower(entry.userAadObjectId()), entry.teamId(),
                            entry.conversationType(), entry.firstSeen().toEpochMilli(),
                            entry.lastSeen().toEpochMilli());
                    ps.executeUpdate();
                    return true;
                } catch (SQLException e) {
                    if (round > 0 || !Sql.isDuplicateKey(e)) {
                        throw e;
                    }
                    // another writer inserted the same conversation between our UPDATE and INSERT: update it
                }
            }
        } catch (SQLException e) {
            throw failure("save conversation " + entry.conversationId(), e);
        }
    }

    private static int updateRow(Connection c, String update, StoredReference entry) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(update)) {
            Sql.bind(ps, entry.reference().toJson(), entry.reference().serviceUrl(), entry.lastSeen().toEpochMilli(),
                    entry.tenantId(), entry.userId(), lower(entry.userAadObjectId()), entry.teamId(),
                    entry.conversationType(), entry.conversationId());
            return ps.executeUpdate();
        }
    }

    @Override
    public boolean remove(String conversationId) {
        String id = StoredReference.baseConversationId(conversationId);
        return id != null && execute("remove conversation " + id,
                "DELETE FROM " + table + " WHERE conversation_id = ?", id) > 0;
    }

    @Override
    public int removeTeam(String teamId) {
        return teamId == null ? 0 : execute("remove team " + teamId, "DELETE FROM " + table + " WHERE team_id = ?",
                teamId);
    }

    @Override
    public Optional<StoredReference> find(String conversationId) {
        String id = StoredReference.baseConversationId(conversationId);
        return id == null ? Optional.empty()
                : query("find conversation " + id, "conversation_id = ?", id).stream().findFirst();
    }

    @Override
    public List<StoredReference> findByTenant(String tenantId) {
        return tenantId == null ? List.of() : query("find tenant " + tenantId, "tenant_id = ?", tenantId);
    }

    @Override
    public List<StoredReference> findByUser(String userIdOrAadObjectId) {
        return userIdOrAadObjectId == null ? List.of() : query("find user " + userIdOrAadObjectId,
                "user_id = ? OR user_aad_object_id = ?", userIdOrAadObjectId, lower(userIdOrAadObjectId));
    }

    @Override
    public List<StoredReference> findByTeam(String teamId) {
        return teamId == null ? List.of() : query("find team " + teamId, "team_id = ?", teamId);
    }

    @Override
    public List<StoredReference> findAll() {
        return query("list conversations", "1 = 1");
    }

    @Override
    public int count() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw failure("count conversations", e);
        }
    }

    private List<StoredReference> query(String what, String where, Object... args) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table + " WHERE " + where
                     + " ORDER BY conversation_id")) {
            Sql.bind(ps, args);
            List<StoredReference> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new StoredReference(rs.getString(1), StoredReference.parseReference(rs.getString(2)),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            Instant.ofEpochMilli(rs.getLong(8)), Instant.ofEpochMilli(rs.getLong(9))));
                }
            }
            return found;
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private int execute(String what, String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private ReferenceStoreException failure(String what, SQLException e) {
        return new ReferenceStoreException("Could not " + what + " in table " + table + " (SQLState "
                + e.getSQLState() + ": " + e.getMessage() + "). Check that the data source reaches the database and"
                + " that the table exists with the schema in JdbcReferenceStore's documentation.", e);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static String checkIdentifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("tableName must be 1-51 letters, digits or underscores starting with a"
                    + " letter or underscore, got " + name);
        }
        return name;
    }

    @Override
    public String toString() {
        return "JdbcReferenceStore[table=" + table + "]";
    }

    /** Builder for {@link JdbcReferenceStore}. Not thread-safe. */
    public static final class Builder {
        private DataSource dataSource;
        private String tableName = "bot_conversation_reference";
        private boolean createSchema = true;

        private Builder() {
        }

        /**
         * The database (required); the store opens and closes a connection per operation, so pass a pooled one.
         *
         * @param dataSource the data source
         * @return this builder
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /**
         * The table (default {@code bot_conversation_reference}); its indexes are named after it.
         *
         * @param tableName letters, digits and underscores, starting with a letter or underscore
         * @return this builder
         */
        public Builder tableName(String tableName) {
            this.tableName = checkIdentifier(tableName);
            return this;
        }

        /**
         * Whether {@link #build()} creates the table and indexes when missing (default {@code true}).
         *
         * @param createSchema {@code false} when the schema is managed elsewhere (Flyway, Liquibase)
         * @return this builder
         */
        public Builder createSchema(boolean createSchema) {
            this.createSchema = createSchema;
            return this;
        }

        /**
         * The store; creates the schema first unless switched off.
         *
         * @return the store
         * @throws IllegalStateException    when no data source was set
         * @throws ReferenceStoreException when the schema cannot be created
         */
        public JdbcReferenceStore build() {
            if (dataSource == null) {
                throw new IllegalStateException("dataSource must be set: pass the application's DataSource to"
                        + " JdbcReferenceStore.builder().dataSource(...)");
            }
            JdbcReferenceStore store = new JdbcReferenceStore(this);
            if (createSchema) {
                try (Connection c = dataSource.getConnection()) {
                    Sql.run(c, schema(tableName));
                } catch (SQLException e) {
                    throw store.failure("create the schema", e);
                }
            }
            return store;
        }
    }
}
