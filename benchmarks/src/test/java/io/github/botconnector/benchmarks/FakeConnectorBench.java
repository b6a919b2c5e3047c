package io.github.botconnector.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import io.github.botconnector.ConnectorClient;
import io.github.botconnector.RetryPolicy;
import io.github.botconnector.auth.TokenProvider;
import io.github.botconnector.auth.TrustedHosts;
import io.github.botconnector.exception.ThrottledException;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.testing.AuthMode;
import io.github.botconnector.testing.FakeConnector;
import io.github.botconnector.testing.FakeUser;
import io.github.botconnector.testing.RateLimits;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of the fake connector itself: simple sends (POST an activity to a 1:1 conversation) from a client in
 * the same JVM, 64 in flight, Teams' rate limits on (scaled so that they count every request but do not refuse any),
 * 10 tenants of 1,000 users, in auth modes {@code BEARER_PRESENT} and {@code STRICT}. Prints requests/s, the process
 * CPU per request (client and fake) and the CPU of the fake's server threads per request. With {@code process}, the
 * fake runs as {@link BroadcastBench} runs it instead (see {@link #process}). Not a test; run with
 *
 * <pre>
 * java -cp "benchmarks/target/test-classes:$(cat cp.txt)" io.github.botconnector.benchmarks.FakeConnectorBench [rounds]
 * java -cp "benchmarks/target/test-classes:$(cat cp.txt)" io.github.botconnector.benchmarks.FakeConnectorBench \
 *     process [rounds]
 * </pre>
 */
public final class FakeConnectorBench {

    private static final int TENANTS = 10;
    private static final int USERS = 1000;

    private FakeConnectorBench() {
    }

    /**
     * Runs two warm-up rounds, then {@code rounds} measured rounds (default 3), for each auth mode; with
     * {@code process} first, measures the fake as {@link BroadcastBench} runs it instead (see {@link #process}).
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("process")) {
            process(args.length > 1 ? Integer.parseInt(args[1]) : 2);
            return;
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        System.out.println("| auth | requests | time s | requests/s | process CPU µs/request"
                + " | fake CPU µs/request |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (AuthMode auth : new AuthMode[] {AuthMode.BEARER_PRESENT, AuthMode.STRICT}) {
            run(auth, rounds);
        }
    }

    private static void run(AuthMode auth, int rounds) throws Exception {
        FakeConnector.Builder b = FakeConnector.builder().auth(auth).rateLimits(RateLimits.teams().scaled(100));
        for (int t = 0; t < TENANTS; t++) {
            String tenantId = String.format("00000000-0000-4000-8000-%012d", t + 1);
            int n = t;
            b.tenant(spec -> spec.id(tenantId).users("Member " + n + "-", USERS));
        }
        try (FakeConnector fake = b.start();
             ConnectorClient client = fake.clientBuilder().retryPolicy(RetryPolicy.none()).maxRequestsInFlight(256)
                     .build()) {
            List<ConversationReference> refs = new ArrayList<>();
            for (FakeUser u : fake.users()) {
                refs.add(fake.installBotFor(u));
            }
            for (int w = 0; w < 2; w++) {
                sendAll(client, refs);
            }
            long cpu0 = processCpuNanos();
            Map<Long, Long> fake0 = fakeThreadCpu();
            long t0 = System.nanoTime();
            for (int r = 0; r < rounds; r++) {
                sendAll(client, refs);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long cpu = processCpuNanos() - cpu0;
            long fakeCpu = 0;
            for (Map.Entry<Long, Long> e : fakeThreadCpu().entrySet()) {
                fakeCpu += e.getValue() - fake0.getOrDefault(e.getKey(), 0L);
            }
            int requests = refs.size() * rounds;
            System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.0f | %.0f | %.0f |%n", auth, requests, seconds,
                    requests / seconds, cpu / 1000.0 / requests, fakeCpu / 1000.0 / requests);
        }
    }

    /**
     * The fake as the broadcast benchmark runs it: {@link BroadcastFakeProcess} in a child JVM (its settings: auth
     * {@code BEARER_PRESENT}, Teams' limits ×10, 10 tenants of 1,000 users), {@code rounds} rounds of 10,000 simple
     * sends from this JVM, 512 in flight as the engine allows. Per round: the child's process CPU per request from
     * {@code mark} to {@code stats} (what {@code BroadcastBench} reports as "fake CPU": request handling, JIT and GC,
     * and the journal and conversation reads of {@code stats}), and the same to the end of the sends alone (measured
     * by a second {@code stats} right after, whose own cost is subtracted). Round 1 is a fresh JVM, as in
     * {@code BroadcastBench}. Extra JVM options of the child: {@code -Dfake.jvmArgs="..."} (e.g. a JFR recording).
     */
    private static void process(int rounds) throws Exception {
        Path refsFile = Files.createTempFile("fake-bench-refs", ".jsonl");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
        String extra = System.getProperty("fake.jvmArgs", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BroadcastFakeProcess.class.getName(),
                String.valueOf(TENANTS), String.valueOf(USERS), "10", "false", "0", refsFile.toString()));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(
                new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        PrintStream in = new PrintStream(p.getOutputStream(), true,
                StandardCharsets.UTF_8);
        try {
            String serviceUrl = expect(out, "READY ").trim();
            List<String> lines = Files.readAllLines(refsFile);
            List<ConversationReference> refs = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {                 // tenants interleaved, as the engine paces them
                for (int t = 0; t < TENANTS; t++) {
                    refs.add(ConversationReference.fromJson(lines.get(t * USERS + i)));
                }
            }
            System.out.println("| round | requests | time s | requests/s | 429 | fake CPU µs/request (to stats)"
                    + " | fake CPU µs/request (sends only) | of which, by thread (sends only) |");
            System.out.println("|---:|---:|---:|---:|---:|---:|---:|---|");
            try (ConnectorClient client = ConnectorClient.builder().serviceUrl(serviceUrl)
                    .trustedHosts(TrustedHosts.builder().allowLoopback(true).build())
                    .credentials(TokenProvider.fixed("bench-token"))
                    .retryPolicy(RetryPolicy.none()).maxRequestsInFlight(512).build()) {
                long throttledBefore = 0;
                for (int r = 1; r <= rounds; r++) {
                    in.println("mark");
                    expect(out, "MARKED");
                    Map<String, Long> threads0 = threadCpu(p.pid());
                    long t0 = System.nanoTime();
                    sendAll(client, refs, 512);
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    Map<String, Long> threads1 = threadCpu(p.pid());
                    long[] stats = stats(in, out);
                    long sends = threads1.get("process") - threads0.get("process");
                    StringBuilder split = new StringBuilder();
                    for (String group : threads1.keySet()) {
                        if (!group.equals("process")) {
                            split.append(String.format(Locale.ROOT, "%s %.0f, ", group,
                                    (threads1.get(group) - threads0.getOrDefault(group, 0L)) / 1000.0 / refs.size()));
                        }
                    }
                    System.out.printf(Locale.ROOT, "| %d | %d | %.1f | %.0f | %d | %.0f | %.0f | %s |%n", r,
                            refs.size(), seconds, refs.size() / seconds, stats[1] - throttledBefore,
                            stats[4] / 1000.0 / refs.size(), sends / 1000.0 / refs.size(),
                            split.substring(0, Math.max(0, split.length() - 2)));
                    throttledBefore = stats[1];
                }
            }
        } finally {
            in.println("quit");
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            Files.deleteIfExists(refsFile);
        }
    }

    /**
     * CPU time (ns) of a process ({@code process}) and of its live threads grouped by kind, from Linux's
     * {@code /proc}: threads that ended count in {@code process} only ({@code ended+other} is the rest).
     */
    private static Map<String, Long> threadCpu(long pid) throws Exception {
        Map<String, Long> out = new java.util.TreeMap<>();
        long ticks = 100;                                  // USER_HZ
        long total = statCpu(Path.of("/proc", Long.toString(pid), "stat")) * (1_000_000_000L / ticks);
        long live = 0;
        try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                String comm;
                long cpu;
                try {
                    comm = Files.readString(task.resolve("comm")).trim();
                    cpu = statCpu(task.resolve("stat")) * (1_000_000_000L / ticks);
                } catch (java.io.IOException ended) {
                    continue;
                }
                String group = comm.startsWith("MockWebServer") ? "server" : comm.startsWith("C1") ? "C1"
                        : comm.startsWith("C2") ? "C2" : comm.startsWith("GC") || comm.startsWith("G1") ? "GC"
                        : comm.startsWith("VM Thread") ? "VM" : "other";
                out.merge(group, cpu, Long::sum);
                live += cpu;
            }
        }
        out.put("ended+other", total - live + out.getOrDefault("other", 0L));
        out.remove("other");
        out.put("process", total);
        return out;
    }

    private static long statCpu(Path stat) throws Exception {
        String s = Files.readString(stat);
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);   // utime, stime (fields 14 and 15)
    }

    private static long[] stats(PrintStream in, BufferedReader out) throws Exception {
        in.println("stats");
        String[] parts = expect(out, "STATS ").trim().split(" ");
        long[] v = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = Long.parseLong(parts[i]);
        }
        return v;
    }

    private static String expect(BufferedReader out, String prefix) throws Exception {
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length());
            }
        }
        throw new IllegalStateException("the fake process ended before " + prefix.trim());
    }

    private static void sendAll(ConnectorClient client, List<ConversationReference> refs) throws Exception {
        sendAll(client, refs, 64);
    }

    private static void sendAll(ConnectorClient client, List<ConversationReference> refs, int inFlight)
            throws Exception {
        Semaphore slots = new Semaphore(inFlight);
        List<CompletableFuture<?>> all = new ArrayList<>();
        Activity message = Activity.message("Benchmark broadcast");
        for (ConversationReference ref : refs) {
            slots.acquire();
            all.add(client.async().send(ref, message).handle((r, e) -> {
                slots.release();
                return e;
            }));
        }
        for (CompletableFuture<?> f : all) {
            if (f.join() != null && !(((Throwable) f.join()).getCause() instanceof ThrottledException)) {
                throw new IllegalStateException("a send failed", (Throwable) f.join());
            }
        }
    }

    /** CPU time of the fake's server threads, by thread id. */
    private static Map<Long, Long> fakeThreadCpu() {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        Map<Long, Long> out = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && isFakeThread(info.getThreadName())) {
                out.put(info.getThreadId(), threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return out;
    }

    private static boolean isFakeThread(String name) {
        return name.startsWith("MockWebServer") || name.startsWith("FakeConnector");
    }

    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
