package io.github.botconnector.broadcast.internal;

import io.github.botconnector.broadcast.Delivery;
import io.github.botconnector.broadcast.JobRecord;
import io.github.botconnector.broadcast.Ledger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link Ledger} in memory; one lock, since the engine writes from one thread. */
public final class InMemoryLedger implements Ledger {

    private final Map<String, JobRecord> jobs = new LinkedHashMap<>();
    private final Set<String> finished = new HashSet<>();
    private final Map<String, Map<String, Delivery>> deliveries = new LinkedHashMap<>();
    /** Opted-out user ids by tenant (no key built per look-up: the engine asks once per recipient). */
    private final Map<String, Set<String>> optedOut = new HashMap<>();

    @Override
    public synchronized boolean createJob(JobRecord job, List<Delivery> records, Instant now) {
        if (jobs.containsKey(job.id())) {
            return false;
        }
        jobs.put(job.id(), job);
        Map<String, Delivery> byKey = new LinkedHashMap<>();
        for (Delivery d : records) {
            byKey.put(d.key(), d);
        }
        deliveries.put(job.id(), byKey);
        return true;
    }

    @Override
    public synchronized int addDeliveries(String jobId, List<Delivery> records) {
        Map<String, Delivery> byKey = deliveries.get(jobId);
        if (byKey == null) {
            throw new IllegalArgumentException("no job " + jobId + " in the ledger");
        }
        int added = 0;
        for (Delivery d : records) {
            if (byKey.putIfAbsent(d.key(), d) == null) {
                added++;
            }
        }
        return added;
    }

    @Override
    public synchronized Optional<JobRecord> job(String jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    @Override
    public synchronized List<String> unfinishedJobs() {
        List<String> out = new ArrayList<>();
        for (String id : jobs.keySet()) {
            if (!finished.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    @Override
    public synchronized void finishJob(String jobId, Instant at) {
        finished.add(jobId);
    }

    @Override
    public synchronized boolean isFinished(String jobId) {
        return finished.contains(jobId);
    }

    @Override
    public synchronized List<Delivery> deliveries(String jobId) {
        Map<String, Delivery> byKey = deliveries.get(jobId);
        return byKey == null ? List.of() : List.copyOf(byKey.values());
    }

    @Override
    public synchronized boolean transition(Delivery expected, Delivery next) {
        Map<String, Delivery> byKey = deliveries.get(expected.jobId());
        Delivery current = byKey == null ? null : byKey.get(expected.key());
        if (current == null || current.state() != expected.state() || current.attempts() != expected.attempts()) {
            return false;
        }
        byKey.put(next.key(), next);
        return true;
    }

    @Override
    public synchronized void optOut(String tenantId, String userId, Instant at) {
        optedOut.computeIfAbsent(tenantId, t -> new HashSet<>()).add(userId);
    }

    @Override
    public synchronized void optIn(String tenantId, String userId) {
        Set<String> users = optedOut.get(tenantId);
        if (users != null) {
            users.remove(userId);
        }
    }

    @Override
    public synchronized boolean isOptedOut(String tenantId, String userId) {
        Set<String> users = optedOut.get(tenantId);
        return users != null && users.contains(userId);
    }
}
