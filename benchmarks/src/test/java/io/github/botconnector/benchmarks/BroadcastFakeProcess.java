package io.github.botconnector.benchmarks;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.RetryPolicy;
import io.github.botconnector.auth.TokenProvider;
import io.github.botconnector.auth.TrustedHosts;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.testing.AuthMode;
import io.github.botconnector.testing.Exchange;
import io.github.botconnector.testing.FakeConnector;
import io.github.botconnector.testing.FakeConversation;
import io.github.botconnector.testing.FakeUser;
import io.github.botconnector.testing.RateLimits;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * The fake connector of {@link BroadcastBench} in its own JVM, so the benchmark measures the engine's CPU alone:
 * {@code tenants users scale faults latencyMillis referencesFile}. Installs the bot for every user, writes their
 * conversation references (JSON, one per line), prints {@code READY <serviceUrl>}, then answers {@code stats} on
 * standard input with {@code requests throttled delivered duplicated cpuNanos} and stops on {@code quit}.
 *
 * <p>Before it starts the fake the benchmark reads, the JVM answers {@link #WARM_UP} sends on a throwaway fake of the
 * same settings without limits ({@code -Dbench.fakeWarmUp=N}, 0 for none), so the fake's code is compiled when the
 * measured run begins, as a service's is: without it a fresh JVM spends about 0.3 ms of compilation per request of
 * the first 10,000. The CPU figure of {@code stats} is read before the journal is counted. With
 * {@code -Dbench.trace429=true} (passed on by {@link BroadcastBench}) {@code stats} also prints to standard error when
 * each 429 was answered, in milliseconds from the first request: clusters across tenants point at a stall.
 */
public final class BroadcastFakeProcess {

    /** Sends answered by a throwaway fake before the measured one starts. */
    static final int WARM_UP = Integer.getInteger("bench.fakeWarmUp", 10_000);

    private BroadcastFakeProcess() {
    }

    /** Runs the fake until {@code quit}. */
    public static void main(String[] args) throws Exception {
        int tenants = Integer.parseInt(args[0]);
        int users = Integer.parseInt(args[1]);
        double scale = Double.parseDouble(args[2]);
        boolean faults = Boolean.parseBoolean(args[3]);
        long latency = Long.parseLong(args[4]);
        Path references = Path.of(args[5]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        warmUp(tenants, users);
        FakeConnector.Builder b = FakeConnector.builder().auth(AuthMode.BEARER_PRESENT)
                .rateLimits(scale > 0 ? RateLimits.teams().scaled(scale) : RateLimits.none());
        for (int t = 0; t < tenants; t++) {
            String tenantId = String.format("00000000-0000-4000-8000-%012d", t + 1);
            int n = t;
            b.tenant(spec -> spec.id(tenantId).users("Member " + n + "-", users));
        }
        try (FakeConnector fake = b.start()) {
            List<String> lines = new ArrayList<>();
            for (FakeUser u : fake.users()) {
                lines.add(fake.installBotFor(u).toJson());
            }
            Files.write(references, lines, StandardCharsets.UTF_8);
            if (faults) {
                List<FakeUser> all = fake.users();
                for (int i = 0; i < all.size(); i += 50) {
                    fake.blockBot(all.get(i));
                }
                fake.faults().on("sendToConversation").fraction(0.01, 11).disconnectAfterRequest()
                        .on("sendToConversation").fraction(0.05, 7).respond(503);
            }
            if (latency > 0) {
                fake.faults().on("sendToConversation").always().delay(Duration.ofMillis(latency));
            }
            fake.exchanges();
            out.println("READY " + fake.serviceUrl());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            long cpu0 = cpuNanos();
            while ((line = in.readLine()) != null && !line.equals("quit")) {
                if (line.equals("mark")) {
                    cpu0 = cpuNanos();
                    out.println("MARKED");
                } else if (line.equals("stats")) {
                    long cpu = cpuNanos() - cpu0;
                    long requests = 0;
                    long throttled = 0;
                    java.time.Instant first = null;
                    StringBuilder trace = new StringBuilder();
                    for (Exchange e : fake.exchanges()) {
                        requests++;
                        if (first == null) {
                            first = e.at();
                        }
                        if (e.status() == 429) {
                            throttled++;
                            trace.append(java.time.Duration.between(first, e.at()).toMillis()).append(' ');
                        }
                    }
                    if (Boolean.getBoolean("bench.trace429")) {
                        System.err.println("429 at ms: " + trace + "(first request at epoch ms "
                                + (first == null ? 0 : first.toEpochMilli()) + ")");
                    }
                    long delivered = 0;
                    long duplicated = 0;
                    for (FakeConversation c : fake.conversations()) {
                        int n = c.activities().size();
                        delivered += n;
                        duplicated += Math.max(0, n - 1);
                    }
                    out.println("STATS " + requests + " " + throttled + " " + delivered + " " + duplicated + " "
                            + cpu);
                }
            }
        }
    }

    /** Compiles the fake's request path: {@link #WARM_UP} sends, 64 in flight, to a fake without limits. */
    private static void warmUp(int tenants, int users) throws Exception {
        if (WARM_UP <= 0) {
            return;
        }
        FakeConnector.Builder b = FakeConnector.builder().auth(AuthMode.BEARER_PRESENT);
        for (int t = 0; t < tenants; t++) {
            String tenantId = String.format("00000000-0000-4000-8000-%012d", t + 1);
            int n = t;
            b.tenant(spec -> spec.id(tenantId).users("Member " + n + "-", Math.min(users, 100)));
        }
        try (FakeConnector fake = b.start();
             ConnectorClient client = ConnectorClient.builder().serviceUrl(fake.serviceUrl())
                     .trustedHosts(TrustedHosts.builder().allowLoopback(true).build())
                     .credentials(TokenProvider.fixed("bench-token")).retryPolicy(RetryPolicy.none())
                     .maxRequestsInFlight(64).build()) {
            List<ConversationReference> refs = new ArrayList<>();
            for (FakeUser u : fake.users()) {
                refs.add(fake.installBotFor(u));
            }
            Semaphore slots = new Semaphore(64);
            for (int i = 0; i < WARM_UP; i++) {
                slots.acquire();
                client.async().send(refs.get(i % refs.size()), Activity.message("Warm-up " + i))
                        .whenComplete((r, e) -> slots.release());
            }
            slots.acquire(64);
        }
    }

    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
