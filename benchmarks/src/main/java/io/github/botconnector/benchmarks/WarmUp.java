package io.github.botconnector.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Warms a fork up until its JIT compiler is quiet, not for a fixed time. Runs in the fork, before JMH's iterations:
 * {@code threads} threads send as the benchmark will measure ({@link Sender#send()} in a loop, sharing the one
 * sender), and once a second the JIT compiler threads' CPU time of that second is read ({@link ThreadCpu}). The
 * warm-up ends at the first second, after {@code min}, in which the compiler threads took less than
 * {@value #QUIET_SHARE_PERCENT} % of the process CPU time of that second or less than 1 ms; or at {@code cap},
 * and then the fork is flagged as capped (its numbers are reported all the same).
 *
 * <p>Why: with sixteen callers and the compiler threads on one pinned CPU, the one C2 compiler thread gets a
 * sixteenth of it, and its queue (about a hundred methods at the peak) drained 5–15 s late, so a fixed warm-up ended
 * in some forks while C2 was still compiling the send path and the measured windows paid for it (see README).
 *
 * <p>Without per-thread CPU figures (not Linux) the warm-up lasts {@code min} and is reported as unchecked.
 */
final class WarmUp {

    /** The JIT is quiet in a second when it took less than this share of the process CPU of that second (%). */
    static final int QUIET_SHARE_PERCENT = 2;
    /** ... or less than this much CPU time (nanoseconds) in that second. */
    static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** System property: minimum warm-up in milliseconds. */
    static final String MIN_PROPERTY = "bench.warmup.minMillis";
    /** System property: longest warm-up in milliseconds. */
    static final String CAP_PROPERTY = "bench.warmup.capMillis";
    private static final Duration STEP = Duration.ofSeconds(1);

    /**
     * How a fork warmed up.
     *
     * @param millis       how long the threads sent
     * @param capped       whether it ended at the cap with the JIT still busy
     * @param checked      whether the JIT could be watched (per-thread CPU available)
     * @param lastJitShare the JIT compiler threads' share of the process CPU in the last second (0–1), NaN unchecked
     * @param sends        sends made during the warm-up
     */
    record Result(long millis, boolean capped, boolean checked, double lastJitShare, long sends) {

        /** One line for the fork's output. */
        String describe() {
            return String.format(Locale.ROOT, "warm-up: %.1f s, %d sends, %s", millis / 1000.0, sends,
                    !checked ? "JIT not watched (no per-thread CPU)" : capped
                            ? String.format(Locale.ROOT, "hit the cap with the JIT at %.1f %% of the CPU",
                            lastJitShare * 100)
                            : String.format(Locale.ROOT, "JIT quiet (%.1f %% of the CPU in the last second)",
                            lastJitShare * 100));
        }
    }

    private static final AtomicReference<Result> LAST = new AtomicReference<>();

    private WarmUp() {
    }

    /** The warm-up of this fork, or {@code null} when none ran. */
    static Result last() {
        return LAST.get();
    }

    /** Warms up with the minimum and cap from the system properties; no warm-up when they are not set. */
    static Result run(Sender sender, int threads) throws Exception {
        long min = Long.getLong(MIN_PROPERTY, 0);
        long cap = Long.getLong(CAP_PROPERTY, 0);
        if (cap <= 0) {
            return null;
        }
        return run(sender, threads, Duration.ofMillis(min), Duration.ofMillis(Math.max(min, cap)));
    }

    /** Sends from {@code threads} threads until the JIT is quiet (not before {@code min}) or {@code cap}. */
    static Result run(Sender sender, int threads, Duration min, Duration cap) throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        boolean checked = ThreadCpu.supported();
        CountDownLatch failed = new CountDownLatch(1);
        AtomicReference<Exception> failure = new AtomicReference<>();
        long[] sends = new long[threads];
        List<Thread> senders = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        for (int i = 0; i < threads; i++) {
            int slot = i;
            Thread t = new Thread(() -> {
                long n = 0;
                try {
                    while (!stop.get()) {
                        sender.send();
                        n++;
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                    failed.countDown();
                } finally {
                    sends[slot] = n;
                }
            }, "warm-up-" + i);
            t.setDaemon(true);
            senders.add(t);
        }
        long start = System.nanoTime();
        for (Thread t : senders) {
            t.start();
        }
        boolean capped = false;
        double share = Double.NaN;
        try {
            ThreadCpu.Snapshot before = checked ? ThreadCpu.snapshot() : null;
            long cpuBefore = os.getProcessCpuTime();
            while (true) {
                if (failed.await(STEP.toMillis(), TimeUnit.MILLISECONDS)) {
                    break;
                }
                long cpuNow = os.getProcessCpuTime();
                ThreadCpu.Snapshot now = checked ? ThreadCpu.snapshot() : null;
                long elapsed = System.nanoTime() - start;
                if (checked) {
                    long jit = now.cpuNanosSince(before, ThreadCpu.Kind.JIT);
                    long cpu = Math.max(cpuNow - cpuBefore, 1);
                    share = Math.min(1.0, (double) jit / cpu);
                    boolean quiet = jit < QUIET_NANOS || jit * 100 < cpu * QUIET_SHARE_PERCENT;
                    if (elapsed >= min.toNanos() && quiet) {
                        break;
                    }
                } else if (elapsed >= min.toNanos()) {
                    break;
                }
                if (elapsed >= cap.toNanos()) {
                    capped = checked;
                    break;
                }
                before = now;
                cpuBefore = cpuNow;
            }
        } finally {
            stop.set(true);
            for (Thread t : senders) {
                t.join();
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        long total = 0;
        for (long n : sends) {
            total += n;
        }
        Result r = new Result(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), capped, checked, share,
                total);
        LAST.set(r);
        return r;
    }
}
