package io.github.botconnector.benchmarks;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.RetryPolicy;
import io.github.botconnector.auth.TokenProvider;
import io.github.botconnector.auth.TrustedHosts;
import io.github.botconnector.broadcast.BroadcastEngine;
import io.github.botconnector.broadcast.BroadcastJob;
import io.github.botconnector.broadcast.BroadcastReport;
import io.github.botconnector.broadcast.Delivery;
import io.github.botconnector.broadcast.DeliveryState;
import io.github.botconnector.broadcast.Ledger;
import io.github.botconnector.broadcast.PacingLimits;
import io.github.botconnector.broadcast.Recipient;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ConversationReference;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Broadcast benchmark (acceptance 6 of the broadcast issue). The fake connector runs in its own JVM
 * ({@link BroadcastFakeProcess}), so the CPU measured here is the engine's and the client's alone:
 *
 * <ol>
 *   <li>10,000 recipients over 10 tenants with Teams' limits scaled ×10, ×5, ×2 and ×1 (fake and engine alike), with
 *       and without the fault mix of the fault test (5 % 503, 1 % reset after the request was read, 2 % blocked);</li>
 *   <li>Teams' real limits with every send answered 500 ms late (one tenant, 1,000 recipients): the rate reached at
 *       Teams' latency;</li>
 *   <li>the engine on a JDBC ledger (H2 in memory) at ×1;</li>
 *   <li>the same 10,000 sends as bare {@code client.async().send} calls (64 in flight, no limits): CPU per message
 *       without the engine.</li>
 * </ol>
 *
 * Run (under 5 minutes): {@code mvn -B -q -Pbroadcast-bench -pl benchmarks -am test-compile}; arguments through
 * {@code -Dbroadcast.args="10 1"} (the scales to run; default {@code 10 5 2 1}). With {@code -Dbench.trace429=true}
 * the fake prints when each 429 was answered, with {@code -Dbench.pauses=true} this JVM prints when it paused.
 */
public final class BroadcastBench {

    private static final int TENANTS = 10;
    private static final int USERS = 1000;
    /** Rounds of bare sends; only the last is measured ({@code -Dbench.bareRounds}). */
    private static final int BARE_ROUNDS = Integer.getInteger("bench.bareRounds", 2);
    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    /** The ledger of the JDBC case, else {@code null} (a ledger in memory). */
    private static Ledger jdbc;
    /** Whether this JVM's pauses are printed after each case ({@code -Dbench.pauses=true}, see {@link Pauses}). */
    private static final boolean PAUSES = Boolean.getBoolean("bench.pauses");

    private BroadcastBench() {
    }

