package io.github.botconnector.examples;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.broadcast.BroadcastEngine;
import io.github.botconnector.broadcast.BroadcastJob;
import io.github.botconnector.broadcast.BroadcastReport;
import io.github.botconnector.broadcast.JobRecord;
import io.github.botconnector.broadcast.Ledger;
import io.github.botconnector.broadcast.Recipient;
import io.github.botconnector.schema.Activity;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * A scheduled message: a broadcast job with {@code notBefore}, kept in a JDBC ledger (an H2 file here), so it is
 * sent at its time even when the process is restarted in between: a new engine on the same ledger picks the job up
 * when it is built, and submitting the same job id again is the same job.
 *
 * <pre>
 * java ... ScheduledMessage [secondsFromNow (default 10)] [teamId] [tenantId]   (with the BOT_* variables for Teams)
 * </pre>
 */
public final class ScheduledMessage implements AutoCloseable {

    private final ConnectorClient client;
    private final BroadcastEngine engine;
    private final Clock clock;
    private final PrintStream out;

    private ScheduledMessage(ConnectorClient client, BroadcastEngine engine, Clock clock, PrintStream out) {
        this.client = client;
        this.engine = engine;
        this.clock = clock;
        this.out = out;
    }

    /**
     * Starts an engine on the ledger in {@code ledgerDatabase}; jobs scheduled there by an earlier run are resumed.
     *
     * @param config         where to send and with which credentials
     * @param ledgerDatabase the database of the JDBC ledger
     * @param clock          the engine's clock (schedules are kept to it)
     * @param out            where the story is printed
     */
    public static ScheduledMessage start(ExampleConfig config, DataSource ledgerDatabase, Clock clock,
                                         PrintStream out) {
        ConnectorClient client = config.newBroadcastClient();
        BroadcastEngine engine = BroadcastEngine.builder().client(client).ledger(Ledger.jdbc(ledgerDatabase))
                .clock(clock).build();
        return new ScheduledMessage(client, engine, clock, out);
    }

    /** Everyone in the team, as 1:1 recipients. */
    public List<Recipient> teamMembers(String teamId, String tenantId) {
        return engine.teamMembers(teamId, tenantId);
    }

    /**
     * Schedules {@code message} for {@code recipients} at {@code notBefore}; a job with this id already in the
     * ledger keeps its own schedule.
     *
     * @return when the job will be sent (as stored in the ledger)
     */
    public Instant schedule(String jobId, List<Recipient> recipients, Activity message, Instant notBefore) {
        boolean created = engine.submit(BroadcastJob.builder(jobId).recipients(recipients).message(message)
                .notBefore(notBefore).build());
        JobRecord job = engine.ledger().job(jobId).orElseThrow();
        out.println("  " + (created ? "scheduled" : "already in the ledger:") + " job " + jobId + " for "
                + job.notBefore() + ", " + job.recipientCount() + " recipients (now " + clock.instant() + ")");
        return job.notBefore();
    }

    /** The job's report now: before its time, every recipient is still pending. */
    public BroadcastReport report(String jobId) {
        return engine.report(jobId);
    }

    /** Waits until the job has been sent (at most {@code timeout} after its time) and prints the report. */
    public BroadcastReport awaitSent(String jobId, Duration timeout) {
        BroadcastReport report = engine.awaitCompletion(jobId, timeout);
        out.println("  sent at " + clock.instant() + ": " + report.states());
        out.println(report.toJson());
        return report;
    }

    /** Stops the engine (a job not yet sent stays in the ledger for the next run) and closes the client. */
    @Override
    public void close() {
        engine.close();
        client.close();
    }

    /**
     * {@code ScheduledMessage [secondsFromNow] [teamId] [tenantId]}: schedules a reminder to every member of the team
     * and waits for it. The ledger is {@code scheduled-ledger.mv.db} in the working directory against Teams (a second
     * run resumes the job), a temporary file against the embedded fake.
     */
    public static void main(String[] args) {
        long seconds = args.length >= 1 ? Long.parseLong(args[0]) : 10;
        try (ExampleConfig config = ExampleConfig.fromEnvironment()) {
            String teamId = config.teamId(args, 1).orElse(null);
            if (teamId == null) {
                System.err.println("Usage: ScheduledMessage [secondsFromNow] <teamId (19:...@thread.tacv2)> [tenantId]");
                System.exit(2);
                return;
            }
            String tenantId = args.length >= 3 ? args[2] : config.tenantId();
            Path file = config.ledgerFile("scheduled-ledger");
            JdbcConnectionPool database = LedgerDatabase.h2File(file);
            try (ScheduledMessage scheduled = start(config, database, Clock.systemUTC(), System.out)) {
                String jobId = "reminder-" + teamId;
                Instant at = scheduled.schedule(jobId, scheduled.teamMembers(teamId, tenantId),
                        Activity.message("Reminder: the quarterly review starts in 15 minutes."),
                        Instant.now().plusSeconds(seconds));
                scheduled.awaitSent(jobId, Duration.between(Instant.now(), at).plusHours(1));
            } finally {
                database.dispose();
            }
        }
    }
}
