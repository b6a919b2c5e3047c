package io.github.botconnector.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of this JVM's threads by kind, read from Linux's {@code /proc/self/task/<tid>/schedstat} (nanoseconds on a
 * CPU, and how many times the thread was switched in) and {@code comm} (the thread's name, 15 characters at most).
 * Used to separate the JIT compiler's CPU time from the CPU time a send costs, and to count context switches.
 *
 * <p>A snapshot holds only threads alive when it was taken: a thread that starts and ends between two snapshots is
 * not seen (the process CPU time still counts it), one that starts in between counts from zero.
 */
final class ThreadCpu {

    private static final Path TASKS = Path.of("/proc/self/task");

    /** Kinds of threads told apart. */
    enum Kind {
        /** HotSpot's JIT compiler threads ({@code C1 CompilerThre}, {@code C2 CompilerThre}). */
        JIT,
        /** Garbage collection and the VM thread (safepoint operations; the serial collector runs there). */
        GC,
        /** Everything else: the benchmark's threads, OkHttp's, JMH's and the JVM's other service threads. */
        OTHER
    }

    /** CPU nanoseconds and switch-ins of one thread. */
    private record Task(Kind kind, long cpuNanos, long switches, long involuntary) {
    }

    /** The threads of this JVM at one moment, by thread id. */
    static final class Snapshot {
        private final Map<String, Task> tasks;

        private Snapshot(Map<String, Task> tasks) {
            this.tasks = tasks;
        }

        /** CPU nanoseconds spent by threads of {@code kind} since {@code earlier}. */
        long cpuNanosSince(Snapshot earlier, Kind kind) {
            long sum = 0;
            for (Map.Entry<String, Task> e : tasks.entrySet()) {
                if (e.getValue().kind() == kind) {
                    Task before = earlier.tasks.get(e.getKey());
                    sum += e.getValue().cpuNanos() - (before == null ? 0 : before.cpuNanos());
                }
            }
            return sum;
        }

        /**
         * Times a thread was taken off a CPU while it could still run (preempted, not waiting on I/O or a lock) since
         * {@code earlier}.
         */
        long involuntarySince(Snapshot earlier) {
            return countSince(earlier, Task::involuntary);
        }

        /** Times any thread was switched onto a CPU since {@code earlier}. */
        long switchesSince(Snapshot earlier) {
            return countSince(earlier, Task::switches);
        }

        private long countSince(Snapshot earlier, java.util.function.ToLongFunction<Task> count) {
            long sum = 0;
            for (Map.Entry<String, Task> e : tasks.entrySet()) {
                Task before = earlier.tasks.get(e.getKey());
                sum += count.applyAsLong(e.getValue()) - (before == null ? 0 : count.applyAsLong(before));
            }
            return sum;
        }
    }

    private ThreadCpu() {
    }

    /** Whether this platform reports per-thread CPU time this way (Linux with scheduler statistics). */
    static boolean supported() {
        return Files.isReadable(Path.of("/proc/self/schedstat"));
    }

    /** The threads of this JVM now; empty when the platform does not report them. */
    static Snapshot snapshot() {
        Map<String, Task> tasks = new HashMap<>();
        if (!Files.isDirectory(TASKS)) {
            return new Snapshot(tasks);
        }
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(TASKS)) {
            for (Path task : dir) {
                try {
                    String[] stat = Files.readString(task.resolve("schedstat"), StandardCharsets.US_ASCII).trim()
                            .split(" ");
                    String name = Files.readString(task.resolve("comm"), StandardCharsets.UTF_8).trim();
                    tasks.put(task.getFileName().toString(), new Task(kind(name), Long.parseLong(stat[0]),
                            stat.length > 2 ? Long.parseLong(stat[2]) : 0, involuntary(task)));
                } catch (IOException | RuntimeException ended) {
                    // the thread ended while the directory was read
                }
            }
        } catch (IOException e) {
            return new Snapshot(Map.of());
        }
        return new Snapshot(tasks);
    }

    /** The thread's {@code nonvoluntary_ctxt_switches} from its {@code status} file, 0 when not reported. */
    private static long involuntary(Path task) throws IOException {
        for (String line : Files.readAllLines(task.resolve("status"), StandardCharsets.US_ASCII)) {
            if (line.startsWith("nonvoluntary_ctxt_switches:")) {
                return Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return 0;
    }

    /**
     * Minor and major page faults of this process so far ({@code /proc/self/stat} fields 10 and 12), or -1 when not
     * reported. A fault costs system CPU (more so in a virtual machine): a heap touched for the first time in the
     * measured window shows here.
     */
    static long pageFaults() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
            // fields after the command name, which is in parentheses and may contain spaces
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[7]) + Long.parseLong(f[9]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The kind of a thread from its (kernel-truncated) name. */
    static Kind kind(String name) {
        if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
            return Kind.JIT;
        }
        if (name.startsWith("GC Thread") || name.startsWith("VM Thread") || name.startsWith("G1 ")
                || name.startsWith("ParGC")) {
            return Kind.GC;
        }
        return Kind.OTHER;
    }
}
