package io.github.botconnector.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where the responder and the clients run. With {@code taskset} and at least two CPUs this process may use, the
 * responder JVM gets the last CPU and the harness (and so every benchmark fork it starts, which inherit its CPU
 * affinity) the others: the client and the responder then never take CPU time from each other, and every fork of a
 * case sees the same placement. Without {@code taskset}, or with one CPU, nothing is pinned and the report says so.
 *
 * @param pinned        whether the CPUs are split
 * @param clientCpus    the client's CPUs as a {@code taskset} list ({@code 0}), or all allowed CPUs when not pinned
 * @param responderCpus the responder's CPU ({@code 1}), or all allowed CPUs when not pinned
 * @param note          one line for the report header
 */
record Placement(boolean pinned, String clientCpus, String responderCpus, String note) {

    /** Decides the placement; {@code wanted} false leaves everything unpinned. */
    static Placement decide(boolean wanted) {
        List<Integer> cpus = allowedCpus();
        String all = join(cpus);
        if (!wanted) {
            return new Placement(false, all, all, "not pinned (asked with `nopin`): client forks and responder share"
                    + " CPUs " + all);
        }
        String taskset = taskset();
        if (taskset == null) {
            return new Placement(false, all, all, "not pinned: `taskset` was not found, so client forks and"
                    + " responder share CPUs " + all + " (forks are less comparable)");
        }
        if (cpus.size() < 2) {
            return new Placement(false, all, all, "not pinned: only one CPU (" + all + ") is available");
        }
        String client = join(cpus.subList(0, cpus.size() - 1));
        String responder = Integer.toString(cpus.get(cpus.size() - 1));
        return new Placement(true, client, responder, "pinned with taskset: client forks (and the harness) on CPU "
                + client + ", responder JVM on CPU " + responder);
    }

    /** {@code command} prefixed so that it runs on the responder's CPU. */
    List<String> responderCommand(List<String> command) {
        if (!pinned) {
            return command;
        }
        List<String> out = new ArrayList<>(List.of("taskset", "-c", responderCpus));
        out.addAll(command);
        return out;
    }

    /** Moves every thread of this JVM to the client's CPUs; forks started afterwards inherit them. */
    void pinHarness() throws IOException, InterruptedException {
        if (!pinned) {
            return;
        }
        Process p = new ProcessBuilder("taskset", "-a", "-p", "-c", clientCpus,
                Long.toString(ProcessHandle.current().pid())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("taskset could not pin the harness: " + out);
        }
    }

    /** The CPUs this process may run on ({@code Cpus_allowed_list}), or 0..n-1 when unknown. */
    static List<Integer> allowedCpus() {
        List<Integer> cpus = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    for (String range : line.substring(line.indexOf(':') + 1).trim().split(",")) {
                        String[] ends = range.trim().split("-");
                        int from = Integer.parseInt(ends[0]);
                        int to = ends.length > 1 ? Integer.parseInt(ends[1]) : from;
                        for (int c = from; c <= to; c++) {
                            cpus.add(c);
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            cpus.clear();
        }
        if (cpus.isEmpty()) {
            for (int c = 0; c < Runtime.getRuntime().availableProcessors(); c++) {
                cpus.add(c);
            }
        }
        return cpus;
    }

    /** The path of {@code taskset} on the PATH, or {@code null}. */
    private static String taskset() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "taskset");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    private static String join(List<Integer> cpus) {
        List<String> s = new ArrayList<>();
        for (int c : cpus) {
            s.add(Integer.toString(c));
        }
        return String.join(",", s);
    }
}
