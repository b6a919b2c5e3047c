package io.github.botconnector.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The send part of the report: per client and thread count the client's CPU time, allocation and throughput per
 * send over the rounds (one fork each), and the goals as paired ratios (round by round) with their spread.
 */
final class SendReport {

    /** Minimum number of forks (rounds) for a verdict on a goal. */
    static final int MIN_FORKS = 3;

    private final Map<String, List<BenchMain.Measured>> send;
    private final int rounds;
    private final StringBuilder sb = new StringBuilder();

    private SendReport(Map<String, List<BenchMain.Measured>> send, int rounds) {
        this.send = send;
        this.rounds = rounds;
    }

    /** The Markdown sections of the send part; empty when nothing was measured. */
    static String of(Map<String, List<BenchMain.Measured>> send, List<BenchMain.Measured> check, int rounds) {
        if (send.isEmpty()) {
            return "";
        }
        SendReport r = new SendReport(send, rounds);
        r.perClient();
        r.warmUps();
        r.goals();
        r.throughputGoals();
        r.whereTheCpuGoes();
        r.responderCheck(check);
        return r.sb.toString();
    }

    private void perClient() {
        sb.append("### sendToConversation: client CPU, allocation and throughput per send\n\n");
        sb.append("One blocking send of `send-to-conversation.request.json`. **CPU µs/send**, the goal column: CPU"
                + " time of the client's JVM per send without its JIT compiler threads (senders, OkHttp, GC and every"
                + " other thread included); process CPU: the same with the JIT; JIT and GC: the compiler threads' and"
                + " the GC/VM threads' part; switches: times a client thread was switched onto a CPU, per send;"
                + " preempted: of those switches, the ones where a thread was taken off a CPU while it could still run;"
                + " faults: page faults of the client per send (system CPU); allocation: bytes allocated by its"
                + " threads per send; warm-up: how long the fork sent before JMH's iterations, until its JIT was"
                + " quiet (forks that hit the cap counted in brackets); the responder runs in its own JVM. ");
        sb.append(rounds == 1 ? "One fork per case.\n\n"
                : "Median of " + rounds + " forks (one per round, clients interleaved), min–max in brackets.\n\n");
        sb.append("| client | threads | CPU µs/send | process CPU µs/send | JIT µs/send | GC µs/send | switches/send"
                + " | preempted/send | faults/send | allocated KB/send | ops/s | responder CPU µs/request"
                + " | connections opened | warm-up s |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        eachCase((method, client, m) -> sb.append(String.format(Locale.ROOT,
                "| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", client, threads(method),
                spread(m, x -> x.cpuNoJitNanosPerOp() / 1000, "%.1f"),
                spread(m, x -> x.cpuNanosPerOp() / 1000, "%.1f"),
                spread(m, x -> x.jitNanosPerOp() / 1000, "%.1f"),
                spread(m, x -> x.gcNanosPerOp() / 1000, "%.1f"),
                spread(m, BenchMain.Measured::switchesPerOp, "%.2f"),
                spread(m, BenchMain.Measured::preemptedPerOp, "%.2f"),
                spread(m, BenchMain.Measured::faultsPerOp, "%.3f"),
                spread(m, x -> x.allocatedBytesPerOp() / 1024, "%.1f"),
                spread(m, BenchMain.Measured::score, "%,.0f"),
                spread(m, BenchMain.Measured::serverCpuMicrosPerRequest, "%.1f"),
                spread(m, x -> x.connections(), "%.0f"),
                spread(m, x -> x.warmupMillis() / 1000, "%.1f") + capped(m))));
        sb.append('\n');
    }

    /** One row of a per-case table. */
    @FunctionalInterface
    private interface CaseRow {
        void append(String method, String client, List<BenchMain.Measured> forks);
    }

    /** {@code row} for every measured case, 1 thread then 16, clients in report order. */
    private void eachCase(CaseRow row) {
        for (String method : List.of("threads01", "threads16")) {
            for (String client : List.of(Senders.FLOOR, Senders.FLOOR_JSON, Senders.OURS, Senders.OURS_FRESH,
                    Senders.BOTBUILDER)) {
                List<BenchMain.Measured> m = send.get(method + "/" + client);
                if (m != null) {
                    row.append(method, client, m);
                }
            }
        }
    }

    /** " (n capped)" when forks of {@code m} hit the warm-up cap. */
    private static String capped(List<BenchMain.Measured> m) {
        long n = m.stream().filter(BenchMain.Measured::warmupCapped).count();
        return n == 0 ? "" : " (" + n + " capped)";
    }

    /** Per fork: how long it warmed up and whether its JIT was quiet when it started measuring. */
    private void warmUps() {
        if (send.values().stream().flatMap(List::stream).noneMatch(x -> Double.isFinite(x.warmupMillis()))) {
            return;
        }
        sb.append("### Warm-up per fork\n\n");
        sb.append("Seconds each fork sent before JMH's iterations (until its JIT compiler threads were quiet), and the"
                + " compiler threads' share of the process CPU in its last check second. **cap**: the fork reached"
                + " the longest warm-up with the JIT still busy; its numbers are in every table all the same, and"
                + " its goal ratios are marked *. JIT µs/send in the measured iterations: see the table above.\n\n");
        sb.append("| client | threads |");
        for (int i = 1; i <= rounds; i++) {
            sb.append(" round ").append(i).append(" |");
        }
        sb.append("\n|---|---:|").append("---:|".repeat(rounds)).append('\n');
        eachCase((method, client, m) -> {
            sb.append("| ").append(client).append(" | ").append(threads(method)).append(" |");
            for (int i = 0; i < rounds; i++) {
                sb.append(' ').append(i < m.size() ? warmUp(m.get(i)) : "—").append(" |");
            }
            sb.append('\n');
        });
        sb.append('\n');
    }

    /** "12.0 s (0.4 %)" or "40.0 s **cap** (8.1 %)". */
    static String warmUp(BenchMain.Measured x) {
        if (!Double.isFinite(x.warmupMillis())) {
            return "—";
        }
        String share = Double.isFinite(x.warmupJitShare())
                ? String.format(Locale.ROOT, " (%.1f %%)", x.warmupJitShare() * 100) : " (JIT not watched)";
        return String.format(Locale.ROOT, "%.1f s", x.warmupMillis() / 1000) + (x.warmupCapped() ? " **cap**" : "")
                + share;
    }

    private void goals() {
        sb.append("### Goals: CPU, allocation and throughput per send\n\n");
        sb.append("Each fork of a client is paired with the fork of the other client in the same round; the spread is"
                + " the minimum and maximum of the paired ratios. A goal is **met** only when every fork meets it,"
                + " **not met** when none does, **undecided** when the spread crosses the goal; a ratio marked * pairs"
                + " a fork whose warm-up hit its cap");
        sb.append(rounds < MIN_FORKS ? "; with fewer than " + MIN_FORKS + " forks there is no verdict"
                + " (indicative)" : "").append(".\n\n");
        sb.append("| ratio | threads | per fork | mean | min–max | goal | verdict |\n");
        sb.append("|---|---:|---|---:|---:|---:|---|\n");
        ToDoubleFunction<BenchMain.Measured> cpu = BenchMain.Measured::cpuNoJitNanosPerOp;
        ToDoubleFunction<BenchMain.Measured> alloc = BenchMain.Measured::allocatedBytesPerOp;
        for (String method : List.of("threads01", "threads16")) {
            row("CPU/send: ours-fresh / floor+json", method, Senders.OURS_FRESH, Senders.FLOOR_JSON, cpu, 1.10, false);
            row("CPU/send: ours / floor", method, Senders.OURS, Senders.FLOOR, cpu, 1.10, false);
        }
        for (String method : List.of("threads01", "threads16")) {
            row("allocation/send: ours-fresh / floor+json", method, Senders.OURS_FRESH, Senders.FLOOR_JSON, alloc,
                    1.5, false);
        }
        row("throughput: ours / floor", "threads16", Senders.OURS, Senders.FLOOR, BenchMain.Measured::score, 0.90,
                true);
        row("throughput: ours-fresh / floor+json", "threads16", Senders.OURS_FRESH, Senders.FLOOR_JSON,
                BenchMain.Measured::score, 0.90, true);
        sb.append('\n');
    }

    private void throughputGoals() {
        sb.append("### Throughput against the floor and botbuilder-java\n\n");
        sb.append("`ours` sends the same `Activity` instance every time, so its JSON is serialized once and memoized "
                + "(a broadcast); `ours-fresh` builds a new `Activity` for each send (a personalized message) and "
                + "serializes it every time.\n\n");
        sb.append("| ratio | threads | per fork | mean | min–max | goal | verdict |\n");
        sb.append("|---|---:|---|---:|---:|---:|---|\n");
        ToDoubleFunction<BenchMain.Measured> score = BenchMain.Measured::score;
        for (String ours : List.of(Senders.OURS, Senders.OURS_FRESH)) {
            for (String method : List.of("threads01", "threads16")) {
                row("throughput: " + ours + " / floor", method, ours, Senders.FLOOR, score, 0.90, true);
            }
        }
        for (String ours : List.of(Senders.OURS, Senders.OURS_FRESH)) {
            for (String method : List.of("threads01", "threads16")) {
                row("throughput: " + ours + " / botbuilder-java", method, ours, Senders.BOTBUILDER, score,
                        method.equals("threads01") ? 1.2 : 3.0, true);
            }
        }
        sb.append('\n');
    }

    private void whereTheCpuGoes() {
        sb.append("### Where the client's CPU goes (µs per send without JIT, differences of medians)\n\n");
        sb.append("| step | 1 thread | 16 threads |\n|---|---:|---:|\n");
        step("the floor: OkHttp exchange of a pre-built request", Senders.FLOOR, null);
        step("JSON: serialize the activity, parse the response (floor+json − floor)", Senders.FLOOR_JSON,
                Senders.FLOOR);
        step("our pipeline, JSON memoized (ours − floor)", Senders.OURS, Senders.FLOOR);
        step("our pipeline and building the activity (ours-fresh − floor+json)", Senders.OURS_FRESH,
                Senders.FLOOR_JSON);
        step("botbuilder-java − floor", Senders.BOTBUILDER, Senders.FLOOR);
        sb.append('\n');
    }

    private void step(String name, String a, String b) {
        sb.append("| ").append(name);
        for (String method : List.of("threads01", "threads16")) {
            List<BenchMain.Measured> x = send.get(method + "/" + a);
            List<BenchMain.Measured> y = b == null ? null : send.get(method + "/" + b);
            if (x == null || (b != null && y == null)) {
                sb.append(" | not measured");
                continue;
            }
            double v = median(values(x, BenchMain.Measured::cpuNoJitNanosPerOp))
                    - (y == null ? 0 : median(values(y, BenchMain.Measured::cpuNoJitNanosPerOp)));
            sb.append(String.format(Locale.ROOT, " | %.1f", v / 1000));
        }
        sb.append(" |\n");
    }

    private void responderCheck(List<BenchMain.Measured> check) {
        if (check.isEmpty()) {
            return;
        }
        double fastest = 0;
        for (List<BenchMain.Measured> m : send.values()) {
            fastest = Math.max(fastest, median(values(m, BenchMain.Measured::score)));
        }
        double score = median(values(check, BenchMain.Measured::score));
        sb.append(String.format(Locale.ROOT, "Responder check: raw-socket client, 16 threads: %s ops/s, %.1f× the"
                        + " fastest client above; responder CPU %s µs/request (its whole JVM).%n%n",
                spread(check, BenchMain.Measured::score, "%,.0f"), score / fastest,
                spread(check, BenchMain.Measured::serverCpuMicrosPerRequest, "%.1f")));
    }

    /**
     * One goal row: paired ratios {@code a / b} per round. {@code atLeast}: the goal is a minimum (throughput),
     * otherwise a maximum (CPU, allocation).
     */
    private void row(String name, String method, String a, String b, ToDoubleFunction<BenchMain.Measured> metric,
                     double goal, boolean atLeast) {
        String goalText = String.format(Locale.ROOT, "%s %.2f", atLeast ? "≥" : "≤", goal);
        List<Ratio> pairs = ratios(send.get(method + "/" + a), send.get(method + "/" + b), metric);
        List<Double> ratios = pairs.stream().map(Ratio::value).toList();
        if (ratios.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "| %s | %d | not measured | | | %s | — |%n", name, threads(method),
                    goalText));
            return;
        }
        double min = ratios.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = ratios.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double mean = ratios.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        List<String> each = new ArrayList<>();
        for (Ratio r : pairs) {
            each.add(String.format(Locale.ROOT, "%.2f", r.value()) + (r.capped() ? "*" : ""));
        }
        sb.append(String.format(Locale.ROOT, "| %s | %d | %s | %.2f | %.2f–%.2f | %s | %s |%n", name,
                threads(method), String.join(", ", each), mean, min, max, goalText,
                verdict(ratios.size(), atLeast ? min >= goal : max <= goal, atLeast ? max < goal : min > goal)));
    }

    /** The verdict on a goal from the spread of its ratios. */
    static String verdict(int forks, boolean allMeet, boolean noneMeets) {
        if (forks < MIN_FORKS) {
            return "indicative: " + (allMeet ? "meets it" : noneMeets ? "misses it" : "crosses it") + " ("
                    + forks + (forks == 1 ? " fork" : " forks") + ", no verdict)";
        }
        return allMeet ? "**met**" : noneMeets ? "**not met**" : "**undecided** (spread crosses the goal)";
    }

    /** A paired ratio of one round; {@code capped} when either fork's warm-up ended at the cap. */
    private record Ratio(double value, boolean capped) {
    }

    private static List<Ratio> ratios(List<BenchMain.Measured> a, List<BenchMain.Measured> b,
                                      ToDoubleFunction<BenchMain.Measured> metric) {
        List<Ratio> out = new ArrayList<>();
        if (a == null || b == null) {
            return out;
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            double x = metric.applyAsDouble(a.get(i));
            double y = metric.applyAsDouble(b.get(i));
            if (Double.isFinite(x) && Double.isFinite(y) && y != 0) {
                out.add(new Ratio(x / y, a.get(i).warmupCapped() || b.get(i).warmupCapped()));
            }
        }
        return out;
    }

    /** "median (min–max)", or the single value for one fork. */
    private String spread(List<BenchMain.Measured> m, ToDoubleFunction<BenchMain.Measured> metric, String format) {
        double[] v = values(m, metric);
        if (v.length == 0) {
            return "—";
        }
        String median = String.format(Locale.ROOT, format, median(v));
        if (v.length == 1) {
            return median;
        }
        return median + " (" + String.format(Locale.ROOT, format, v[0]) + "–"
                + String.format(Locale.ROOT, format, v[v.length - 1]) + ")";
    }

    /** The finite values, sorted. */
    private static double[] values(List<BenchMain.Measured> m, ToDoubleFunction<BenchMain.Measured> metric) {
        return m.stream().mapToDouble(metric).filter(Double::isFinite).sorted().toArray();
    }

    private static double median(double[] sorted) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static int threads(String method) {
        return method.equals("threads01") ? 1 : 16;
    }
}
