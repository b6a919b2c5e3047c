package io.github.botconnector.broadcast;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.RetryPolicy;
import io.github.botconnector.broadcast.internal.Dispatcher;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.teams.TeamsChannelAccount;
import io.github.botconnector.teams.TeamsClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a message to many recipients at the Teams rate limits, recording every recipient in a {@link Ledger} before
 * each request, so that nothing is sent twice and every recipient ends in exactly one final state.
 *
 * <pre>{@code
 * ConnectorClient client = ConnectorClient.builder().credentials(credentials)
 *         .retryPolicy(RetryPolicy.none())                 // the engine makes the retry decisions
 *         .build();
 * try (BroadcastEngine engine = BroadcastEngine.builder().client(client)
 *         .ledger(Ledger.jdbc(dataSource)).build()) {       // resumes unfinished jobs of the ledger
 *     engine.submit(BroadcastJob.builder("release-42").recipients(recipients)
 *             .message(Activity.message("Version 42 is out.")).build());
 *     BroadcastReport report = engine.awaitCompletion("release-42", Duration.ofHours(1));
 *     Files.writeString(Path.of("release-42.csv"), report.toCsv());
 * }
 * }</pre>
 *
 * <p>Pacing: each tenant's budget ({@link PacingLimits#perTenant()}, default 50 requests per second) and each
 * conversation's windows (7 per second, 8 per 2 s, 60 per 30 s, 1800 per hour) are respected before sending; one
 * request is in flight per conversation and up to {@link Builder#maxInFlight(int)} overall, without a thread each. The
 * budget is a rate of arrivals at the service, so the engine reaches it at any latency (see {@link PacingLimits}). A
 * 429 pauses the tenant and conversation for {@code Retry-After} for every job of the engine, then the tenant's rate
 * is lowered (by a quarter, by half when 429s repeat within 10 s) and climbs back with each success.
 *
 * <p>Outcomes: delivered recipients end {@link DeliveryState#SENT} with the activity id; 403 blocked, app removed,
 * not installed, 404, 400, 401 end {@link DeliveryState#FAILED} with a {@link FailureReason} and are never retried;
 * 429, 412, 502, 503, 504 and failures before the request was written are retried after a backoff, up to the job's
 * {@code maxAttempts}; a request that may have been delivered (no answer after it was written) ends
 * {@link DeliveryState#UNKNOWN} and is not re-sent unless the job opts in.
 *
 * <p>Thread-safe. One dispatcher thread ({@code bot-connector-broadcast}) owns the pacing state and writes the
 * ledger; listeners are called on it.
 */
public final class BroadcastEngine implements AutoCloseable {

    private final ConnectorClient client;
    private final Ledger ledger;
    private final Clock clock;
    private final Dispatcher dispatcher;

    private BroadcastEngine(Builder b) {
        this.client = b.client;
        this.ledger = b.ledger;
        this.clock = b.clock;
        this.dispatcher = new Dispatcher(new Dispatcher.Settings(b.client, b.ledger, b.limits, b.maxInFlight,
                b.listener, b.clock, b.progressInterval, b.baseDelay, b.maxDelay, b.node, b.leaseTtl,
                b.pollInterval != null ? b.pollInterval : b.leaseTtl.dividedBy(4), b.maxTenants, b.installer));
        if (b.resume) {
            for (String jobId : ledger.unfinishedJobs()) {
                dispatcher.activate(jobId);
            }
        }
    }

    /** A builder; {@link Builder#client(ConnectorClient)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Stores the job in the ledger (unless a job with its id exists: submitting twice is one job) and runs it.
     *
     * @return {@code true} when the job is new, {@code false} when its id was already in the ledger
     */
    public boolean submit(BroadcastJob job) {
        Objects.requireNonNull(job, "job");
        Instant now = clock.instant();
        JobRecord r = job.record();
        Instant start = r.notBefore() != null ? r.notBefore() : now;
        JobRecord stored = new JobRecord(r.id(), r.operation(), r.sourceJobId(), r.message(), r.notBefore(),
                r.expiry(start), null, r.maxPerSecond(), r.resendPossiblyDelivered(), r.maxAttempts(),
                r.recipientCount());
        List<Delivery> deliveries = new ArrayList<>(job.recipients().size());
        for (Recipient recipient : job.recipients()) {
            deliveries.add(Delivery.pending(r.id(), recipient, job.personalisedFor(recipient), null, now));
        }
        boolean created = ledger.createJob(stored, deliveries, now);
        dispatcher.activate(r.id());
        return created;
    }

    /**
     * Edits every message a job delivered ({@code PUT} per message, paced like a send), as a new job with its own
     * id, report and ledger records.
     *
     * @param updateJobId the id of the update job (idempotent like {@link #submit})
     * @param sourceJobId the job whose messages are edited
     * @param newContent  the new message
     * @return {@code true} when the update job is new
     * @throws IllegalArgumentException when the source job is not in the ledger
     */
    public boolean update(String updateJobId, String sourceJobId, Activity newContent) {
        Objects.requireNonNull(newContent, "newContent");
        return derive(updateJobId, sourceJobId, JobRecord.Operation.UPDATE, newContent);
    }

    /**
     * Deletes every message a job delivered ({@code DELETE} per message, paced like a send; a message already gone
     * counts as done), as a new job with its own id and report.
     *
     * @param recallJobId the id of the recall job (idempotent like {@link #submit})
     * @param sourceJobId the job whose messages are deleted
     * @return {@code true} when the recall job is new
     * @throws IllegalArgumentException when the source job is not in the ledger
     */
    public boolean recall(String recallJobId, String sourceJobId) {
        return derive(recallJobId, sourceJobId, JobRecord.Operation.DELETE, null);
    }

    private boolean derive(String jobId, String sourceJobId, JobRecord.Operation op, Activity content) {
        if (jobId == null || jobId.isBlank() || jobId.equals(sourceJobId)) {
            throw new IllegalArgumentException("give the " + op.name().toLowerCase() + " job its own id, other than "
                    + sourceJobId);
        }
        ledger.job(sourceJobId).orElseThrow(() -> new IllegalArgumentException("no job " + sourceJobId
                + " in the ledger: update and recall need the ledger the job was sent with"));
        Instant now = clock.instant();
        List<Delivery> deliveries = new ArrayList<>();
        for (Delivery d : ledger.deliveries(sourceJobId)) {
            if (d.state() == DeliveryState.SENT && d.activityId() != null) {
                deliveries.add(new Delivery(jobId, d.recipient(), DeliveryState.PENDING, 0, d.reference(), null,
                        d.activityId(), null, null, null, now));
            }
        }
        JobRecord record = new JobRecord(jobId, op, sourceJobId, content, null, null, null, 0, false, 8,
                deliveries.size());
        boolean created = ledger.createJob(record, deliveries, now);
        dispatcher.activate(jobId);
        return created;
    }

    /**
     * Everyone in a team as {@link Recipient#user} recipients (each gets a 1:1 chat), reading the roster page by
     * page (blocking, on the caller's thread).
     *
     * @param teamId   the team's id ({@code 19:...@thread.tacv2}, the General channel's id)
     * @param tenantId the team's tenant
     */
    public List<Recipient> teamMembers(String teamId, String tenantId) {
        List<Recipient> out = new ArrayList<>();
        for (TeamsChannelAccount member : TeamsClient.of(client).members(teamId)) {
            out.add(Recipient.user(tenantId, member.id()));
        }
        return out;
    }

    /** Puts a user on the ledger's opt-out list: jobs not yet sent to them skip them ({@link FailureReason#OPTED_OUT}). */
    public void optOut(String tenantId, String userId) {
        ledger.optOut(Objects.requireNonNull(tenantId, "tenantId"), Objects.requireNonNull(userId, "userId"),
                clock.instant());
    }

    /** Takes a user off the opt-out list. */
    public void optIn(String tenantId, String userId) {
        ledger.optIn(tenantId, userId);
    }

    /** A future completed with the final report when every recipient of the job is in a final state. */
    public CompletableFuture<BroadcastReport> completion(String jobId) {
        return dispatcher.activate(jobId);
    }

    /**
     * Waits for the job to finish and returns its report.
     *
     * @throws IllegalStateException when it does not finish within {@code timeout} (the job keeps running) or the
     *                               thread is interrupted
     */
    public BroadcastReport awaitCompletion(String jobId, Duration timeout) {
        try {
            return completion(jobId).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("job " + jobId + " did not finish within " + timeout + "; now: "
                    + report(jobId), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for job " + jobId, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("job " + jobId + " failed", e.getCause());
        }
    }

    /** The job's report now (for a running job, the states so far). */
    public BroadcastReport report(String jobId) {
        return dispatcher.report(jobId);
    }

    /** The ledger. */
    public Ledger ledger() {
        return ledger;
    }

    /**
     * Stops dispatching. Recipients in flight stay {@code SENDING} in the ledger; a new engine on the same ledger
     * settles them (as after a crash). The client is not closed.
     */
    @Override
    public void close() {
        dispatcher.close();
    }

    @Override
    public String toString() {
        return "BroadcastEngine[ledger=" + ledger.getClass().getSimpleName() + "]";
    }

    /** Builds a {@link BroadcastEngine}. */
    public static final class Builder {
        private ConnectorClient client;
        private Ledger ledger;
        private PacingLimits limits = PacingLimits.teams();
        private int maxInFlight = 256;
        private BroadcastListener listener = new BroadcastListener() { };
        private Clock clock = Clock.systemUTC();
        private Duration progressInterval = Duration.ofSeconds(1);
        private Duration baseDelay = Duration.ofSeconds(1);
        private Duration maxDelay = Duration.ofSeconds(30);
        private boolean resume = true;
        private String node;
        private Duration leaseTtl = Duration.ofSeconds(15);
        private Duration pollInterval;
        private int maxTenants = Integer.MAX_VALUE;
        private AppInstaller installer;

        private Builder() {
        }

        /** Installs the app for 1:1 recipients who lack it, before their chat is created again (default none). */
        public Builder installer(AppInstaller installer) {
            this.installer = Objects.requireNonNull(installer, "installer");
            return this;
        }

        /**
         * Runs this engine as one node of several sharing a JDBC ledger on PostgreSQL. Each node sends only to the
         * tenants whose lease it holds (one node per tenant at a time, so each tenant's budget holds across nodes),
         * renews its leases, picks up jobs submitted on other nodes, and takes over the tenants of a node that
         * stopped once its leases expire; recipients that node left in flight end {@code UNKNOWN}.
         *
         * @param nodeId unique among the nodes (e.g. the host name and process id)
         */
        public Builder node(String nodeId) {
            if (nodeId == null || nodeId.isBlank() || nodeId.length() > 200) {
                throw new IllegalArgumentException("a node id of 1 to 200 characters is required, got " + nodeId);
            }
            this.node = nodeId;
            return this;
        }

        /**
         * How long a node's tenant lease lasts without renewal (default 15 s; renewed every quarter of it): a stopped
         * node's tenants are taken over after this. The nodes' clocks must agree to well within it.
         */
        public Builder leaseTtl(Duration ttl) {
            this.leaseTtl = positive(ttl, "leaseTtl");
            return this;
        }

        /**
         * How often a node reads the ledger for jobs submitted on other nodes and tenants to lease, and renews its
         * leases (default a quarter of {@link #leaseTtl(Duration)}; several nodes only). A node never polls for its own
         * work: a submitted job, an answer, a retry or a scheduled time wakes it when due.
         *
         * @throws IllegalArgumentException when not positive
         */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = positive(interval, "pollInterval");
            return this;
        }

        /** Most tenants this node leases at once (default no limit), to spread tenants over the nodes. */
        public Builder maxTenants(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxTenants must be at least 1, got " + max);
            }
            this.maxTenants = max;
            return this;
        }

        /**
         * The client to send with. Its retry policy must not retry 429 itself (use {@link RetryPolicy#none()} or a
         * policy without 429 in its retryable statuses): the engine pauses every sender of a tenant on a 429.
         */
        public Builder client(ConnectorClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /** The ledger (default: {@link Ledger#inMemory()}). */
        public Builder ledger(Ledger ledger) {
            this.ledger = Objects.requireNonNull(ledger, "ledger");
            return this;
        }

        /** The limits to pace to (default {@link PacingLimits#teams()}). */
        public Builder limits(PacingLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Requests in flight at most, all tenants together (default 256). The pacing limits a rate of starts, not the
         * requests in flight: at Teams' latency of 0.5–1 s a tenant at 50 requests per second keeps 25–50 in flight,
         * so the default serves five tenants at full rate. The client's {@code maxRequestsInFlight} (default 256) must
         * be at least as large.
         */
        public Builder maxInFlight(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxInFlight must be at least 1, got " + max);
            }
            this.maxInFlight = max;
            return this;
        }

        /** Follows outcomes and progress. */
        public Builder listener(BroadcastListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** How often {@link BroadcastListener#onProgress} is called for a running job (default 1 s). */
        public Builder progressInterval(Duration interval) {
            this.progressInterval = positive(interval, "progressInterval");
            return this;
        }

        /** The clock for pacing, schedules and the ledger's times (default UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Backoff for transient failures without {@code Retry-After}: {@code base × 2^(attempt−1)} with jitter, at
         * most {@code max} (defaults 1 s and 30 s).
         */
        public Builder backoff(Duration base, Duration max) {
            this.baseDelay = positive(base, "base");
            this.maxDelay = positive(max, "max");
            return this;
        }

        /** Whether the engine resumes the ledger's unfinished jobs when built (default {@code true}). */
        public Builder resumeUnfinishedJobs(boolean resume) {
            this.resume = resume;
            return this;
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive, got " + d);
            }
            return d;
        }

        /**
         * Builds and starts the engine; unfinished jobs of the ledger are resumed.
         *
         * @throws IllegalStateException    without a client
         * @throws IllegalArgumentException when the client's retry policy retries 429 itself
         */
        public BroadcastEngine build() {
            if (client == null) {
                throw new IllegalStateException("client(ConnectorClient) is required");
            }
            RetryPolicy policy = client.retryPolicy();
            if (policy.maxAttempts() > 1 && policy.retryableStatuses().contains(429)) {
                throw new IllegalArgumentException("the client's retry policy retries 429 itself; build the engine's "
                        + "client with .retryPolicy(RetryPolicy.none()) (the engine paces every sender of a tenant on "
                        + "a 429 and retries itself)");
            }
            if (ledger == null) {
                ledger = Ledger.inMemory();
            }
            if (pollInterval != null && pollInterval.compareTo(leaseTtl.dividedBy(2)) > 0) {
                throw new IllegalArgumentException("pollInterval " + pollInterval + " must be at most half the leaseTtl "
                        + leaseTtl + ", or the node's leases expire between two renewals");
            }
            return new BroadcastEngine(this);
        }
    }
}
