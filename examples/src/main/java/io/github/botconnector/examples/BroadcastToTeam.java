package io.github.botconnector.examples;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.broadcast.BroadcastEngine;
import io.github.botconnector.broadcast.BroadcastJob;
import io.github.botconnector.broadcast.BroadcastListener;
import io.github.botconnector.broadcast.BroadcastReport;
import io.github.botconnector.broadcast.Ledger;
import io.github.botconnector.broadcast.Progress;
import io.github.botconnector.broadcast.Recipient;
import io.github.botconnector.schema.Activity;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * Messages every member of a team through the broadcast engine: paced to Teams' limits, one 1:1 chat per member,
 * a progress bar, and the final report (JSON) with each failure's reason and remedy. Use a JDBC ledger
 * ({@code Ledger.jdbc(dataSource)}) in production so that a restarted process resumes the job.
 *
 * <pre>
 * java ... BroadcastToTeam &lt;teamId&gt; [tenantId]     (with the BOT_* variables for Teams)
 * </pre>
 */
public final class BroadcastToTeam {

    private final ExampleConfig config;
    private final PrintStream out;

    /**
     * @param config where to send and with which credentials
     * @param out    where progress and the report are printed
     */
    public BroadcastToTeam(ExampleConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    /**
     * Sends the announcement to every member of the team and returns the report.
     *
     * @param jobId    the job's id (submitting it again is the same job)
     * @param teamId   the team (its General channel's id)
     * @param tenantId the team's tenant
     * @param text     the announcement
     */
    public BroadcastReport run(String jobId, String teamId, String tenantId, String text) {
        BroadcastListener progressBar = new BroadcastListener() {
            @Override
            public void onProgress(Progress p) {
                int width = 30;
                int filled = p.total() == 0 ? width : p.done() * width / p.total();
                out.printf("  [%s%s] %d/%d%n", "#".repeat(filled), ".".repeat(width - filled), p.done(), p.total());
            }
        };
        try (ConnectorClient client = config.newBroadcastClient();
             BroadcastEngine engine = BroadcastEngine.builder().client(client).ledger(Ledger.inMemory())
                     .listener(progressBar).progressInterval(Duration.ofMillis(500)).build()) {
            List<Recipient> members = engine.teamMembers(teamId, tenantId);
            out.println("  " + members.size() + " members");
            engine.submit(BroadcastJob.builder(jobId).recipients(members).message(Activity.message(text)).build());
            BroadcastReport report = engine.awaitCompletion(jobId, Duration.ofHours(2));
            out.println(report.toJson());
            return report;
        }
    }

    /** {@code BroadcastToTeam <teamId> [tenantId]}; without Teams settings, the sample team on the embedded fake. */
    public static void main(String[] args) {
        try (ExampleConfig config = ExampleConfig.fromEnvironment()) {
            String teamId = config.teamId(args, 0).orElse(null);
            if (teamId == null) {
                System.err.println("Usage: BroadcastToTeam <teamId (19:...@thread.tacv2)> [tenantId]");
                System.exit(2);
                return;
            }
            String tenantId = args.length >= 2 ? args[1] : config.tenantId();
            new BroadcastToTeam(config, System.out).run("announcement-" + System.currentTimeMillis(), teamId,
                    tenantId, "The office is closed on Friday.");
        }
    }
}
