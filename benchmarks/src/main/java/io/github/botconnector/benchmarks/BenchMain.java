package io.github.botconnector.benchmarks;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs the benchmark suite and prints the tables.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar [short|long|smoke] [all|send,json,token,footprint] [nopin]
 * </pre>
 * {@code short} (default) takes about four minutes, {@code long} (release numbers, five forks per send case, each
 * warmed up until its JIT compiler is quiet: {@link WarmUp}) about twenty on an idle 2-core machine;
 * {@code smoke} runs every case for half a second to check the wiring (its numbers mean nothing). Naming parts runs
 * only those. The tables are also written to {@code target/bench-results.md}.
 *
 * <p>The send cases run as rounds: each round runs every client at 1 and then 16 threads, one fork each, so the
 * compared clients are interleaved in time and each round gives one paired ratio per goal; the spread of a ratio is
 * its minimum and maximum over the rounds. The responder runs in a child JVM ({@link ResponderProcess}), so the CPU
 * time and allocation a fork measures ({@link CpuAllocProfiler}) are the client's alone; with {@code taskset} the
 * responder and the forks are pinned to separate CPUs ({@link Placement}; the argument {@code nopin} leaves them
 * unpinned). The goal column is the client's CPU without its JIT compiler threads.
 */
public final class BenchMain {

    private static final String SEND = SendBenchmark.class.getName();
    private static final String JSON = JsonBenchmark.class.getName();
    private static final String CHECK = ServerCheckBenchmark.class.getName();
    private static final List<String> METHODS = List.of("threads01", "threads16");
    private static final List<String> CLIENTS = List.of(Senders.FLOOR, Senders.FLOOR_JSON, Senders.OURS,
            Senders.OURS_FRESH, Senders.BOTBUILDER);
    /** Argument that leaves the responder and the forks unpinned (see {@link Placement}). */
    static final String NOPIN = "nopin";
    /*
     * Fork JVM flags for every client alike. The serial collector: the forks run on one CPU when pinned, where the
     * JVM would choose it anyway, and it has no concurrent threads, so the GC cost of a send is paid in pauses inside
     * the measured window in proportion to what the send allocated (G1's concurrent refinement and marking threads
     * would spread it unevenly over forks). A fixed, pre-touched heap: no resizing and no first-touch page faults
     * (system CPU) in the measured iterations.
     */
    private static final String FORK_HEAP = "-Xms512m";
    private static final String FORK_HEAP_MAX = "-Xmx512m";
    private static final String FORK_GC = "-XX:+UseSerialGC";
    private static final String FORK_PRETOUCH = "-XX:+AlwaysPreTouch";
    /** Where {@code BroadcastBench}'s table is picked up from, when it was run and saved there. */
    static final String BROADCAST_RESULTS = "broadcast-results.md";

    /**
     * Rounds (forks per case), warm-up and iterations of one suite profile. A send fork first sends until its JIT is
     * quiet ({@link WarmUp}: at least {@code warmupMin}, at most {@code warmupCap}; none when the cap is zero), then
     * runs {@code warmups} JMH warm-up iterations (they compile JMH's own loop around the send) and the measured
     * ones. The responder check warms up for {@code warmupMin} in JMH iterations of {@code warmupTime}.
     */
    private record Profile(String name, int forks, Duration warmupMin, Duration warmupCap, int warmups,
                           Duration warmupTime, int iterations, Duration iterationTime, int jsonForks,
                           int jsonWarmups, Duration jsonTime, int jsonIterations) {

        int checkWarmups() {
            return (int) Math.max(warmups, warmupMin.toMillis() / Math.max(1, warmupTime.toMillis()));
        }
    }

    private static final Map<String, Profile> PROFILES = Map.of(
            "smoke", new Profile("smoke", 1, Duration.ZERO, Duration.ZERO, 0, Duration.ofMillis(500), 1,
                    Duration.ofMillis(500), 1, 0, Duration.ofMillis(500), 1),
            "short", new Profile("short", 1, Duration.ofSeconds(3), Duration.ofSeconds(15), 1, Duration.ofSeconds(1),
                    3, Duration.ofSeconds(1), 1, 2, Duration.ofSeconds(1), 3),
            "long", new Profile("long", 5, Duration.ofSeconds(10), Duration.ofSeconds(30), 1, Duration.ofSeconds(1),
                    3, Duration.ofSeconds(1), 2, 2, Duration.ofSeconds(1), 3));

