package io.github.botconnector.examples;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.broadcast.BroadcastEngine;
import io.github.botconnector.broadcast.BroadcastJob;
import io.github.botconnector.broadcast.BroadcastListener;
import io.github.botconnector.broadcast.BroadcastReport;
import io.github.botconnector.broadcast.Delivery;
import io.github.botconnector.broadcast.DeliveryState;
import io.github.botconnector.broadcast.Ledger;
import io.github.botconnector.broadcast.Recipient;
import io.github.botconnector.schema.Activity;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * A resumed job: the engine is stopped in the middle of a broadcast without a clean shutdown (as when the process
 * dies), and a new engine on the same JDBC ledger (an H2 file) finishes it. Recipients already sent are not sent
 * again; those whose request was in flight end {@code UNKNOWN} (possibly delivered, not re-sent); a 1:1 chat that was
 * being created is simply created again.
 *
 * <pre>
 * java ... ResumeJob [teamId] [tenantId]     (with the BOT_* variables for Teams)
 * </pre>
 *
 * Against Teams the ledger is {@code resume-ledger.mv.db} in the working directory: if the program itself is killed,
 * running it again resumes the job.
 */
public final class ResumeJob {

    /** The job's rate cap: slow enough that the stop falls in the middle of the job. */
    private static final double MAX_PER_SECOND = 5;

    private final ExampleConfig config;
    private final PrintStream out;

    /**
     * @param config where to send and with which credentials
     * @param out    where the story is printed
     */
    public ResumeJob(ExampleConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    /**
     * Starts the job on a first engine and stops that engine, without waiting for the requests in flight, once
     * {@code stopAfter} recipients have an outcome. A job already in the ledger is not submitted again.
     *
     * @return the ledger's states when the engine stopped
     */
    public BroadcastReport startAndStop(DataSource ledgerDatabase, String jobId, List<Recipient> recipients,
                                        Activity message, int stopAfter) {
        CountDownLatch outcomes = new CountDownLatch(stopAfter);
        BroadcastListener listener = new BroadcastListener() {
            @Override
            public void onOutcome(Delivery delivery) {
                outcomes.countDown();
            }
        };
        try (ConnectorClient client = config.newBroadcastClient()) {
            BroadcastEngine engine = BroadcastEngine.builder().client(client).ledger(Ledger.jdbc(ledgerDatabase))
                    .listener(listener).build();
            engine.submit(BroadcastJob.builder(jobId).recipients(recipients).message(message)
                    .maxPerSecond(MAX_PER_SECOND).build());
            try {
                if (!outcomes.await(10, TimeUnit.MINUTES)) {
                    out.println("  no " + stopAfter + " outcomes within 10 minutes; stopping anyway");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            engine.close();   // no clean shutdown: requests in flight are left SENDING in the ledger
            BroadcastReport stopped = engine.report(jobId);
            out.println("  first engine stopped mid-job: " + stopped.states());
            return stopped;
        }
    }

    /**
     * A new engine on the same ledger resumes the unfinished job and waits for it.
     *
     * @return the final report
     */
    public BroadcastReport resume(DataSource ledgerDatabase, String jobId) {
        try (ConnectorClient client = config.newBroadcastClient();
             BroadcastEngine engine = BroadcastEngine.builder().client(client).ledger(Ledger.jdbc(ledgerDatabase))
                     .build()) {
            BroadcastReport report = engine.awaitCompletion(jobId, Duration.ofHours(2));
            out.println("  second engine finished the job: " + report.states());
            for (Delivery d : report.notSent()) {
                out.println("    " + d.recipient().userId() + ": " + d.state()
                        + (d.reason() != null ? " " + d.reason() : "") + " (" + d.detail() + ")");
            }
            return report;
        }
    }

    /**
     * {@code ResumeJob [teamId] [tenantId]}: messages every member of the team, stopping the first engine after a
     * third of them, then resumes on a second engine. Against Teams, a job already in the ledger from an earlier run
     * is only resumed.
     */
    public static void main(String[] args) {
        try (ExampleConfig config = ExampleConfig.fromEnvironment()) {
            String teamId = config.teamId(args, 0).orElse(null);
            if (teamId == null) {
                System.err.println("Usage: ResumeJob <teamId (19:...@thread.tacv2)> [tenantId]");
                System.exit(2);
                return;
            }
            String tenantId = args.length >= 2 ? args[1] : config.tenantId();
            Path file = config.ledgerFile("resume-ledger");
            String jobId = "shift-plan-" + teamId;
            ResumeJob example = new ResumeJob(config, System.out);
            JdbcConnectionPool database = LedgerDatabase.h2File(file);
            try {
                if (Ledger.jdbc(database).job(jobId).isPresent()) {
                    System.out.println("  job " + jobId + " is already in " + file + ": resuming it");
                } else {
                    List<Recipient> members;
                    try (ConnectorClient client = config.newBroadcastClient();
                         BroadcastEngine reader = BroadcastEngine.builder().client(client).build()) {
                        members = reader.teamMembers(teamId, tenantId);
                    }
                    example.startAndStop(database, jobId, members,
                            Activity.message("Your shift plan for next week is ready."), Math.max(1, members.size() / 3));
                }
            } finally {
                database.dispose();                         // the process "dies": the next one opens the file again
            }
            database = LedgerDatabase.h2File(file);
            try {
                example.resume(database, jobId);
            } finally {
                database.dispose();
            }
        }
    }
}
