package io.github.botconnector.broadcast.internal.jdbc;

import io.github.botconnector.broadcast.Delivery;
import io.github.botconnector.broadcast.DeliveryState;
import io.github.botconnector.broadcast.FailureReason;
import io.github.botconnector.broadcast.JobRecord;
import io.github.botconnector.broadcast.Ledger;
import io.github.botconnector.broadcast.LedgerException;
import io.github.botconnector.broadcast.Recipient;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ConversationReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link Ledger} over a caller's {@link DataSource}, plain {@code java.sql}. Times are epoch milliseconds, messages
 * and references their JSON. Every transition is one conditional {@code UPDATE} (compare and set on state and
 * attempts), committed before the engine acts on it.
 */
public final class JdbcLedger implements Ledger {

    /** The schema, created if missing (documented in the module README). */
    public static final List<String> SCHEMA = List.of(
            "CREATE TABLE IF NOT EXISTS bc_job ("
                    + " id VARCHAR(200) PRIMARY KEY,"
                    + " operation VARCHAR(16) NOT NULL,"
                    + " source_job_id VARCHAR(200),"
                    + " message TEXT,"
                    + " not_before BIGINT,"
                    + " expires_at BIGINT,"
                    + " max_per_second DOUBLE PRECISION NOT NULL,"
                    + " resend_possibly_delivered BOOLEAN NOT NULL,"
                    + " max_attempts INT NOT NULL,"
                    + " recipient_count INT NOT NULL,"
                    + " created_at BIGINT NOT NULL,"
                    + " finished_at BIGINT)",
            "CREATE TABLE IF NOT EXISTS bc_delivery ("
                    + " job_id VARCHAR(200) NOT NULL,"
                    + " recipient_key VARCHAR(700) NOT NULL,"
                    + " seq INT NOT NULL,"
                    + " kind VARCHAR(16) NOT NULL,"
                    + " tenant_id VARCHAR(200),"
                    + " user_id VARCHAR(400),"
                    + " channel_id VARCHAR(400),"
                    + " recipient_reference TEXT,"
                    + " state VARCHAR(16) NOT NULL,"
                    + " attempts INT NOT NULL,"
                    + " conversation_reference TEXT,"
                    + " message TEXT,"
                    + " activity_id VARCHAR(400),"
                    + " reason VARCHAR(32),"
                    + " detail VARCHAR(1000),"
                    + " retry_at BIGINT,"
                    + " updated_at BIGINT NOT NULL,"
                    + " PRIMARY KEY (job_id, recipient_key))",
            "CREATE INDEX IF NOT EXISTS bc_delivery_state ON bc_delivery (job_id, state)",
            "CREATE TABLE IF NOT EXISTS bc_tenant_lease ("
                    + " tenant_key VARCHAR(200) PRIMARY KEY,"
                    + " owner VARCHAR(200) NOT NULL,"
                    + " expires_at BIGINT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS bc_opt_out ("
                    + " tenant_id VARCHAR(200) NOT NULL,"
                    + " user_id VARCHAR(400) NOT NULL,"
                    + " opted_out_at BIGINT NOT NULL,"
                    + " PRIMARY KEY (tenant_id, user_id))");

    private final DataSource dataSource;
    private final Dialect dialect;