    /** One fork of one case: throughput, the client's CPU and allocation per operation, what the responder saw. */
    record Measured(double score, double error, double cpuNanosPerOp, double allocatedBytesPerOp,
                    long serverRequests, long serverCpuNanos, long connections, double cpuNoJitNanosPerOp,
                    double jitNanosPerOp, double gcNanosPerOp, double switchesPerOp, double preemptedPerOp,
                    double faultsPerOp, double warmupMillis, boolean warmupCapped, double warmupJitShare) {

        double serverCpuMicrosPerRequest() {
            return serverRequests <= 0 || serverCpuNanos < 0 ? Double.NaN : serverCpuNanos / 1000.0 / serverRequests;
        }
    }

    private BenchMain() {
    }

    /**
     * Entry point.
     *
     * @param args profile name and optionally the parts to run
     */
    public static void main(String[] args) throws Exception {
        Profile profile = PROFILES.get("short");
        boolean pin = true;
        List<String> parts = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            words.addAll(List.of(arg.trim().split("\\s*,\\s*|\\s+")));
        }
        for (String arg : words) {
            if (arg.isEmpty() || arg.equals("all")) {
                continue;
            }
            if (PROFILES.containsKey(arg)) {
                profile = PROFILES.get(arg);
            } else if (arg.equals(NOPIN)) {
                pin = false;
            } else if (List.of("send", "json", "token", "footprint").contains(arg)) {
                parts.add(arg);
            } else {
                System.err.println("Unknown argument " + arg
                        + "; usage: [short|long|smoke] [all|send,json,token,footprint] [nopin]");
                System.exit(2);
            }
        }
        if (parts.isEmpty()) {
            parts = List.of("send", "json", "token", "footprint");
        }
        Path target = targetDir();
        Instant started = Instant.now();
        Placement placement = Placement.decide(pin);
        StringBuilder report = new StringBuilder();
        report.append(machine(placement)).append('\n');
        report.append("Profile: ").append(profile.name()).append(" (send: ").append(profile.forks())
                .append(profile.forks() == 1 ? " round" : " rounds").append(" of one fork per case, ")
                .append(warmUpText(profile)).append(profile.warmups()).append(" x ")
                .append(seconds(profile.warmupTime())).append(" s JMH warm-up, ").append(profile.iterations())
                .append(" x ")
                .append(seconds(profile.iterationTime())).append(" s measured; JSON: ").append(profile.jsonForks())
                .append(profile.jsonForks() == 1 ? " fork, " : " forks, ").append(profile.jsonWarmups())
                .append(" x ").append(seconds(profile.jsonTime())).append(" s warm-up, ")
                .append(profile.jsonIterations()).append(" x ").append(seconds(profile.jsonTime()))
                .append(" s measured)\n\n");

