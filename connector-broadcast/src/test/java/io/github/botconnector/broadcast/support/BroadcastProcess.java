package io.github.botconnector.broadcast.support;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.broadcast.BroadcastEngine;
import io.github.botconnector.broadcast.Ledger;
import java.time.Duration;

/**
 * A broadcast engine in its own JVM, for crash tests: it resumes the unfinished jobs of a JDBC ledger and sends to a
 * fake connector until it is killed. Arguments: JDBC URL, user, password, service URL.
 */
public final class BroadcastProcess {

    private BroadcastProcess() {
    }

    /** Runs until killed (or until every job finished). */
    public static void main(String[] args) {
        Databases.Db db = new Databases.Db("child", args[0], args[1], args[2]);
        ConnectorClient client = Fakes.fixedTokenClient(args[3]);
        BroadcastEngine engine = BroadcastEngine.builder().client(client).ledger(Ledger.jdbc(db.dataSource()))
                .limits(Fakes.limits()).build();
        for (String jobId : engine.ledger().unfinishedJobs()) {
            engine.awaitCompletion(jobId, Duration.ofMinutes(5));
        }
        System.exit(0);
    }
}
