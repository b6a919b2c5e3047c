package io.github.botconnector.broadcast.internal;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.broadcast.AppInstaller;
import io.github.botconnector.broadcast.BroadcastListener;
import io.github.botconnector.broadcast.BroadcastReport;
import io.github.botconnector.broadcast.Delivery;
import io.github.botconnector.broadcast.DeliveryState;
import io.github.botconnector.broadcast.FailureReason;
import io.github.botconnector.broadcast.JobRecord;
import io.github.botconnector.broadcast.LedgerException;
import io.github.botconnector.broadcast.Ledger;
import io.github.botconnector.broadcast.PacingLimits;
import io.github.botconnector.broadcast.Progress;
import io.github.botconnector.broadcast.Recipient;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.schema.ResourceResponse;
import io.github.botconnector.RetryPolicy;
import io.github.botconnector.teams.BatchFailedEntry;
import io.github.botconnector.teams.ChannelThread;
import io.github.botconnector.teams.DirectConversation;
import io.github.botconnector.teams.TeamsAsyncClient;
import io.github.botconnector.teams.TeamsClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's one dispatcher thread: it owns every run, pacer and queue, starts requests without blocking (the
 * client's asynchronous calls), and applies their outcomes when they come back, so no state is shared with HTTP
 * threads. Each transition is written to the ledger before the dispatcher acts on it.
 */
