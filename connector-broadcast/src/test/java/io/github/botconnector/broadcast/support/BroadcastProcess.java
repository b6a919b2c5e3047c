package io.github.botconnector.broadcast.support;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.broadcast.BroadcastEngine;
import io.github.botconnector.broadcast.Ledger;
import java.time.Duration;

/**
 * A broadcast engine in its own JVM, for crash tests: it resumes the unfinished jobs of a JDBC ledger and sends to a
 * fake connector until it is killed. Arguments: JDBC URL, user, password, service URL, and optionally a node id and
 * the most tenants it leases (then it runs as one node of several, see {@link #node}).
 */
public final class BroadcastProcess {

    private BroadcastProcess() {
    }

    /** The multi-node settings the tests use: short leases so that a killed node's tenants are taken over quickly. */
    public static BroadcastEngine.Builder node(BroadcastEngine.Builder builder, String nodeId, int maxTenants) {
        return builder.node(nodeId).maxTenants(maxTenants).leaseTtl(Duration.ofSeconds(2));
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
