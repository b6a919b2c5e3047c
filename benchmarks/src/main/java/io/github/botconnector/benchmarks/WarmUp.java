package io.github.botconnector.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Warms a fork up until its JIT compiler is quiet, not for a fixed time. Runs in the fork, before JMH's iterations:
 * the benchmark's own threads send as they will be measured ({@link Sender#send()} in a loop, sharing the one
 * sender; see {@link #join}), and a watcher thread decides when to stop. From {@code min} on, <em>check
 * seconds</em> at full speed read the JIT compiler threads' CPU time of that second ({@link ThreadCpu}); the
 * warm-up ends after {@value #QUIET_SECONDS} check seconds in a row in which they took less than
 * {@value #QUIET_SHARE_PERCENT} % of the process CPU time of that second or less than 1 ms, or at {@code cap}, and
 * then the fork is flagged as capped (its numbers are reported all the same). The other seconds are
 * <em>paced</em>: the senders send for 50 ms and pause for 50 ms, all together, so the compiler threads get the
 * CPU half of the time. The last second before {@code min} is a check second; after a busy check second comes a
 * paced one, after a quiet one another check second.
 *
 * <p>Why: with sixteen callers and the compiler threads on one pinned CPU, the one C2 compiler thread gets about a
 * seventeenth of it, and its queue (a hundred methods at the peak on an idle machine) drained 5–15 s late, so a
 * fixed warm-up ended in some forks while C2 was still compiling the send path and the measured windows paid for
 * it; at full speed a longer warm-up only drains it slowly (see README).
 *
 * <p>Without per-thread CPU figures (not Linux) the warm-up lasts {@code min} and is reported as unchecked.
 */
final class WarmUp {

    /** The JIT is quiet in a second when it took less than this share of the process CPU of that second (%). */
    static final int QUIET_SHARE_PERCENT = 2;
    /** ... or less than this much CPU time (nanoseconds) in that second. */
    static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** Check seconds in a row that must be quiet (tiered compilation comes in waves, with short lulls between). */
    static final int QUIET_SECONDS = 2;
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
            return String.format(Locale.ROOT, "warm-up: %.1f s (to JVM uptime %.1f s), %d sends, %s", millis / 1000.0,
                    ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0, sends,
                    !checked ? "JIT not watched (no per-thread CPU)" : capped
                            ? String.format(Locale.ROOT, "hit the cap with the JIT at %.1f %% of the CPU",
                            lastJitShare * 100)
                            : String.format(Locale.ROOT, "JIT quiet (%.1f %% of the CPU in the last check second)",
                            lastJitShare * 100));
        }
    }

    private static final AtomicReference<Result> LAST = new AtomicReference<>();
    /** A paced second: {@value #PACED_SLICES} slices of sending then pausing for half a slice each. */
    private static final int PACED_SLICES = 10;

    /** Lets the senders run, holds them, or stops them. */
    private static final class Gate {
        private volatile boolean held;
        private volatile boolean stopped;

        /** Waits while held; {@code false} once stopped. */
        boolean pass() throws InterruptedException {
            if (held) {
                synchronized (this) {
                    while (held && !stopped) {
                        wait();
                    }
                }
            }
            return !stopped;
        }

        synchronized void hold(boolean hold) {
            held = hold;
            notifyAll();
        }

        synchronized void stop() {
            stopped = true;
            notifyAll();
        }
    }


    /** The warm-up of this fork, or {@code null} when none ran. */
    static Result last() {
        return LAST.get();
    }

    private final Duration min;
    private final Duration cap;
    private final Gate gate = new Gate();
    private final CountDownLatch failed = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final AtomicLong sends = new AtomicLong();
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch stopped;

    private WarmUp(int threads, Duration min, Duration cap) {
        this.min = min;
        this.cap = cap;
        this.stopped = new CountDownLatch(threads);
    }

    /**
     * The warm-up the harness asked for with system properties, for {@code threads} benchmark threads, or
     * {@code null} when none.
     */
    static WarmUp fromProperties(int threads) {
        long min = Long.getLong(MIN_PROPERTY, 0);
        long cap = Long.getLong(CAP_PROPERTY, 0);
        return cap <= 0 ? null : new WarmUp(threads, Duration.ofMillis(min), Duration.ofMillis(Math.max(min, cap)));
    }

    /**
     * Called by each benchmark thread before its first iteration: sends with {@code sender} until the warm-up
     * ends. The first caller starts the thread that watches the JIT and paces the senders. The benchmark's own
     * threads warm up, not threads of the warm-up's: new threads meet branches their first calls take (an empty
     * per-thread cache, an uninitialized thread-local random) that compiled code has left out, and C2 would
     * deoptimize and recompile the send path in the measured iterations.
     */
    void join(Sender sender) throws Exception {
        if (started.compareAndSet(false, true)) {
            Thread watcher = new Thread(this::watch, "warm-up-watcher");
            watcher.setDaemon(true);
            watcher.start();
        }
        long n = 0;
        try {
            while (gate.pass()) {
                sender.send();
                n++;
            }
        } catch (Exception e) {
            failure.compareAndSet(null, e);
            failed.countDown();
            throw e;
        } finally {
            sends.addAndGet(n);
            stopped.countDown();
        }
        done.await();
    }

    private void watch() {
        long start = System.nanoTime();
        boolean checked = ThreadCpu.supported();
        boolean capped = false;
        double share = Double.NaN;
        try {
            if (checked) {
                double[] last = {Double.NaN};
                capped = watchJit(start, last);
                share = last[0];
            } else {
                failed.await(min.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            gate.stop();
        }
        try {
            stopped.await(STEP.toMillis() * 10, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Result r = new Result(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), capped, checked, share,
                sends.get());
        LAST.set(r);
        done.countDown();
        if (failure.get() == null) {
            System.out.println(r.describe());
        }
    }

    /** Check and paced seconds until the JIT is quiet or the cap; {@code true} when capped. */
    private boolean watchJit(long start, double[] share) throws InterruptedException {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int quietInARow = 0;
        while (true) {
            boolean check = System.nanoTime() - start + STEP.toNanos() >= min.toNanos();
            if (!check) {
                // a paced second: the senders pause half of it, so the compiler threads get the CPU
                if (paced()) {
                    return false;
                }
            } else {
                // a check second: full speed, as measured
                ThreadCpu.Snapshot before = ThreadCpu.snapshot();
                long cpuBefore = os.getProcessCpuTime();
                if (failed.await(STEP.toMillis(), TimeUnit.MILLISECONDS)) {
                    return false;
                }
                long cpu = Math.max(os.getProcessCpuTime() - cpuBefore, 1);
                long jit = ThreadCpu.snapshot().cpuNanosSince(before, ThreadCpu.Kind.JIT);
                share[0] = Math.min(1.0, (double) jit / cpu);
                quietInARow = jit < QUIET_NANOS || jit * 100 < cpu * QUIET_SHARE_PERCENT ? quietInARow + 1 : 0;
                if (quietInARow == QUIET_SECONDS) {
                    return false;
                }
            }
            if (System.nanoTime() - start >= cap.toNanos()) {
                return true;
            }
            if (check && quietInARow == 0 && paced()) {
                // after a busy check second, a paced one before the next check
                return false;
            }
        }
    }

    /** One paced second; {@code true} when a sender failed. */
    private boolean paced() throws InterruptedException {
        long half = STEP.toMillis() / PACED_SLICES / 2;
        for (int i = 0; i < PACED_SLICES; i++) {
            if (failed.await(half, TimeUnit.MILLISECONDS)) {
                return true;
            }
            gate.hold(true);
            boolean fail = failed.await(half, TimeUnit.MILLISECONDS);
            gate.hold(false);
            if (fail) {
                return true;
            }
        }
        return false;
    }
}
