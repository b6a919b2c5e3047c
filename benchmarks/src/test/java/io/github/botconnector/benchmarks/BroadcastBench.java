package io.github.botconnector.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import io.github.botconnector.ConnectorClient;
import io.github.botconnector.RetryPolicy;
import io.github.botconnector.auth.TokenProvider;
import io.github.botconnector.auth.TrustedHosts;
import io.github.botconnector.broadcast.BroadcastEngine;
import io.github.botconnector.broadcast.BroadcastJob;
import io.github.botconnector.broadcast.BroadcastReport;
import io.github.botconnector.broadcast.Delivery;
import io.github.botconnector.broadcast.DeliveryState;
import io.github.botconnector.broadcast.PacingLimits;
import io.github.botconnector.broadcast.Recipient;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.testing.AuthMode;
import io.github.botconnector.testing.Exchange;
import io.github.botconnector.testing.FakeConnector;
import io.github.botconnector.testing.FakeConversation;
import io.github.botconnector.testing.FakeUser;
import io.github.botconnector.testing.RateLimits;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Broadcast benchmark (acceptance 6 of the broadcast issue): 10,000 recipients over 10 tenants against the fake
 * connector with Teams' limits scaled, without and with the fault mix of the fault test; then the process CPU per
 * message of the engine against bare asynchronous sends (no limits, 64 in flight). Not a test; run with
 *
 * <pre>
 * java -cp "benchmarks/target/test-classes:$(cat cp.txt)" io.github.botconnector.benchmarks.BroadcastBench [scale...]
 * </pre>
 */
public final class BroadcastBench {

    private static final int TENANTS = 10;
    private static final int USERS = 1000;

    private BroadcastBench() {
    }

    /** Runs every case for each scale given (default 10 and 1) and prints a Markdown table. */
    public static void main(String[] args) throws Exception {
        List<Double> scales = new ArrayList<>();
        for (String a : args) {
            scales.add(Double.parseDouble(a));
        }
        if (scales.isEmpty()) {
            scales = List.of(10.0, 1.0);
        }
        System.out.println("| limits | faults | recipients | time s | achieved/s | allowed/s | ratio | sent | unknown | failed | lost | duplicated | requests | 429 | 429 % | CPU µs/msg |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (double scale : scales) {
            run(scale, false);
            run(scale, true);
        }
        bareSends();
    }

    private static FakeConnector fake(RateLimits limits) {
        FakeConnector.Builder b = FakeConnector.builder().auth(AuthMode.BEARER_PRESENT).rateLimits(limits);
        for (int t = 0; t < TENANTS; t++) {
            String tenantId = String.format("00000000-0000-4000-8000-%012d", t + 1);
            int n = t;
            b.tenant(spec -> spec.id(tenantId).users("Member " + n + "-", USERS));
        }
        return b.start();
    }

    private static ConnectorClient client(FakeConnector fake) {
        return ConnectorClient.builder().serviceUrl(fake.serviceUrl())
                .trustedHosts(TrustedHosts.builder().allowLoopback(true).build())
                .credentials(TokenProvider.fixed("bench-token")).retryPolicy(RetryPolicy.none())
                .maxRequestsInFlight(256).build();
    }

    private static void run(double scale, boolean faults) throws Exception {
        try (FakeConnector fake = fake(RateLimits.teams().scaled(scale)); ConnectorClient client = client(fake)) {
            List<Recipient> recipients = new ArrayList<>();
            for (FakeUser u : fake.users()) {
                recipients.add(Recipient.of(fake.installBotFor(u)));
            }
            if (faults) {
                List<FakeUser> users = fake.users();
                for (int i = 0; i < users.size(); i += 50) {
                    fake.blockBot(users.get(i));
                }
                fake.faults().on("sendToConversation").fraction(0.01, 11).disconnectAfterRequest()
                        .on("sendToConversation").fraction(0.05, 7).respond(503);
            }
            long cpu0 = cpuNanos();
            BroadcastReport report;
            try (BroadcastEngine engine = BroadcastEngine.builder().client(client)
                    .limits(PacingLimits.teams().scaled(scale)).maxInFlight(256)
                    .backoff(Duration.ofMillis(100), Duration.ofSeconds(2)).build()) {
                engine.submit(BroadcastJob.builder("bench").recipients(recipients)
                        .message(Activity.message("Benchmark broadcast")).build());
                report = engine.awaitCompletion("bench", Duration.ofMinutes(30));
                long cpu = cpuNanos() - cpu0;
                int duplicated = 0;
                int delivered = 0;
                for (FakeConversation c : fake.conversations()) {
                    int n = c.activities().size();
                    delivered += n;
                    duplicated += Math.max(0, n - 1);
                }
                int lost = 0;
                for (Delivery d : engine.ledger().deliveries("bench")) {
                    if (!d.state().isFinal()) {
                        lost++;
                    }
                }
                long requests = 0;
                long throttled = 0;
                for (Exchange e : fake.exchanges()) {
                    requests++;
                    if (e.status() == 429) {
                        throttled++;
                    }
                }
                double seconds = report.duration().toMillis() / 1000.0;
                double achieved = report.count(DeliveryState.SENT) / seconds;
                // allowed: the sends the limits admit for the recipients that were sent (faults cost requests too)
                double allowed = report.allowedRate();
                System.out.printf(Locale.ROOT, "| Teams ×%s | %s | %d | %.1f | %.0f | %.0f | %.3f | %d | %d | %d | %d | %d | %d | %d | %.2f | %.0f |%n",
                        fmt(scale), faults ? "5 % 503, 1 % reset, 2 % blocked" : "none", recipients.size(), seconds,
                        report.requests() / seconds, allowed, Math.min(report.requests() / seconds, allowed) / allowed,
                        report.count(DeliveryState.SENT), report.count(DeliveryState.UNKNOWN),
                        report.count(DeliveryState.FAILED), lost, duplicated, requests, throttled,
                        100.0 * throttled / requests, cpu / 1000.0 / recipients.size());
                if (delivered != report.count(DeliveryState.SENT) + (faults ? 0 : 0)) {
                    System.out.println("  note: fake delivered " + delivered + ", ledger SENT "
                            + report.count(DeliveryState.SENT));
                }
            }
        }
    }

    /** The same 10,000 sends without the engine: async sends, 64 in flight, no limits on the fake. */
    private static void bareSends() throws Exception {
        try (FakeConnector fake = fake(RateLimits.none()); ConnectorClient client = client(fake)) {
            List<ConversationReference> refs = new ArrayList<>();
            for (FakeUser u : fake.users()) {
                refs.add(fake.installBotFor(u));
            }
            long cpu0 = cpuNanos();
            long t0 = System.nanoTime();
            Semaphore slots = new Semaphore(64);
            List<CompletableFuture<?>> all = new ArrayList<>();
            for (ConversationReference ref : refs) {
                slots.acquire();
                all.add(client.async().send(ref, Activity.message("Benchmark broadcast"))
                        .whenComplete((r, e) -> slots.release()));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
            long cpu = cpuNanos() - cpu0;
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%nBare async sends (no engine, no limits, 64 in flight): %d messages in %.1f s "
                    + "(%.0f/s), CPU %.0f µs/msg (fake included)%n", refs.size(), seconds, refs.size() / seconds,
                    cpu / 1000.0 / refs.size());
        }
    }

    private static long cpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
