package io.github.botconnector.broadcast;

import io.github.botconnector.broadcast.internal.InMemoryLedger;
import io.github.botconnector.broadcast.internal.jdbc.JdbcLedger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Where the engine keeps jobs, the per-recipient state machine and the opt-out list. The engine writes every
 * transition here before acting on it ({@link DeliveryState#SENDING} before the request leaves), so a new engine on
 * the same ledger resumes where the last one stopped. Implementations are thread-safe.
 *
 * <p>Two come with the module: {@link #inMemory()} (lost with the process) and {@link #jdbc(DataSource)} (tables
 * created if missing; H2 and PostgreSQL). Several engines may share a JDBC ledger on PostgreSQL when each is
 * built with its own {@link BroadcastEngine.Builder#node(String) node id}: a tenant is then paced by the one node
 * holding its lease ({@link #leaseTenant}).
 */
public interface Ledger {

    /** A ledger in this JVM's memory: resumable within the process only. */
    static Ledger inMemory() {
        return new InMemoryLedger();
    }

    /**
     * A ledger in the caller's database (plain {@code java.sql}; tables {@code bc_job}, {@code bc_delivery} and
     * {@code bc_opt_out} created if missing; the SQL is in the module README). Tested on H2 and PostgreSQL. The
     * caller supplies the JDBC driver and the pool.
     *
     * @throws LedgerException when the schema cannot be created
     */
    static Ledger jdbc(DataSource dataSource) {
        return JdbcLedger.create(dataSource);
    }

    /**
     * Stores a new job and its recipients ({@link DeliveryState#PENDING}) atomically, unless a job with the same id
     * exists.
     *
     * @return {@code true} when stored, {@code false} when the id was already there (nothing changed)
     */
    boolean createJob(JobRecord job, List<Delivery> deliveries, Instant now);

    /**
     * Adds recipients to a stored job, skipping keys it already has (the failed entries of a team- or tenant-wide
     * batch, which Teams names only afterwards).
     *
     * @return how many were added
     */
    int addDeliveries(String jobId, List<Delivery> deliveries);

    /** The job with {@code jobId}, if stored. */
    Optional<JobRecord> job(String jobId);

    /** Ids of jobs not marked finished, oldest first. */
    List<String> unfinishedJobs();

    /** Marks a job finished (every recipient in a final state). */
    void finishJob(String jobId, Instant at);

    /** Whether the job is marked finished. */
    boolean isFinished(String jobId);

    /** Every recipient record of a job, in submission order. */
    List<Delivery> deliveries(String jobId);

    /**
     * Writes {@code next} if the stored record of the same recipient still has {@code expected}'s state and
     * attempts (compare and set).
     *
     * @return {@code true} when written
     */
    boolean transition(Delivery expected, Delivery next);

    /** Puts {@code userId} of {@code tenantId} on the opt-out list: later jobs skip them. */
    void optOut(String tenantId, String userId, Instant at);

    /** Removes {@code userId} of {@code tenantId} from the opt-out list. */
    void optIn(String tenantId, String userId);

    /** Whether {@code userId} of {@code tenantId} opted out. */
    boolean isOptedOut(String tenantId, String userId);

    /**
     * Takes or renews the lease on a tenant for {@code owner} until {@code now + ttl}: granted when nobody holds it,
     * the holder is {@code owner}, or the holder's lease expired. Only the holder sends to the tenant, so its budget
     * is spent by one node at a time. The default (a ledger used by one engine) always grants.
     *
     * @return whether {@code owner} holds the lease now
     */
    default boolean leaseTenant(String tenantKey, String owner, Instant now, java.time.Duration ttl) {
        return true;
    }

    /** Gives up {@code owner}'s lease on a tenant (nothing left to send there). */
    default void releaseTenant(String tenantKey, String owner) {
    }
}