public final class Dispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    /** The dispatcher is running: a posted task is read without waking it. */
    private static final long AWAKE = Long.MIN_VALUE;
    /** The dispatcher sleeps until a task is posted. */
    private static final long SLEEPS = Long.MAX_VALUE;
    /**
     * The shortest sleep of a dispatcher that has nothing due now: starts that fall due within it wait for the next
     * round and start together (a tenant's token bucket holds a tenth of its budget, so the rate is kept), instead of
     * a thread switch for each start; at Teams' limits a round starts several requests where it started one.
     */
    private static final long TICK_MILLIS = 5;
    /** A posted task does not wake a dispatcher that wakes on its own this soon. */
    private static final long COALESCE_NANOS = TICK_MILLIS * 1_000_000;

    /**
     * Settings.
     *
     * @param node       this engine's node id when several engines share the ledger, else {@code null}
     * @param leaseTtl   how long a tenant lease lasts without renewal (multi-node)
     * @param pollInterval how often the ledger is read for other nodes' jobs and leases renewed (multi-node)
     * @param maxTenants most tenants this node leases at once (multi-node)
     * @param installer  installs the app for 1:1 recipients without it, or {@code null}
     */
    public record Settings(ConnectorClient client, Ledger ledger, PacingLimits limits, int maxInFlight,
                           BroadcastListener listener, Clock clock, Duration progressInterval, Duration baseDelay,
                           Duration maxDelay, String node, Duration leaseTtl, Duration pollInterval, int maxTenants,
                           AppInstaller installer) {
    }

    private final Settings s;
    private final TeamsAsyncClient teams;
    private final long allowanceMillis;
    private final long lateLimitMillis;
    private final boolean untilAnswered;
    /** Recognises the late answers of a stall across tenants, or {@code null} when no lateness is estimated. */
    private final StallWatch stalls;
    private final Object lock = new Object();
    /** {@link System#nanoTime()} by which the sleeping dispatcher wakes on its own, or {@link #AWAKE}, {@link #SLEEPS}. */
    private volatile long wakesBy = AWAKE;
    private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    // owned by the dispatcher thread
    private final Map<String, Run> runs = new LinkedHashMap<>();
    private final Map<String, Pacer> tenants = new HashMap<>();
    private final Map<String, Pacer> conversations = new HashMap<>();
    private final Map<String, LatencyFloor> floors = new HashMap<>();
    private final Map<String, ConnectorClient> clients = new HashMap<>();
    private int inFlight;
    private long nextProgress;
    private long nextCoordination;
    /** Tenants this node holds the lease of (multi-node). */
    private final java.util.Set<String> leased = new java.util.HashSet<>();

    /** Futures of jobs being run, readable from any thread. */
    private final Map<String, CompletableFuture<BroadcastReport>> done = new ConcurrentHashMap<>();
    private final Map<String, Run> visible = new ConcurrentHashMap<>();

    /** Starts the dispatcher thread. */
    public Dispatcher(Settings settings) {
        this.s = settings;
        this.teams = TeamsClient.of(settings.client()).async();
        this.allowanceMillis = settings.limits().arrivalAllowance().toMillis();
        this.lateLimitMillis = settings.limits().lateArrivalLimit().toMillis();
        this.untilAnswered = settings.limits().countsUntilAnswered();
        this.stalls = untilAnswered || lateLimitMillis <= allowanceMillis ? null : new StallWatch(lateLimitMillis);
        this.thread = new Thread(this::loop, "bot-connector-broadcast");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Starts (or joins) the run of a stored job: recipients found {@code SENDING} are settled first (see
     * {@link #settleInFlight}). The future completes with the final report.
     */
    public CompletableFuture<BroadcastReport> activate(String jobId) {
        CompletableFuture<BroadcastReport> future = done.computeIfAbsent(jobId, id -> new CompletableFuture<>());
        post(() -> load(jobId, future));
        return future;
    }

    /** The report of a job: live counters when it runs here, else from the ledger alone. */
    public BroadcastReport report(String jobId) {
        Run run = visible.get(jobId);
        List<Delivery> records = s.ledger().deliveries(jobId);
        if (run == null) {
            return BroadcastReport.of(jobId, records, Duration.ZERO, 0, 0, allowedRate(records, 0));
        }
        return run.report(records);
    }

    /**
     * Queues a task for the dispatcher thread and wakes it, unless it is running (it reads the inbox before it sleeps
     * again) or wakes on its own within {@link #COALESCE_NANOS} anyway: answers arriving while requests start every
     * few milliseconds are then taken up together, without a thread switch each.
     */
    private void post(Runnable task) {
        inbox.add(task);
        long by = wakesBy;
        if (by == SLEEPS || (by != AWAKE && by - System.nanoTime() > COALESCE_NANOS)) {
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }

    /**
     * Runs tasks posted by other threads, then every run, then sleeps until the earliest time something is due: a
     * scheduled job's {@code notBefore}, a retry, a pacer's next opening, the next progress report, the next look at
     * the ledger (several nodes only). A posted task (a new job, an answer) wakes it at once; nothing is polled.
     */
    private void loop() {
        List<Run> pumping = new ArrayList<>();
        while (!closed) {
            try {
                Runnable task;
                while ((task = inbox.poll()) != null) {
                    task.run();
                }
                long now = s.clock().millis();
                long next = Long.MAX_VALUE;
                if (s.node() != null && now >= nextCoordination) {
                    coordinate(now);
                    nextCoordination = now + s.pollInterval().toMillis();
                }
                if (s.node() != null) {
                    next = nextCoordination;
                }
                pumping.clear();
                pumping.addAll(runs.values());
                boolean started = false;
                for (Run run : pumping) {
                    next = Math.min(next, pump(run, now));
                    started |= run.startedAt >= 0;
                }
                if (started) {
                    if (now >= nextProgress) {
                        progress(now);
                        nextProgress = now + s.progressInterval().toMillis();
                    }
                    next = Math.min(next, nextProgress);
                }
                if (next > now && next != Long.MAX_VALUE) {
                    next = Math.max(next, now + TICK_MILLIS);
                }
                synchronized (lock) {
                    long wait = next == Long.MAX_VALUE ? 0 : next - s.clock().millis();
                    if (!closed && (wait > 0 || next == Long.MAX_VALUE)) {
                        // announced before the inbox is read, so a task posted meanwhile is seen or wakes the thread
                        wakesBy = next == Long.MAX_VALUE ? SLEEPS : System.nanoTime() + wait * 1_000_000;
                        if (inbox.isEmpty()) {
                            lock.wait(wait);
                        }
                        wakesBy = AWAKE;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                LOG.error("broadcast dispatcher: unexpected error, continuing", e);
            }
        }
    }

    // ---------------------------------------------------------------- loading and settling

    private void load(String jobId, CompletableFuture<BroadcastReport> future) {
        if (runs.containsKey(jobId)) {
            return;
        }
        JobRecord job = s.ledger().job(jobId).orElse(null);
        if (job == null) {
            future.completeExceptionally(new IllegalArgumentException("no job " + jobId + " in the ledger"));
            return;
        }
        Instant now = s.clock().instant();
        Run run = new Run(job, now);
        if (s.node() != null) {
            // multi-node: recipients are taken up per tenant once this node holds the tenant's lease
            List<Delivery> snapshot = s.ledger().deliveries(jobId);
            run.total = snapshot.size();
            run.future = future;
            runs.put(jobId, run);
            visible.put(jobId, run);
            resync(run, snapshot, now);
            return;
        }
        for (Delivery d : s.ledger().deliveries(jobId)) {
            if (d.state() == DeliveryState.SENDING) {
                d = settle(job, d, now);
            }
            run.total++;
            run.current.put(d.key(), d);
            switch (d.state()) {
                case PENDING -> run.enqueue(d);
                case RETRY -> run.waiting.add(d);
                case SENDING -> LOG.warn("job {}: recipient {} stays SENDING (the ledger refused the transition)",
                        jobId, d.key());
                default -> run.done++;
            }
        }
        if (run.done >= run.total) {
            s.ledger().finishJob(jobId, now);
            future.complete(BroadcastReport.of(jobId, s.ledger().deliveries(jobId), Duration.ZERO, 0, 0,
                    allowedRate(s.ledger().deliveries(jobId), job.maxPerSecond())));
            return;
        }
        run.future = future;
        runs.put(jobId, run);
        visible.put(jobId, run);
        LOG.info("job {}: {} recipients, {} to do{}", jobId, run.total, run.total - run.done,
                job.notBefore() == null ? "" : ", not before " + job.notBefore());
    }

    /**
     * Settles a recipient found {@code SENDING} in the ledger ({@link #settleInFlight}) and writes it; one that ends
     * {@code UNKNOWN} is an outcome like any other, so the listener hears of it.
     *
     * @return the record as the ledger now holds it
     */
    private Delivery settle(JobRecord job, Delivery d, Instant now) {
        Delivery settled = settleInFlight(job, d, now);
        if (!s.ledger().transition(d, settled)) {
            return d;
        }
        if (settled.state().isFinal()) {
            notifyOutcome(settled);
        }
        return settled;
    }

    /**
     * A recipient left {@code SENDING} by a process that stopped: nothing reached the service when no message
     * request was made (the chat was being created) or the request is idempotent (update, delete), so it is sent
     * again; otherwise it may have been delivered and becomes {@code UNKNOWN}, unless the job opted in to re-sending.
     */
    static Delivery settleInFlight(JobRecord job, Delivery d, Instant now) {
        boolean nothingSent = (d.reference() == null && d.recipient().kind() == Recipient.Kind.USER)
                || !job.sends();
        if (nothingSent) {
            return d.to(DeliveryState.PENDING, now);
        }
        if (job.resendPossiblyDelivered()) {
            return d.retry(now, "the process stopped while the request was in flight; sent again (opted in)", now);
        }
        return d.unknown("the process stopped while the request was in flight: it may have been delivered", now);
    }

    // ---------------------------------------------------------------- dispatching

    private long pump(Run run, long now) {
        JobRecord job = run.job;
        if (job.notBefore() != null && now < job.notBefore().toEpochMilli()) {
            return job.notBefore().toEpochMilli();
        }
        if (run.startedAt < 0) {
            run.startedAt = now;
        }
        replayUnwritten(run);
        if (!runs.containsKey(job.id())) {
            return Long.MAX_VALUE;
        }
        if (!run.deferred.isEmpty() && now >= run.deferredUntil) {
            run.deferred.forEach(run::enqueue);
            run.deferred.clear();
        }
        while (!run.waiting.isEmpty() && run.waiting.peek().retryAt().toEpochMilli() <= now) {
            run.enqueue(run.waiting.poll());
        }
        long next = run.waiting.isEmpty() ? Long.MAX_VALUE : run.waiting.peek().retryAt().toEpochMilli();
        if (!run.deferred.isEmpty() || !run.unwritten.isEmpty()) {
            next = Math.min(next, Math.max(now + 100, run.deferredUntil));
        }
        if (job.operation() == JobRecord.Operation.SEND_BATCH) {
            return Math.min(next, pumpBatch(run, now));
        }
        for (Map.Entry<String, TenantQueue> e : new ArrayList<>(run.ready.entrySet())) {
            TenantQueue tq = e.getValue();
            Pacer tenant = tenantPacer(e.getKey());
            int n = tq.order.size();
            for (int i = 0; i < n && runs.containsKey(job.id()); i++) {
                if (inFlight >= s.maxInFlight()) {
                    return next;
                }
                if (s.node() != null && (i & 15) == 15 && s.clock().millis() >= nextCoordination) {
                    return now;     // renew the leases first: a long round of ledger writes must not let them expire
                }
                long at = tenant.availableAt(now);
                if (run.jobPacer != null) {
                    at = Math.max(at, run.jobPacer.availableAt(now));
                }
                if (at > now) {
                    next = Math.min(next, at);
                    break;
                }
                String convKey = tq.order.poll();
                ArrayDeque<Delivery> queue = tq.byConversation.get(convKey);
                Pacer conversation = conversations.computeIfAbsent(convKey,
                        k -> new Pacer(s.limits().perConversation(), 1, allowanceMillis, lateLimitMillis, false,
                                untilAnswered, floor(e.getKey())));
                long cAt = conversation.availableAt(now);
                if (cAt > now) {
                    next = Math.min(next, cAt);
                    tq.order.add(convKey);
                    continue;
                }
                Delivery d = queue.poll();
                if (queue.isEmpty()) {
                    tq.byConversation.remove(convKey);
                } else {
                    tq.order.add(convKey);
                }
                dispatch(run, d, tenant, conversation, now);
            }
            if (tq.order.isEmpty()) {
                run.ready.remove(e.getKey());
            }
        }
        if (run.expiry != null && next > run.expiry.toEpochMilli()) {
            next = Math.max(now + 1, run.expiry.toEpochMilli());
            expireWaiting(run, now);
        }
        return next;
    }

    /**
     * Batch route: per tenant, every ready recipient is written {@code SENDING}, then one batch request carries them
     * all; the operation is polled until done and its failed entries map to reasons, the rest are {@code SENT}.
     */
    private long pumpBatch(Run run, long now) {
        long next = Long.MAX_VALUE;
        for (Map.Entry<String, TenantQueue> e : new ArrayList<>(run.ready.entrySet())) {
            Pacer tenant = tenantPacer(e.getKey());
            long at = tenant.availableAt(now);
            if (at > now || inFlight >= s.maxInFlight()) {
                next = Math.min(next, at);
                continue;
            }
            run.ready.remove(e.getKey());
            List<Delivery> batch = new ArrayList<>();
            Instant when = s.clock().instant();
            for (ArrayDeque<Delivery> q : e.getValue().byConversation.values()) {
                for (Delivery d : q) {
                    Recipient r = d.recipient();
                    if (run.expiry != null && !when.isBefore(run.expiry)) {
                        finish(run, d, d.failed(FailureReason.EXPIRED, "the job expired at " + run.expiry, when));
                    } else if (r.userId() != null && s.ledger().isOptedOut(r.tenantId(), r.userId())) {
                        finish(run, d, d.failed(FailureReason.OPTED_OUT, "on the opt-out list", when));
                    } else {
                        Delivery sending = d.sending(when);
                        if (s.ledger().transition(d, sending)) {
                            run.current.put(sending.key(), sending);
                            batch.add(sending);
                        }
                    }
                }
            }
            List<Delivery> users = batch.stream().filter(d -> d.recipient().kind() == Recipient.Kind.USER).toList();
            List<Delivery> channels = batch.stream().filter(d -> d.recipient().kind() == Recipient.Kind.CHANNEL)
                    .toList();
            if (!users.isEmpty()) {
                startBatch(run, users, tenant, now, ids -> teams.sendToUsers(ids, run.job.message(), e.getKey()));
            }
            if (!channels.isEmpty()) {
                startBatch(run, channels, tenant, now, ids -> teams.sendToChannels(ids, run.job.message(),
                        e.getKey()));
            }
            for (Delivery d : batch) {
                Recipient r = d.recipient();
                if (r.kind() == Recipient.Kind.TEAM) {
                    startBatch(run, List.of(d), tenant, now, ids -> teams.sendToTeam(run.job.message(), r.teamId(),
                            r.tenantId()));
                } else if (r.kind() == Recipient.Kind.TENANT) {
                    startBatch(run, List.of(d), tenant, now, ids -> teams.sendToTenant(run.job.message(),
                            r.tenantId()));
                }
            }
        }
        return next;
    }

    /** One batch request for {@code batch} (users or channels of one tenant), polled until Teams has fanned out. */
    private void startBatch(Run run, List<Delivery> batch, Pacer tenant, long now,
                            java.util.function.Function<List<String>, CompletableFuture<String>> send) {
        tenant.start(now);
        inFlight++;
        run.requests++;
        if (run.firstRequestAt < 0) {
            run.firstRequestAt = now;
        }
        List<String> ids = batch.stream().map(Dispatcher::batchEntryId).toList();
        CompletableFuture<List<BatchFailedEntry>> request = start(() -> send.apply(ids)
                .thenCompose(this::awaitBatch)).thenApply(entries -> (List<BatchFailedEntry>) entries);
        request.whenComplete((failed, error) -> post(() -> completeBatch(run, batch, tenant, now, failed, error)));
    }

    /** The id Teams gives a recipient's failed entry: the user id, or the channel id. */
    private static String batchEntryId(Delivery d) {
        return d.recipient().kind() == Recipient.Kind.CHANNEL ? d.recipient().channelId() : d.recipient().userId();
    }

    /** Polls the batch operation until it is no longer ongoing, then reads its failed entries. */
    private CompletableFuture<List<BatchFailedEntry>> awaitBatch(String operationId) {
        return teams.batchOperationState(operationId).thenCompose(state -> {
            if (!state.isOngoing()) {
                return teams.batchFailedEntries(operationId);
            }
            return RetryPolicy.Sleeper.system().sleep(Duration.ofSeconds(1)).toCompletableFuture()
                    .thenCompose(ignored -> awaitBatch(operationId));
        });
    }

    private void completeBatch(Run run, List<Delivery> batch, Pacer tenant, long startedAt,
                               List<BatchFailedEntry> failed, Throwable error) {
        long now = s.clock().millis();
        Instant at = s.clock().instant();
        inFlight--;
        // a batch operation's polling says nothing of when its first request arrived: counted from its start
        tenant.finish(startedAt, now, 0);
        if (!runs.containsKey(run.job.id())) {
            return;
        }
        if (error != null) {
            Outcome o = Outcome.of(error, false, false, false);
            if (o.kind() == Outcome.Kind.THROTTLED) {
                run.throttled++;
                tenant.throttled(startedAt, now,
                        now + (o.retryAfter() != null ? o.retryAfter() : backoff(1)).toMillis());
            }
            for (Delivery sending : batch) {
                switch (o.kind()) {
                    case THROTTLED, TRANSIENT -> retryOrGiveUp(run, sending,
                            at.plus(o.retryAfter() != null ? o.retryAfter() : backoff(sending.attempts())), o.detail(), at);
                    case FINAL -> finish(run, sending, sending.failed(o.reason(), o.detail(), at));
                    default -> finish(run, sending, sending.unknown(o.detail(), at));
                }
            }
            return;
        }
        tenant.succeeded();
        Recipient target = batch.get(0).recipient();
        if (target.kind() == Recipient.Kind.TEAM || target.kind() == Recipient.Kind.TENANT) {
            completeFanOut(run, batch.get(0), failed, at);
            return;
        }
        Map<String, String> errors = new HashMap<>();
        for (BatchFailedEntry entry : failed) {
            errors.put(entry.entryId(), entry.error());
        }
        for (Delivery sending : batch) {
            String code = errors.get(batchEntryId(sending));
            if (code == null) {
                finish(run, sending, sending.sent(null, at));
            } else {
                finish(run, sending, sending.failed(batchReason(code), "batch entry failed: " + code, at));
            }
        }
    }

    /**
     * A team- or tenant-wide batch is done: Teams named its failed entries only now, so each is added to the job as a
     * user recipient that ended {@code FAILED}; the team or tenant itself ends {@code SENT}.
     */
    private void completeFanOut(Run run, Delivery target, List<BatchFailedEntry> failed, Instant at) {
        String tenantId = target.recipient().tenantId();
        List<Delivery> entries = new ArrayList<>();
        for (BatchFailedEntry entry : failed) {
            Delivery pending = Delivery.pending(run.job.id(), Recipient.user(tenantId, entry.entryId()), null, null, at);
            entries.add(pending.sending(at).failed(batchReason(entry.error()), "batch entry of " + target.key()
                    + " failed: " + entry.error(), at));
        }
        List<Delivery> added = new ArrayList<>();
        if (!entries.isEmpty()) {
            int n = s.ledger().addDeliveries(run.job.id(), entries);
            java.util.Set<String> stored = new java.util.HashSet<>();
            for (Delivery d : s.ledger().deliveries(run.job.id())) {
                stored.add(d.key());
            }
            for (Delivery d : entries) {
                if (added.size() < n && stored.contains(d.key()) && !run.current.containsKey(d.key())) {
                    added.add(d);
                }
            }
            run.total += added.size();
        }
        finish(run, target, target.sent(null, at));
        for (Delivery d : added) {
            run.current.put(d.key(), d);
            counted(run, d);
        }
    }

    /** The reason for a failed batch entry's error code. */
    static FailureReason batchReason(String code) {
        String c = code.toLowerCase(java.util.Locale.ROOT);
        if (c.contains("blocked")) {
            return FailureReason.BLOCKED;
        }
        if (c.contains("roster")) {
            return FailureReason.APP_REMOVED;
        }
        if (c.contains("notfound")) {
            return FailureReason.NOT_FOUND;
        }
        if (c.contains("install")) {
            return FailureReason.NOT_INSTALLED;
        }
        return FailureReason.BAD_REQUEST;
    }

    /** The tenant's recent fastest answer, shared by its tenant and conversation pacers. */
    private LatencyFloor floor(String tenantKey) {
        return floors.computeIfAbsent(tenantKey, k -> new LatencyFloor(stalls));
    }

    private Pacer tenantPacer(String tenantKey) {
        return tenants.computeIfAbsent(tenantKey,
                k -> new Pacer(s.limits().perTenant(), Integer.MAX_VALUE, allowanceMillis, lateLimitMillis, true,
                        untilAnswered, floor(k)));
    }

    private void expireWaiting(Run run, long now) {
        if (now < run.expiry.toEpochMilli()) {
            return;
        }
        while (!run.waiting.isEmpty()) {
            Delivery d = run.waiting.poll();
            finish(run, d, d.failed(FailureReason.EXPIRED, "the job expired at " + run.expiry, s.clock().instant()));
        }
    }

    private void dispatch(Run run, Delivery d, Pacer tenant, Pacer conversation, long now) {
        Instant at = s.clock().instant();
        JobRecord job = run.job;
        if (run.expiry != null && !at.isBefore(run.expiry)) {
            finish(run, d, d.failed(FailureReason.EXPIRED, "the job expired at " + run.expiry, at));
            return;
        }
        Recipient r = d.recipient();
        if (job.sends() && r.tenantId() != null && r.userId() != null
                && s.ledger().isOptedOut(r.tenantId(), r.userId())) {
            finish(run, d, d.failed(FailureReason.OPTED_OUT, "on the opt-out list", at));
            return;
        }
        Delivery sending = d.sending(at);
        try {
            if (!s.ledger().transition(d, sending)) {
                LOG.warn("job {}: recipient {} changed in the ledger meanwhile; skipped", job.id(), d.key());
                return;
            }
        } catch (LedgerException e) {
            // nothing is sent before SENDING is written: try this recipient again later
            LOG.warn("job {}: the ledger cannot be written ({}); {} waits", job.id(), e.getMessage(), d.key());
            run.deferred.add(d);
            run.deferredUntil = now + 1000;
            return;
        }
        run.current.put(sending.key(), sending);
        run.inFlightKeys.add(sending.key());
        inFlight++;
        run.requests++;
        // the windows count from the moment the request leaves: after the ledger write (and after the request is
        // counted, so whoever reads the counter and then moves a manual clock cannot slip between the two)
        long startedAt = s.clock().millis();
        tenant.start(startedAt);
        conversation.start(startedAt);
        if (run.jobPacer != null) {
            run.jobPacer.start(startedAt);
        }
        if (run.firstRequestAt < 0) {
            run.firstRequestAt = startedAt;
        }
        boolean creates = sending.reference() == null && r.kind() == Recipient.Kind.USER;
        CompletableFuture<?> request = start(() -> request(job, sending));
        request.whenComplete((result, error) -> post(() ->
                complete(run, sending, creates, tenant, conversation, startedAt, result, error)));
    }

    private static CompletableFuture<?> start(Supplier<CompletableFuture<?>> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<?> request(JobRecord job, Delivery d) {
        ConversationReference ref = d.reference();
        Activity message = d.message() != null ? d.message() : job.message();
        if (ref == null && d.recipient().kind() == Recipient.Kind.CHANNEL) {
            return teams.createChannelThread(d.recipient().channelId(), message, d.recipient().tenantId());
        }
        if (ref == null) {
            return teams.createOrGetDirectConversation(null, ChannelAccount.of(d.recipient().userId()),
                    d.recipient().tenantId());
        }
        return switch (job.operation()) {
            case SEND -> s.client().async().send(ref, message);
            case UPDATE -> clientFor(ref.serviceUrl()).async().updateActivity(ref.conversation().id(), d.activityId(),
                    ref.applyTo(message).toBuilder().id(d.activityId()).build());
            case DELETE -> clientFor(ref.serviceUrl()).async().deleteActivity(ref.conversation().id(), d.activityId());
            case SEND_BATCH -> throw new IllegalStateException("batch jobs are sent per tenant");
        };
    }

    private ConnectorClient clientFor(String serviceUrl) {
        return clients.computeIfAbsent(serviceUrl, url -> s.client().withServiceUrl(url));
    }

    // ---------------------------------------------------------------- outcomes

    private void complete(Run run, Delivery sending, boolean creates, Pacer tenant, Pacer conversation,
                          long startedAt, Object result, Throwable error) {
        long now = s.clock().millis();
        Instant at = s.clock().instant();
        inFlight--;
        run.inFlightKeys.remove(sending.key());
        long lateness = floor(tenantKey(sending)).lateness(now - startedAt, now, error == null);
        tenant.finish(startedAt, now, lateness);
        conversation.finish(startedAt, now, lateness);
        if (run.jobPacer != null) {
            run.jobPacer.finish(startedAt, now, lateness);
        }
        if (!runs.containsKey(run.job.id())) {
            return;
        }
        JobRecord job = run.job;
        if (error == null) {
            tenant.succeeded();
            conversation.succeeded();
            if (creates) {
                record(run, sending, sending.withConversation(((DirectConversation) result).reference(), at));
                return;
            }
            if (result instanceof ChannelThread thread) {
                finish(run, sending, sending.sent(thread.activityId(), thread.reference(), at));
                return;
            }
            String activityId = job.operation() == JobRecord.Operation.SEND && result instanceof ResourceResponse rr
                    ? rr.id() : sending.activityId();
            finish(run, sending, sending.sent(activityId, at));
            return;
        }
        boolean idempotent = creates || !job.sends();
        Outcome o = Outcome.of(error, creates, idempotent, job.operation() == JobRecord.Operation.DELETE);
        switch (o.kind()) {
            case THROTTLED -> {
                run.throttled++;
                Duration wait = o.retryAfter() != null ? o.retryAfter() : backoff(sending.attempts());
                long until = now + wait.toMillis();
                tenant.throttled(startedAt, now, until);
                conversation.throttled(startedAt, now, until);
                retryOrGiveUp(run, sending, Instant.ofEpochMilli(until), o.detail(), at);
            }
            case TRANSIENT -> retryOrGiveUp(run, sending, at.plus(backoff(sending.attempts())), o.detail(), at);
            case POSSIBLY_DELIVERED -> {
                if (job.resendPossiblyDelivered()) {
                    retryOrGiveUp(run, sending, at.plus(backoff(sending.attempts())), o.detail(), at);
                } else {
                    finish(run, sending, sending.unknown(o.detail(), at));
                }
            }
            case ALREADY_DONE -> finish(run, sending, sending.sent(sending.activityId(), at));
            case FINAL -> {
                if (creates && o.reason() == FailureReason.NOT_INSTALLED && s.installer() != null
                        && run.installTried.add(sending.key())) {
                    install(run, sending, o.detail());
                } else {
                    finish(run, sending, sending.failed(o.reason(), o.detail(), at));
                }
            }
        }
    }

    /** Asks the installer to install the app, then creates the chat again (or reports not installed). */
    private void install(Run run, Delivery sending, String detail) {
        Recipient r = sending.recipient();
        run.inFlightKeys.add(sending.key());
        CompletableFuture<Boolean> installed;
        try {
            installed = s.installer().install(r.tenantId(), r.userId());
        } catch (RuntimeException e) {
            installed = CompletableFuture.failedFuture(e);
        }
        installed.whenComplete((ok, error) -> post(() -> {
            run.inFlightKeys.remove(sending.key());
            Instant at = s.clock().instant();
            if (!runs.containsKey(run.job.id())) {
                return;
            }
            if (error == null && Boolean.TRUE.equals(ok)) {
                record(run, sending, sending.to(DeliveryState.PENDING, at));
            } else {
                String why = error != null ? "installing the app failed: " + error : "the installer could not install"
                        + " the app";
                finish(run, sending, sending.failed(FailureReason.NOT_INSTALLED, detail + "; " + why, at));
            }
        }));
    }

    private void retryOrGiveUp(Run run, Delivery sending, Instant when, String detail, Instant at) {
        if (sending.attempts() >= run.job.maxAttempts()) {
            finish(run, sending, sending.failed(FailureReason.RETRIES_EXHAUSTED, detail, at));
            return;
        }
        record(run, sending, sending.retry(when, detail, at));
    }

    private Duration backoff(int attempts) {
        long base = s.baseDelay().toMillis();
        long cap = s.maxDelay().toMillis();
        long exp = Math.min(cap, base << Math.min(20, Math.max(0, attempts - 1)));
        return Duration.ofMillis(exp / 2 + ThreadLocalRandom.current().nextLong(exp / 2 + 1));
    }

    private void finish(Run run, Delivery from, Delivery last) {
        record(run, from, last);
    }

    /**
     * Writes a transition, then acts on it: a final state is counted and reported, a retry waits, a pending
     * recipient is queued. When the ledger cannot be written (the database is down) the transition is kept and
     * written again on every round of the dispatcher until it succeeds, so no outcome is dropped.
     */
    private void record(Run run, Delivery from, Delivery to) {
        boolean written;
        try {
            written = s.ledger().transition(from, to);
        } catch (LedgerException e) {
            if (run.unwritten.isEmpty()) {
                LOG.warn("job {}: the ledger cannot be written ({}); keeping outcomes in memory and trying again",
                        run.job.id(), e.getMessage());
            }
            run.unwritten.add(new Delivery[] {from, to});
            return;
        }
        if (!written) {
            LOG.warn("job {}: recipient {} changed in the ledger meanwhile; {} not recorded", run.job.id(),
                    from.key(), to.state());
            return;
        }
        run.current.put(to.key(), to);
        switch (to.state()) {
            case PENDING -> run.enqueue(to);
            case RETRY -> run.waiting.add(to);
            case SENT, FAILED, UNKNOWN -> counted(run, to);
            default -> LOG.warn("job {}: unexpected transition to {}", run.job.id(), to.state());
        }
    }

    /** Transitions the ledger could not take: written again, in order. */
    private void replayUnwritten(Run run) {
        int n = run.unwritten.size();
        for (int i = 0; i < n && runs.containsKey(run.job.id()); i++) {
            Delivery[] write = run.unwritten.poll();
            record(run, write[0], write[1]);
        }
    }

    private void counted(Run run, Delivery last) {
        run.done++;
        run.doneHere++;
        run.lastOutcomeAt = s.clock().millis();
        notifyOutcome(last);
        if (run.done >= run.total) {
            complete(run);
        }
    }

    private void notifyOutcome(Delivery last) {
        try {
            s.listener().onOutcome(last);
        } catch (RuntimeException e) {
            LOG.warn("broadcast listener failed on an outcome; ignored", e);
        }
    }

    private void complete(Run run) {
        s.ledger().finishJob(run.job.id(), s.clock().instant());
        runs.remove(run.job.id());
        BroadcastReport report = run.report(s.ledger().deliveries(run.job.id()));
        notifyProgress(run, s.clock().millis());
        LOG.info("job {} finished: {}", run.job.id(), report);
        run.future.complete(report);
    }

    // ---------------------------------------------------------------- several nodes

    /**
     * Multi-node housekeeping: picks up jobs submitted elsewhere, takes, renews and gives up tenant leases, takes up
     * the recipients of newly leased tenants, and notices jobs finished by other nodes.
     */
    private void coordinate(long nowMillis) {
        Instant now = Instant.ofEpochMilli(nowMillis);
        for (String jobId : s.ledger().unfinishedJobs()) {
            if (!runs.containsKey(jobId)) {
                load(jobId, done.computeIfAbsent(jobId, id -> new CompletableFuture<>()));
            }
        }
        java.util.Set<String> withWork = new java.util.LinkedHashSet<>();
        Map<String, List<Delivery>> snapshots = new HashMap<>();
        for (Run run : runs.values()) {
            List<Delivery> snapshot = s.ledger().deliveries(run.job.id());
            snapshots.put(run.job.id(), snapshot);
            for (Delivery d : snapshot) {
                if (!d.state().isFinal()) {
                    withWork.add(tenantKey(d));
                }
            }
        }
        for (String tenant : new ArrayList<>(leased)) {
            if (!withWork.contains(tenant) || !s.ledger().leaseTenant(tenant, s.node(), now, s.leaseTtl())) {
                if (!withWork.contains(tenant)) {
                    s.ledger().releaseTenant(tenant, s.node());
                }
                leased.remove(tenant);
                for (Run run : runs.values()) {
                    run.drop(tenant);
                }
            }
        }
        for (String tenant : withWork) {
            if (!leased.contains(tenant) && leased.size() < s.maxTenants()
                    && s.ledger().leaseTenant(tenant, s.node(), now, s.leaseTtl())) {
                leased.add(tenant);
                LOG.info("node {} leased tenant {}", s.node(), tenant);
            }
        }
        for (Run run : new ArrayList<>(runs.values())) {
            resync(run, snapshots.get(run.job.id()), now);
        }
    }

    /**
     * Brings a run in line with the ledger: counts what is final (other nodes' work included) and takes up the
     * recipients of tenants newly leased by this node, settling those another node left {@code SENDING}.
     */
    private void resync(Run run, List<Delivery> snapshot, Instant now) {
        if (snapshot == null) {
            return;
        }
        int finals = 0;
        for (Delivery d : snapshot) {
            String tenant = tenantKey(d);
            if (leased.contains(tenant) && !run.taken.contains(tenant) && !run.inFlightKeys.contains(d.key())) {
                if (d.state() == DeliveryState.SENDING) {
                    d = settle(run.job, d, now);
                }
                run.current.put(d.key(), d);
                if (d.state() == DeliveryState.PENDING) {
                    run.enqueue(d);
                } else if (d.state() == DeliveryState.RETRY) {
                    run.waiting.add(d);
                }
            }
            if (d.state().isFinal()) {
                finals++;
            }
        }
        for (Delivery d : snapshot) {
            if (leased.contains(tenantKey(d))) {
                run.taken.add(tenantKey(d));
            }
        }
        run.done = finals;
        if (run.done >= run.total) {
            complete(run);
        }
    }

    private void progress(long now) {
        for (Run run : runs.values()) {
            if (run.startedAt >= 0) {
                notifyProgress(run, now);
            }
        }
        conversations.values().removeIf(p -> p.idle(now));
    }

    private void notifyProgress(Run run, long now) {
        double seconds = Math.max(0.001, (now - Math.max(0, run.startedAt)) / 1000.0);
        double rate = run.doneHere / seconds;
        Duration eta = rate > 0 ? Duration.ofMillis((long) ((run.total - run.done) / rate * 1000)) : null;
        try {
            s.listener().onProgress(new Progress(run.job.id(), run.done, run.total, rate, eta, (int) run.throttled));
        } catch (RuntimeException e) {
            LOG.warn("broadcast listener failed on progress; ignored", e);
        }
    }

    private double allowedRate(List<Delivery> records, double jobCap) {
        long tenantCount = records.stream().map(d -> tenantKey(d)).distinct().count();
        double rate = s.limits().tenantRatePerSecond() * Math.max(1, tenantCount);
        return jobCap > 0 ? Math.min(rate, jobCap) : rate;
    }

    static String tenantKey(Delivery d) {
        String t = d.recipient().tenantId();
        if (t == null && d.reference() != null) {
            t = d.reference().tenantId();
        }
        return t == null ? "" : t;
    }

    static String conversationKey(Delivery d) {
        return d.reference() != null ? d.reference().conversation().id() : d.key();
    }

    /** Stops the dispatcher; requests in flight finish on their own, their outcomes are not recorded. */
    @Override
    public void close() {
        closed = true;
        synchronized (lock) {
            lock.notifyAll();
        }
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ready recipients of one tenant, by conversation, served round-robin. */
    private static final class TenantQueue {
        final Map<String, ArrayDeque<Delivery>> byConversation = new HashMap<>();
        final ArrayDeque<String> order = new ArrayDeque<>();
    }

    /** One job being run. */
    private final class Run {
        final JobRecord job;
        final Instant expiry;
        final Pacer jobPacer;
        final Map<String, Delivery> current = new HashMap<>();
        final Map<String, TenantQueue> ready = new LinkedHashMap<>();
        final PriorityQueue<Delivery> waiting = new PriorityQueue<>(Comparator.comparing(Delivery::retryAt));
        final java.util.Set<String> inFlightKeys = new java.util.HashSet<>();
        final java.util.Set<String> installTried = new java.util.HashSet<>();
        /** Recipients whose SENDING could not be written; queued again at {@link #deferredUntil}. */
        final List<Delivery> deferred = new ArrayList<>();
        long deferredUntil;
        /** Transitions (from, to) the ledger could not take yet. */
        final ArrayDeque<Delivery[]> unwritten = new ArrayDeque<>();
        /** Tenants whose recipients this run has taken up from the ledger (multi-node). */
        final java.util.Set<String> taken = new java.util.HashSet<>();
        CompletableFuture<BroadcastReport> future;
        int total;
        int done;
        int doneHere;
        volatile long requests;
        volatile long throttled;
        long startedAt = -1;
        volatile long firstRequestAt = -1;
        volatile long lastOutcomeAt = -1;

        Run(JobRecord job, Instant now) {
            this.job = job;
            this.expiry = job.expiry(job.notBefore() != null ? job.notBefore() : now);
            this.jobPacer = job.maxPerSecond() > 0 ? new Pacer(List.of(capWindow(job.maxPerSecond())),
                    Integer.MAX_VALUE, allowanceMillis, lateLimitMillis, true, untilAnswered, null) : null;
        }

        void enqueue(Delivery d) {
            TenantQueue tq = ready.computeIfAbsent(tenantKey(d), k -> new TenantQueue());
            String convKey = conversationKey(d);
            ArrayDeque<Delivery> q = tq.byConversation.get(convKey);
            if (q == null) {
                q = new ArrayDeque<>();
                tq.byConversation.put(convKey, q);
                tq.order.add(convKey);
            }
            q.add(d);
        }

        /** Stops working on a tenant whose lease this node lost or gave up. */
        void drop(String tenant) {
            ready.remove(tenant);
            waiting.removeIf(d -> tenantKey(d).equals(tenant));
            taken.remove(tenant);
        }

        BroadcastReport report(List<Delivery> records) {
            long first = firstRequestAt;
            long last = lastOutcomeAt;
            Duration duration = first < 0 || last < first ? Duration.ZERO : Duration.ofMillis(last - first);
            return BroadcastReport.of(job.id(), records, duration, requests, throttled,
                    allowedRate(records, job.maxPerSecond()));
        }
    }

    private static PacingLimits.Window capWindow(double perSecond) {
        if (perSecond >= 1) {
            return new PacingLimits.Window((int) Math.floor(perSecond), Duration.ofSeconds(1));
        }
        return new PacingLimits.Window(1, Duration.ofMillis((long) Math.ceil(1000 / perSecond)));
    }
}