    private JdbcLedger(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /** A ledger on {@code dataSource}, creating the tables if missing. */
    public static JdbcLedger create(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        try {
            return new JdbcLedger(dataSource, Jdbc.createSchema(dataSource, SCHEMA));
        } catch (SQLException e) {
            throw new LedgerException("could not create the broadcast ledger tables (bc_job, bc_delivery, "
                    + "bc_tenant_lease, bc_opt_out); check the database user's CREATE rights: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean createJob(JobRecord job, List<Delivery> deliveries, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (exists(c, job.id())) {
                    c.rollback();
                    return false;
                }
                insertJob(c, job, now);
                insertDeliveries(c, deliveries);
                c.commit();
                return true;
            } catch (SQLException e) {
                c.rollback();
                if (Jdbc.isDuplicateKey(e) && exists(c, job.id())) {
                    return false;
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw fail("store job " + job.id(), e);
        }
    }

    private static boolean exists(Connection c, String jobId) throws SQLException {
        return hasRow(c, "SELECT 1 FROM bc_job WHERE id = ?", jobId);
    }

    /** Whether the query with {@code args} returns a row. */
    private static boolean hasRow(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void insertJob(Connection c, JobRecord job, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO bc_job (id, operation, source_job_id, message,"
                + " not_before, expires_at, max_per_second, resend_possibly_delivered, max_attempts, recipient_count,"
                + " created_at, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)")) {
            ps.setString(1, job.id());
            ps.setString(2, job.operation().name());
            ps.setString(3, job.sourceJobId());
            ps.setString(4, job.message() == null ? null : job.message().toJson());
            Jdbc.setLong(ps, 5, millis(job.notBefore()));
            Jdbc.setLong(ps, 6, millis(job.expiresAt()));
            ps.setDouble(7, job.maxPerSecond());
            ps.setBoolean(8, job.resendPossiblyDelivered());
            ps.setInt(9, job.maxAttempts());
            ps.setInt(10, job.recipientCount());
            ps.setLong(11, now.toEpochMilli());
            ps.executeUpdate();
        }
    }

    @Override
    public int addDeliveries(String jobId, List<Delivery> deliveries) {
        try (Connection c = dataSource.getConnection()) {
            List<Delivery> fresh = new ArrayList<>();
            java.util.Set<String> keys = new java.util.HashSet<>();
            for (Delivery d : deliveries) {
                if (keys.add(d.key()) && !hasRow(c, "SELECT 1 FROM bc_delivery WHERE job_id = ? AND recipient_key = ?",
                        jobId, d.key())) {
                    fresh.add(d);
                }
            }
            int seq;
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(seq), -1) FROM bc_delivery"
                    + " WHERE job_id = ?")) {
                ps.setString(1, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    seq = rs.getInt(1) + 1;
                }
            }
            insertDeliveries(c, fresh, seq);
            return fresh.size();
        } catch (SQLException e) {
            throw fail("add recipients to job " + jobId, e);
        }
    }

    private static void insertDeliveries(Connection c, List<Delivery> deliveries) throws SQLException {
        insertDeliveries(c, deliveries, 0);
    }

    private static void insertDeliveries(Connection c, List<Delivery> deliveries, int firstSeq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO bc_delivery (job_id, recipient_key, seq, kind,"
                + " tenant_id, user_id, recipient_reference, state, attempts, conversation_reference, message,"
                + " activity_id, reason, detail, retry_at, updated_at, channel_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int seq = firstSeq;
            for (Delivery d : deliveries) {
                Recipient r = d.recipient();
                ps.setString(1, d.jobId());
                ps.setString(2, d.key());
                ps.setInt(3, seq++);
                ps.setString(4, r.kind().name());
                ps.setString(5, r.tenantId());
                ps.setString(6, r.userId());
                ps.setString(7, r.reference() == null ? null : r.reference().toJson());
                ps.setString(8, d.state().name());
                ps.setInt(9, d.attempts());
                ps.setString(10, d.reference() == null ? null : d.reference().toJson());
                ps.setString(11, d.message() == null ? null : d.message().toJson());
                ps.setString(12, d.activityId());
                ps.setString(13, d.reason() == null ? null : d.reason().name());
                ps.setString(14, truncate(d.detail()));
                Jdbc.setLong(ps, 15, millis(d.retryAt()));
                ps.setLong(16, d.updatedAt().toEpochMilli());
                ps.setString(17, r.kind() == Recipient.Kind.TEAM ? r.teamId() : r.channelId());
                ps.addBatch();
                if (seq % 500 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    @Override
    public Optional<JobRecord> job(String jobId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM bc_job WHERE id = ?")) {
            ps.setString(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String message = rs.getString("message");
                return Optional.of(new JobRecord(rs.getString("id"),
                        JobRecord.Operation.valueOf(rs.getString("operation")), rs.getString("source_job_id"),
                        message == null ? null : Activity.fromJson(message), instant(Jdbc.getLong(rs, "not_before")),
                        instant(Jdbc.getLong(rs, "expires_at")), null, rs.getDouble("max_per_second"),
                        rs.getBoolean("resend_possibly_delivered"), rs.getInt("max_attempts"),
                        rs.getInt("recipient_count")));
            }
        } catch (SQLException e) {
            throw fail("read job " + jobId, e);
        }
    }

    @Override
    public List<String> unfinishedJobs() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT id FROM bc_job WHERE finished_at IS NULL ORDER BY created_at, id");
             ResultSet rs = ps.executeQuery()) {
            List<String> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        } catch (SQLException e) {
            throw fail("list unfinished jobs", e);
        }
    }

    @Override
    public void finishJob(String jobId, Instant at) {
        update("finish job " + jobId, "UPDATE bc_job SET finished_at = ? WHERE id = ? AND finished_at IS NULL",
                at.toEpochMilli(), jobId);
    }

    @Override
    public boolean isFinished(String jobId) {
        try (Connection c = dataSource.getConnection()) {
            return hasRow(c, "SELECT 1 FROM bc_job WHERE id = ? AND finished_at IS NOT NULL", jobId);
        } catch (SQLException e) {
            throw fail("read job " + jobId, e);
        }
    }

    @Override
    public List<Delivery> deliveries(String jobId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM bc_delivery WHERE job_id = ? ORDER BY seq")) {
            ps.setString(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                List<Delivery> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(delivery(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw fail("read the recipients of job " + jobId, e);
        }
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        Recipient.Kind kind = Recipient.Kind.valueOf(rs.getString("kind"));
        Recipient recipient = switch (kind) {
            case REFERENCE -> Recipient.of(ConversationReference.fromJson(rs.getString("recipient_reference")));
            case USER -> Recipient.user(rs.getString("tenant_id"), rs.getString("user_id"));
            case CHANNEL -> Recipient.channel(rs.getString("tenant_id"), rs.getString("channel_id"));
            case TEAM -> Recipient.team(rs.getString("tenant_id"), rs.getString("channel_id"));
            case TENANT -> Recipient.tenant(rs.getString("tenant_id"));
        };
        String reference = rs.getString("conversation_reference");
        String message = rs.getString("message");
        String reason = rs.getString("reason");
        return new Delivery(rs.getString("job_id"), recipient, DeliveryState.valueOf(rs.getString("state")),
                rs.getInt("attempts"), reference == null ? null : ConversationReference.fromJson(reference),
                message == null ? null : Activity.fromJson(message), rs.getString("activity_id"),
                reason == null ? null : FailureReason.valueOf(reason), rs.getString("detail"),
                instant(Jdbc.getLong(rs, "retry_at")), Instant.ofEpochMilli(rs.getLong("updated_at")));
    }

    @Override
    public boolean transition(Delivery expected, Delivery next) {
        // the conversation reference (kilobytes of JSON) is written only when the transition changes it: a chat
        // created, a channel thread started; most transitions carry the same one on
        boolean newReference = next.reference() != expected.reference();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(newReference ? TRANSITION_WITH_REFERENCE : TRANSITION)) {
            int i = 1;
            ps.setString(i++, next.state().name());
            ps.setInt(i++, next.attempts());
            if (newReference) {
                ps.setString(i++, next.reference() == null ? null : next.reference().toJson());
            }
            ps.setString(i++, next.activityId());
            ps.setString(i++, next.reason() == null ? null : next.reason().name());
            ps.setString(i++, truncate(next.detail()));
            Jdbc.setLong(ps, i++, millis(next.retryAt()));
            ps.setLong(i++, next.updatedAt().toEpochMilli());
            ps.setString(i++, expected.jobId());
            ps.setString(i++, expected.key());
            ps.setString(i++, expected.state().name());
            ps.setInt(i, expected.attempts());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw fail("record " + next.state() + " for " + next.key() + " of job " + next.jobId(), e);
        }
    }

    private static final String TRANSITION = "UPDATE bc_delivery SET state = ?, attempts = ?, activity_id = ?,"
            + " reason = ?, detail = ?, retry_at = ?, updated_at = ? WHERE job_id = ? AND recipient_key = ?"
            + " AND state = ? AND attempts = ?";
    private static final String TRANSITION_WITH_REFERENCE = "UPDATE bc_delivery SET state = ?, attempts = ?,"
            + " conversation_reference = ?, activity_id = ?, reason = ?, detail = ?, retry_at = ?, updated_at = ?"
            + " WHERE job_id = ? AND recipient_key = ? AND state = ? AND attempts = ?";

    /**
     * {@code SELECT ... FOR UPDATE SKIP LOCKED} on the tenant's lease row: a row another node is changing right now
     * is skipped (then the insert fails on the key and the lease is not granted), an expired or own row is taken
     * over, a missing row inserted.
     */
    @Override
    public boolean leaseTenant(String tenantKey, String owner, Instant now, Duration ttl) {
        String lock = dialect == Dialect.OTHER ? " FOR UPDATE" : " FOR UPDATE SKIP LOCKED";
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                boolean granted;
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT owner, expires_at FROM bc_tenant_lease WHERE tenant_key = ?" + lock)) {
                    ps.setString(1, tenantKey);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            granted = owner.equals(rs.getString(1)) || rs.getLong(2) < now.toEpochMilli();
                            if (granted) {
                                execute(c, "UPDATE bc_tenant_lease SET owner = ?, expires_at = ? WHERE tenant_key = ?",
                                        owner, now.plus(ttl).toEpochMilli(), tenantKey);
                            }
                        } else {
                            execute(c, "INSERT INTO bc_tenant_lease (tenant_key, owner, expires_at) VALUES (?, ?, ?)",
                                    tenantKey, owner, now.plus(ttl).toEpochMilli());
                            granted = true;
                        }
                    }
                }
                c.commit();
                return granted;
            } catch (SQLException e) {
                c.rollback();
                if (Jdbc.isDuplicateKey(e)) {
                    return false;
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw fail("lease tenant " + tenantKey, e);
        }
    }

    @Override
    public void releaseTenant(String tenantKey, String owner) {
        update("release tenant " + tenantKey, "DELETE FROM bc_tenant_lease WHERE tenant_key = ? AND owner = ?",
                tenantKey, owner);
    }

    private static void execute(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    @Override
    public void optOut(String tenantId, String userId, Instant at) {
        if (!isOptedOut(tenantId, userId)) {
            try {
                update("opt out " + userId, "INSERT INTO bc_opt_out (tenant_id, user_id, opted_out_at) VALUES (?, ?, ?)",
                        tenantId, userId, at.toEpochMilli());
            } catch (LedgerException e) {
                if (!(e.getCause() instanceof SQLException s && Jdbc.isDuplicateKey(s))) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void optIn(String tenantId, String userId) {
        update("opt in " + userId, "DELETE FROM bc_opt_out WHERE tenant_id = ? AND user_id = ?", tenantId, userId);
    }

    @Override
    public boolean isOptedOut(String tenantId, String userId) {
        try (Connection c = dataSource.getConnection()) {
            return hasRow(c, "SELECT 1 FROM bc_opt_out WHERE tenant_id = ? AND user_id = ?", tenantId, userId);
        } catch (SQLException e) {
            throw fail("read the opt-out list", e);
        }
    }

    private void update(String what, String sql, Object... args) {
        try (Connection c = dataSource.getConnection()) {
            execute(c, sql, args);
        } catch (SQLException e) {
            throw fail(what, e);
        }
    }

    private static LedgerException fail(String what, SQLException e) {
        return new LedgerException("broadcast ledger: could not " + what + " (SQLState " + e.getSQLState() + "): "
                + e.getMessage(), e);
    }

    private static Long millis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 997) + "...";
    }
}