        Map<String, List<Measured>> send = new LinkedHashMap<>();
        List<Measured> check = new ArrayList<>();
        Map<String, Measured> json = new LinkedHashMap<>();
        TokenProbe.Result token = null;
        try (ResponderProcess responder = ResponderProcess.start(placement)) {
            placement.pinHarness();
            // botbuilder-java's request Validator reflects into JDK collections and time types: on Java 17 it
            // throws InaccessibleObjectException without these. Every fork gets the same flags, and the same
            // collector and heap whatever the placement (see FORK_JVM).
            List<String> jvmArgs = List.of(FORK_HEAP, FORK_HEAP_MAX, FORK_GC, FORK_PRETOUCH,
                    "--add-opens=java.base/java.util=ALL-UNNAMED",
                    "--add-opens=java.base/java.lang=ALL-UNNAMED",
                    "--add-opens=java.base/java.time=ALL-UNNAMED",
                    "--add-opens=java.base/java.math=ALL-UNNAMED",
                    "-D" + SendBenchmark.SERVICE_URL_PROPERTY + "=" + responder.baseUrl(),
                    "-D" + Peer.DIR_PROPERTY + "=" + target,
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
            if (parts.contains("send")) {
                for (int round = 0; round < profile.forks(); round++) {
                    for (String method : METHODS) {
                        for (String client : CLIENTS) {
                            send.computeIfAbsent(method + "/" + client, k -> new ArrayList<>())
                                    .add(measure(responder, sendOptions(profile, jvmArgs)
                                            .include(SEND + "\\." + method + "$").param("client", client)));
                        }
                    }
                    if (round == 0) {
                        // the responder's capacity, once: it only shows that the responder is not the bottleneck
                        check.add(measure(responder, options(profile, jvmArgs).forks(1)
                                .warmupIterations(profile.checkWarmups()).include(CHECK + "\\.rawSocket16$")));
                    }
                }
            }
            if (parts.contains("json")) {
                for (String impl : List.of(Senders.OURS, Senders.BOTBUILDER, JsonBenchmark.BOTBUILDER_WIRE)) {
                    for (String method : List.of("parse", "serialize")) {
                        json.put(method + "/" + impl, measure(responder, jsonOptions(profile, jvmArgs)
                                .include(JSON + "\\." + method + "$").param("impl", impl)));
                    }
                }
            }
        }
        if (parts.contains("token")) {
            try (LoopbackServer server = LoopbackServer.start()) {
                token = TokenProbe.run(server);
            }
        }

        report.append(SendReport.of(send, check, profile.forks()));
        report.append(broadcastSection(target, parts.contains("send")));
        report.append(jsonTable(json));
        report.append(tokenTable(token));
        if (parts.contains("footprint")) {
            report.append(footprintTable(target));
        }
        report.append("Load average at the end (1, 5, 15 min): ").append(loadAverage()).append("\n\n");
        report.append("Suite time: ").append(Duration.between(started, Instant.now()).toSeconds()).append(" s\n");

        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println();
        out.println("==================== Bot Connector for Java: benchmark results ====================");
        out.println(report);
        Path file = target.resolve("bench-results.md");
        Files.writeString(file, report.toString(), StandardCharsets.UTF_8);
        out.println("(also written to " + file + ")");
    }