    /** Runs every case and prints Markdown tables. */
    public static void main(String[] args) throws Exception {
        if (PAUSES) {
            Pauses.start();
        }
        List<Double> scales = new ArrayList<>();
        boolean bareOnly = false;
        for (String a : args) {
            for (String part : a.trim().split("\\s+")) {
                if (part.equals("bare")) {
                    bareOnly = true;
                } else if (!part.isEmpty()) {
                    scales.add(Double.parseDouble(part));
                }
            }
        }
        long t0 = System.nanoTime();
        if (bareOnly) {
            printBare(bareSends());
            return;
        }
        if (scales.isEmpty()) {
            scales = List.of(10.0, 5.0, 2.0, 1.0);
        }
        OUT.println("| limits | latency | faults | ledger | recipients | time s | requests/s | allowed/s | ratio | sent"
                + " | unknown | failed | lost | duplicated | requests | 429 | 429 % | engine CPU µs/msg | fake CPU µs/msg |");
        OUT.println("|---|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        // warm-up of this JVM, not printed: the pacing at Teams' rate, then 20,000 sends at the highest rate, so the
        // first printed case runs compiled code as a running service does (the bare sends need about 50,000)
        run(1, 0, false, false, TENANTS, USERS);
        run(10, 0, false, false, TENANTS, USERS);
        run(10, 0, true, false, TENANTS, USERS);
        for (double scale : scales) {
            run(scale, 0, false, true, TENANTS, USERS);
            run(scale, 0, true, true, TENANTS, USERS);
        }
        runLatency();
        runJdbc();
        printBare(bareSends());
        OUT.printf(Locale.ROOT, "Benchmark time: %.0f s%n", (System.nanoTime() - t0) / 1e9);
    }

    private static void runLatency() throws Exception {
        run(1, 500, false, true, 1, USERS);
    }

    private static void runJdbc() throws Exception {
        // a pool, as an application would use (a new H2 connection per ledger write costs more than the write)
        JdbcConnectionPool h2 = JdbcConnectionPool.create("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1", "sa", "");
        jdbc = Ledger.jdbc(h2);
        try {
            run(1, 0, false, true, TENANTS, USERS);
        } finally {
            jdbc = null;
            h2.dispose();
        }
    }

    private static void run(double scale, long latency, boolean faults, boolean print, int tenants, int users)
            throws Exception {
        try (FakeProcess fake = FakeProcess.start(tenants, users, scale, faults, latency);
             ConnectorClient client = client(fake.serviceUrl)) {
            List<Recipient> recipients = new ArrayList<>();
            for (ConversationReference ref : fake.references) {
                recipients.add(Recipient.of(ref));
            }
            String jobId = "bench-" + System.nanoTime();
            Ledger ledger = jdbc != null ? jdbc : Ledger.inMemory();
            fake.mark();
            Pauses.drain();
            long cpu0 = engineCpuNanos();
            BroadcastReport report;
            try (BroadcastEngine engine = BroadcastEngine.builder().client(client).ledger(ledger)
                    .limits(PacingLimits.teams().scaled(scale)).maxInFlight(512)
                    .backoff(Duration.ofMillis(100), Duration.ofSeconds(2)).build()) {
                engine.submit(BroadcastJob.builder(jobId).recipients(recipients)
                        .message(Activity.message("Benchmark broadcast")).build());
                report = engine.awaitCompletion(jobId, Duration.ofMinutes(10));
            }
            long cpu = engineCpuNanos() - cpu0;
            long[] stats = fake.stats();
            int lost = 0;
            for (Delivery d : ledger.deliveries(jobId)) {
                if (!d.state().isFinal()) {
                    lost++;
                }
            }
            if (!print) {
                return;
            }
            if (PAUSES) {
                System.err.println("engine JVM paused (ended at epoch ms:ms): " + Pauses.drain());
            }
            double seconds = report.duration().toMillis() / 1000.0;
            double achieved = report.requests() / seconds;
            double allowed = report.allowedRate();
            OUT.printf(Locale.ROOT, "| Teams ×%s | %d ms | %s | %s | %d | %.1f | %.0f | %.0f | %.3f | %d | %d | %d | %d"
                            + " | %d | %d | %d | %.2f | %.0f | %.0f |%n",
                    fmt(scale), latency, faults ? "5 % 503, 1 % reset, 2 % blocked" : "none",
                    jdbc != null ? "JDBC (H2)" : "memory", recipients.size(), seconds, achieved, allowed,
                    achieved / allowed, report.count(DeliveryState.SENT), report.count(DeliveryState.UNKNOWN),
                    report.count(DeliveryState.FAILED), lost, stats[3], stats[0], stats[1],
                    100.0 * stats[1] / Math.max(1, stats[0]), cpu / 1000.0 / recipients.size(),
                    stats[4] / 1000.0 / recipients.size());
        }
    }

    private static ConnectorClient client(String serviceUrl) {
        return ConnectorClient.builder().serviceUrl(serviceUrl)
                .trustedHosts(TrustedHosts.builder().allowLoopback(true).build())
                .credentials(TokenProvider.fixed("bench-token")).retryPolicy(RetryPolicy.none())
                .maxRequestsInFlight(512).build();
    }

    private static void printBare(double[] bare) {
        OUT.printf(Locale.ROOT, "%nBare async sends (no engine, no limits, 64 in flight, fake in its own JVM): "
                + "CPU %.0f µs/msg in this JVM, fake CPU %.0f µs/msg, %.0f msgs/s (the most this machine passes "
                + "through the client and the fake, against the %.0f/s that Teams ×10 allows)%n", bare[0], bare[2],
                bare[1], TENANTS * 50 * 10.0);
    }

    /**
     * The same 10,000 sends without the engine: async sends, 64 in flight, no limits on the fake. Returns the CPU
     * of this JVM per message in µs, the messages per second and the fake's CPU per message in µs, of the last of
     * {@link #BARE_ROUNDS} rounds (the others warm up).
     */
    private static double[] bareSends() throws Exception {
        double[] last = new double[3];
        for (int round = 0; round < BARE_ROUNDS; round++) {          // all but the last warm up
            try (FakeProcess fake = FakeProcess.start(TENANTS, USERS, 0, false, 0);
                 ConnectorClient client = client(fake.serviceUrl)) {
                fake.mark();
                long cpu0 = engineCpuNanos();
                long start = System.nanoTime();
                Semaphore slots = new Semaphore(64);
                List<CompletableFuture<?>> all = new ArrayList<>();
                for (ConversationReference ref : fake.references) {
                    slots.acquire();
                    all.add(client.async().send(ref, Activity.message("Benchmark broadcast"))
                            .whenComplete((r, e) -> slots.release()));
                }
                CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
                double seconds = (System.nanoTime() - start) / 1e9;
                int n = fake.references.size();
                last = new double[] {(engineCpuNanos() - cpu0) / 1000.0 / n, n / seconds,
                    fake.stats()[4] / 1000.0 / n};
            }
        }
        return last;
    }

    /**
     * This JVM's pauses: a daemon thread sleeps 1 ms at a time and notes every oversleep of 15 ms or more (a
     * garbage-collection pause, the JVM descheduled on a loaded machine) with the epoch millisecond it ended, to line
     * up with the fake's 429 trace ({@code -Dbench.trace429=true}): a stall longer than the pacer's late-arrival bound
     * shows as 429s about a second after it.
     */
    private static final class Pauses {
        private static final StringBuffer SEEN = new StringBuffer();

        static void start() {
            Thread t = new Thread(() -> {
                long last = System.nanoTime();
                while (true) {
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                    long now = System.nanoTime();
                    long over = (now - last) / 1_000_000 - 1;
                    if (over >= 15) {
                        SEEN.append(System.currentTimeMillis()).append(':').append(over).append(' ');
                    }
                    last = now;
                }
            }, "bench-pauses");
            t.setDaemon(true);
            t.start();
        }

        static String drain() {
            String seen = SEEN.toString();
            SEEN.setLength(0);
            return seen;
        }
    }

    /** CPU time of this JVM (engine, client, ledger, garbage collection). */
    private static long engineCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** The fake in a child JVM. */
    private static final class FakeProcess implements AutoCloseable {
        final Process process;
        final BufferedReader out;
        final PrintStream in;
        final String serviceUrl;
        final List<ConversationReference> references = new ArrayList<>();

        private FakeProcess(Process process, Path refs) throws Exception {
            this.process = process;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
            this.serviceUrl = expect("READY ").trim();
            for (String line : Files.readAllLines(refs, StandardCharsets.UTF_8)) {
                references.add(ConversationReference.fromJson(line));
            }
        }

        static FakeProcess start(int tenants, int users, double scale, boolean faults, long latency)
                throws Exception {
            Path refs = Files.createTempFile("broadcast-bench-refs", ".jsonl");
            refs.toFile().deleteOnExit();
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx1g", "-Dbench.trace429=" + Boolean.getBoolean("bench.trace429"),
                    "-Dbench.fakeWarmUp=" + BroadcastFakeProcess.WARM_UP,
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp",
                    System.getProperty("java.class.path"), BroadcastFakeProcess.class.getName(),
                    String.valueOf(tenants), String.valueOf(users), String.valueOf(scale), String.valueOf(faults),
                    String.valueOf(latency), refs.toString());
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT)
                    .directory(new File(".")).start();
            return new FakeProcess(p, refs);
        }

        void mark() throws Exception {
            in.println("mark");
            expect("MARKED");
        }

        /** requests, 429s, delivered, duplicated, fake CPU nanoseconds since {@link #mark()}. */
        long[] stats() throws Exception {
            in.println("stats");
            String[] parts = expect("STATS ").trim().split(" ");
            long[] v = new long[parts.length];
            for (int i = 0; i < parts.length; i++) {
                v[i] = Long.parseLong(parts[i]);
            }
            return v;
        }

        private String expect(String prefix) throws Exception {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(prefix)) {
                    return line.substring(prefix.length());
                }
            }
            throw new IllegalStateException("the fake process ended before " + prefix.trim());
        }

        @Override
        public void close() throws Exception {
            in.println("quit");
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
