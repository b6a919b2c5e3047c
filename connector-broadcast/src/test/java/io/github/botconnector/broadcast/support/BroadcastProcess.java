package io.github.botconnector.broadcast.support;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.broadcast.BroadcastEngine;
import io.github.botconnector.broadcast.BroadcastJob;
import io.github.botconnector.broadcast.Delivery;
import io.github.botconnector.broadcast.DeliveryState;
import io.github.botconnector.broadcast.Ledger;
import io.github.botconnector.broadcast.Recipient;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A broadcast engine in its own JVM, for crash tests: it resumes the unfinished jobs of a JDBC ledger and sends to a
 * fake connector until it is killed. Arguments: JDBC URL, user, password, service URL, and optionally a node id and
 * the most tenants it leases (then it runs as one node of several, see {@link #node}).
 */
public final class BroadcastProcess {

    private BroadcastProcess() {
    }

    /**
     * The multi-node settings the tests use: leases short enough that a killed node's tenants are taken over in a few
     * seconds, long enough that a live node starved of CPU on a loaded machine still renews its leases in time.
     */
    public static BroadcastEngine.Builder node(BroadcastEngine.Builder builder, String nodeId, int maxTenants) {
        return builder.node(nodeId).maxTenants(maxTenants).leaseTtl(Duration.ofSeconds(6)).maxInFlight(64);
    }

    /**
     * Starts this class in a new JVM with the test class path; its output goes to {@code target/<logName>.log}.
     *
     * @param nodeArgs nothing, or a node id and the most tenants it leases
     */
    public static Process start(Databases.Db db, String serviceUrl, String logName, String... nodeArgs)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), BroadcastProcess.class.getName(), db.url(),
                db.user(), db.password(), serviceUrl));
        command.addAll(List.of(nodeArgs));
        File log = Path.of("target", logName + ".log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    /** Stores a job in the ledger without running it (the engines under test pick it up). */
    public static void store(Ledger ledger, BroadcastJob job) {
        List<Delivery> pending = new ArrayList<>();
        for (Recipient r : job.recipients()) {
            pending.add(Delivery.pending(job.id(), r, null, null, Instant.now()));
        }
        if (!ledger.createJob(job.record(), pending, Instant.now())) {
            throw new IllegalStateException("job " + job.id() + " was already stored");
        }
    }

    /**
     * Checks the ledger against the fake after a crash: every recipient is {@code SENT} and delivered, or
     * {@code UNKNOWN}; returns how many are unknown.
     */
    public static int checkSentOrUnknown(Ledger ledger, String jobId, Map<String, Integer> delivered, String text) {
        int unknown = 0;
        for (Delivery d : ledger.deliveries(jobId)) {
            boolean arrived = delivered.containsKey(d.reference().conversation().id() + "|" + text);
            if (d.state() == DeliveryState.SENT) {
                if (!arrived) {
                    throw new AssertionError("SENT but not delivered: " + d);
                }
            } else if (d.state() == DeliveryState.UNKNOWN) {
                unknown++;
            } else {
                throw new AssertionError("neither SENT nor UNKNOWN: " + d);
            }
        }
        return unknown;
    }

    /** Runs until killed (or until every job finished). */
    public static void main(String[] args) {
        Databases.Db db = new Databases.Db("child", args[0], args[1], args[2]);
        ConnectorClient client = Fakes.fixedTokenClient(args[3]);
        BroadcastEngine.Builder builder = BroadcastEngine.builder().client(client)
                .ledger(Ledger.jdbc(db.dataSource())).limits(Fakes.limits());
        if (args.length > 4) {
            node(builder, args[4], Integer.parseInt(args[5]));
        }
        BroadcastEngine engine = builder.build();
        for (String jobId : engine.ledger().unfinishedJobs()) {
            engine.awaitCompletion(jobId, Duration.ofMinutes(5));
        }
        System.exit(0);
    }
}