    private static ChainedOptionsBuilder options(Profile p, List<String> jvmArgs) {
        return new OptionsBuilder()
                .forks(p.forks())
                .warmupIterations(p.warmups())
                .warmupTime(TimeValue.milliseconds(p.warmupTime().toMillis()))
                .measurementIterations(p.iterations())
                .measurementTime(TimeValue.milliseconds(p.iterationTime().toMillis()))
                .jvmArgsAppend(jvmArgs.toArray(String[]::new))
                .addProfiler(CpuAllocProfiler.class)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.NORMAL);
    }

    /** One send fork: the warm-up until the JIT is quiet is asked of the fork by system properties. */
    private static ChainedOptionsBuilder sendOptions(Profile p, List<String> jvmArgs) {
        List<String> args = new ArrayList<>(jvmArgs);
        args.add("-D" + WarmUp.MIN_PROPERTY + "=" + p.warmupMin().toMillis());
        args.add("-D" + WarmUp.CAP_PROPERTY + "=" + p.warmupCap().toMillis());
        return options(p, args).forks(1);
    }

    /** How a send fork warms up before JMH's iterations, for the report header. */
    private static String warmUpText(Profile p) {
        if (p.warmupCap().isZero()) {
            return "";
        }
        return "sending until the JIT is quiet (at least " + seconds(p.warmupMin()) + " s, at most "
                + seconds(p.warmupCap()) + " s; quiet: the JIT compiler threads took < " + WarmUp.QUIET_SHARE_PERCENT
                + " % of the process CPU, or < 1 ms, in each of " + WarmUp.QUIET_SECONDS + " full-speed check"
                + " seconds in a row; the other warm-up seconds are paced, 50 ms sending and 50 ms paused, so that"
                + " the compiler gets the CPU), then ";
    }

    private static ChainedOptionsBuilder jsonOptions(Profile p, List<String> jvmArgs) {
        return options(p, jvmArgs)
                .forks(p.jsonForks())
                .warmupIterations(p.jsonWarmups())
                .warmupTime(TimeValue.milliseconds(p.jsonTime().toMillis()))
                .measurementIterations(p.jsonIterations())
                .measurementTime(TimeValue.milliseconds(p.jsonTime().toMillis()));
    }

    private static Measured measure(ResponderProcess responder, ChainedOptionsBuilder options) throws Exception {
        ResponderProcess.Stats before = responder.stats();
        Collection<RunResult> results = new Runner(options.build()).run();
        ResponderProcess.Stats after = responder.stats();
        if (results.size() != 1) {
            throw new IllegalStateException("Expected one result, got " + results.size());
        }
        RunResult run = results.iterator().next();
        Result<?> r = run.getPrimaryResult();
        Map<String, Result> secondary = run.getSecondaryResults();
        return new Measured(r.getScore(), r.getScoreError(), score(secondary, CpuAllocProfiler.CPU),
                score(secondary, CpuAllocProfiler.ALLOC), after.requests() - before.requests(),
                before.cpuNanos() < 0 || after.cpuNanos() < 0 ? -1 : after.cpuNanos() - before.cpuNanos(),
                after.connections() - before.connections(), score(secondary, CpuAllocProfiler.CPU_NO_JIT),
                score(secondary, CpuAllocProfiler.JIT), score(secondary, CpuAllocProfiler.GC),
                score(secondary, CpuAllocProfiler.SWITCHES), score(secondary, CpuAllocProfiler.PREEMPTED),
                score(secondary, CpuAllocProfiler.FAULTS),
                score(secondary, CpuAllocProfiler.WARMUP_MILLIS), score(secondary, CpuAllocProfiler.WARMUP_CAPPED) > 0,
                score(secondary, CpuAllocProfiler.WARMUP_JIT_SHARE));
    }

    private static double score(Map<String, Result> results, String label) {
        Result<?> r = results.get(label);
        return r == null ? Double.NaN : r.getScore();
    }

    /**
     * The broadcast engine's CPU per message: {@code BroadcastBench} (a separate main in the test sources, run by
     * hand) prints a Markdown table; saved as {@code target/broadcast-results.md}, it is shown here.
     */
    private static String broadcastSection(Path target, boolean send) throws java.io.IOException {
        if (!send) {
            return "";
        }
        Path file = target.resolve(BROADCAST_RESULTS);
        StringBuilder sb = new StringBuilder("### Broadcast engine CPU per message\n\n");
        if (Files.isRegularFile(file)) {
            sb.append("From `target/").append(BROADCAST_RESULTS).append("` (BroadcastBench, written ")
                    .append(Files.getLastModifiedTime(file)).append("):\n\n")
                    .append(Files.readString(file, StandardCharsets.UTF_8).strip()).append("\n\n");
        } else {
            sb.append("Not measured in this run: run `BroadcastBench` (see benchmarks/README.md) with its output"
                    + " saved as `benchmarks/target/").append(BROADCAST_RESULTS).append("` to show it here.\n\n");
        }
        return sb.toString();
    }

    private static String jsonTable(Map<String, Measured> json) {
        if (json.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        Peer peer = Peer.load(targetDir());
        List<String> used = JsonBenchmark.payloads(peer);
        sb.append("### Activity JSON (ops/s; one op = all ").append(used.size()).append(" payloads once)\n\n");
        sb.append("botbuilder-java: `Serialization` mapper (in-memory activities); botbuilder-java-wire: the "
                + "`JacksonAdapter` mapper `RestConnectorClient` uses for bodies.\n\n");
        sb.append("| operation | ours | botbuilder-java | botbuilder-java-wire | ours / botbuilder-java "
                + "| ours / botbuilder-java-wire |\n");
        sb.append("|---|---:|---:|---:|---:|---:|\n");
        for (String method : List.of("parse", "serialize")) {
            Measured a = json.get(method + "/" + Senders.OURS);
            Measured b = json.get(method + "/" + Senders.BOTBUILDER);
            Measured w = json.get(method + "/" + JsonBenchmark.BOTBUILDER_WIRE);
            sb.append(String.format(Locale.ROOT, "| %s | %,.0f%s | %,.0f%s | %,.0f%s | %s | %s |%n",
                    method, a.score(), plusMinus(a.error(), "%,.0f"), b.score(), plusMinus(b.error(), "%,.0f"),
                    w.score(), plusMinus(w.error(), "%,.0f"), ratio(a, b), ratio(a, w)));
        }
        sb.append("\nPayloads: ");
        sb.append(String.join(", ", used.stream().map(Payloads::name).toList())).append('\n');
        for (String mapper : List.of("serialization", "wire")) {
            Function<String, Object> parser = peer.parser(mapper);
            for (String resource : Payloads.ACTIVITIES) {
                String why = JsonBenchmark.unreadable(parser, resource);
                if (why != null) {
                    sb.append("Left out: botbuilder-java (").append(mapper).append(" mapper) cannot parse ")
                            .append(Payloads.name(resource)).append(" — ").append(why).append('\n');
                }
            }
        }
        sb.append('\n');
        return sb.toString();
    }

    private static String ratio(Measured a, Measured b) {
        double ratio = a.score() / b.score();
        double rel = Math.sqrt(sq(a.error() / a.score()) + sq(b.error() / b.score()));
        return String.format(Locale.ROOT, "%.2f", ratio) + plusMinus(ratio * rel, "%.2f");
    }

    /** " ± x" or "" when JMH reports no error (a single iteration). */
    private static String plusMinus(double error, String format) {
        return Double.isNaN(error) ? "" : " ± " + String.format(Locale.ROOT, format, error);
    }

    private static String tokenTable(TokenProbe.Result token) {
        if (token == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder("### Token requests under load\n\n");
        if (!token.measured()) {
            sb.append(token.note()).append("\n\n");
            return sb.toString();
        }
        sb.append("| senders | token calls | simulated lifetimes | token requests at cold start | token requests "
                + "in total | expected |\n");
        sb.append("|---:|---:|---:|---:|---:|---|\n");
        sb.append(String.format(Locale.ROOT, "| %d | %,d | %d | %d | %d | 1 at cold start, ≈ 1 per lifetime "
                        + "(≤ %d), not %d |%n",
                token.senders(), token.calls(), token.lifetimes(), token.coldStartRequests(), token.tokenRequests(),
                token.lifetimes() + 1, token.senders() * (token.lifetimes() + 1)));
        if (!token.note().isEmpty()) {
            sb.append('\n').append(token.note()).append('\n');
        }
        sb.append('\n');
        return sb.toString();
    }

    private static String footprintTable(Path target) {
        Footprint ours = Footprint.of(target.resolve("footprint-ours"));
        Footprint peer = Footprint.of(target.resolve("peer-lib"));
        StringBuilder sb = new StringBuilder("### Runtime footprint\n\n");
        sb.append("| artifact set | jars | MiB |\n|---|---:|---:|\n");
        sb.append(String.format(Locale.ROOT, "| connector-core + connector-teams | %d | %.2f |%n", ours.jars().size(),
                ours.mebibytes()));
        sb.append(String.format(Locale.ROOT, "| botbuilder-java bot-connector 4.14.3 | %d | %.2f |%n",
                peer.jars().size(), peer.mebibytes()));
        sb.append(String.format(Locale.ROOT, "| ours / botbuilder-java | %.2f | %.2f |%n%n",
                (double) ours.jars().size() / peer.jars().size(), (double) ours.bytes() / peer.bytes()));
        sb.append("Ours: ").append(String.join(", ", ours.jars())).append("\n\n");
        return sb.toString();
    }

    private static String machine(Placement placement) {
        StringBuilder sb = new StringBuilder("### Machine\n\n");
        sb.append("- CPUs (nproc): ").append(Runtime.getRuntime().availableProcessors()).append('\n');
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            sb.append(String.format(Locale.ROOT, "- Memory: %.1f GiB total%n",
                    sun.getTotalMemorySize() / (1024.0 * 1024 * 1024)));
        }
        sb.append("- OS: ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(" (").append(System.getProperty("os.arch")).append(")\n");
        sb.append("- Java: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(" (")
                .append(System.getProperty("java.vendor")).append(")\n");
        sb.append("- Forked benchmark JVMs: ").append(FORK_HEAP).append(' ').append(FORK_HEAP_MAX).append(' ')
                .append(FORK_GC).append(' ').append(FORK_PRETOUCH).append(", --add-opens java.base/java.{util,lang,"
                        + "time,math} (needed by botbuilder-java on Java 17); the loopback responder runs in a JVM of"
                        + " its own (-Xmx256m, serial GC)\n");
        sb.append("- CPU placement: ").append(placement.note()).append('\n');
        sb.append("- Per-thread CPU (JIT compiler threads told apart): ").append(ThreadCpu.supported()
                ? "/proc/self/task/*/schedstat" : "not available on this platform (CPU without JIT = process CPU)")
                .append('\n');
        sb.append("- Load average at start (1, 5, 15 min): ").append(loadAverage()).append('\n');
        return sb.toString();
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim().split(" ");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (java.io.IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f (1 min)",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? Long.toString(d.toSeconds()) : String.format(Locale.ROOT, "%.1f",
                d.toMillis() / 1000.0);
    }

    private static double sq(double x) {
        return x * x;
    }

    /** The directory holding this jar (or the classes directory): benchmarks/target. */
    static Path targetDir() {
        try {
            Path location = Path.of(BenchMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.getParent().toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
