package io.github.botconnector.benchmarks;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * CPU time and allocated bytes of the benchmark process per operation, per iteration. Runs inside the fork, which
 * holds only the client (the responder runs in its own JVM), so the figures are the client's:
 * <ul>
 *   <li>{@value #CPU}: process CPU time (user + system, every thread of the fork: senders, OkHttp's threads, GC and
 *   JIT) over the iteration divided by all operations of the iteration;</li>
 *   <li>{@value #JIT}: CPU time of the JIT compiler threads over the iteration (Linux: {@link ThreadCpu}, nanosecond
 *   resolution) divided by the same operations; compilation is a cost of warming up, not of a send, and varies from
 *   fork to fork;</li>
 *   <li>{@value #CPU_NO_JIT}: {@value #CPU} minus {@value #JIT}: the CPU a send costs, garbage collection included
 *   (it is the price of what a send allocates);</li>
 *   <li>{@value #GC}: CPU time of the GC threads and the VM thread (where the serial collector runs) per operation,
 *   a part of {@value #CPU_NO_JIT};</li>
 *   <li>{@value #SWITCHES}: times a thread of the fork was switched onto a CPU, per operation;</li>
 *   <li>{@value #PREEMPTED}: of those, times a thread was taken off the CPU while it could still run (preempted by
 *   another thread rather than waiting for the network or a lock), per operation;</li>
 *   <li>{@value #FAULTS}: page faults (minor and major) of the fork per operation;</li>
 *   <li>{@value #ALLOC}: bytes allocated by all live threads of the fork over the iteration (ThreadMXBean) divided by
 *   the same operations;</li>
 *   <li>{@value #WARMUP_MILLIS}, {@value #WARMUP_CAPPED} (1 when the warm-up ended at its cap) and
 *   {@value #WARMUP_JIT_SHARE}: how the fork warmed up before JMH's iterations ({@link WarmUp}), the same value in
 *   every iteration; left out when the fork did not warm up that way.</li>
 * </ul>
 * Linux reports process CPU time in clock ticks (10 ms); over an iteration of a second or more that is under 1 %.
 * Without per-thread figures (not Linux) the JIT, GC and switch results are left out and {@value #CPU_NO_JIT} is the
 * process CPU time.
 */
public final class CpuAllocProfiler implements InternalProfiler {

    /** Label of the CPU result (nanoseconds of process CPU per operation). */
    public static final String CPU = "cpu.ns/op";
    /** Label of the allocation result (bytes allocated per operation). */
    public static final String ALLOC = "alloc.bytes/op";
    /** Label of the JIT compiler threads' CPU per operation (nanoseconds). */
    public static final String JIT = "cpu.jit.ns/op";
    /** Label of the process CPU without the JIT compiler threads per operation (nanoseconds). */
    public static final String CPU_NO_JIT = "cpu.nojit.ns/op";
    /** Label of the GC and VM threads' CPU per operation (nanoseconds). */
    public static final String GC = "cpu.gc.ns/op";
    /** Label of page faults of the process per operation. */
    public static final String FAULTS = "faults/op";
    /** Label of involuntary context switches (a thread preempted while it could still run) per operation. */
    public static final String PREEMPTED = "preempted/op";
    /** Label of context switches (switch-ins of any thread) per operation. */
    public static final String SWITCHES = "switches/op";
    /** Label of the fork's warm-up time before JMH's iterations (milliseconds). */
    public static final String WARMUP_MILLIS = "warmup.ms";
    /** Label of whether the fork's warm-up ended at its cap with the JIT still busy (1) or not (0). */
    public static final String WARMUP_CAPPED = "warmup.capped";
    /** Label of the JIT compiler threads' share of the process CPU in the last warm-up second (0–1). */
    public static final String WARMUP_JIT_SHARE = "warmup.jitShare";

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final com.sun.management.ThreadMXBean threads = threadBean();
    private long cpuAtStart;
    private long allocatedAtStart;
    private final boolean perThread = ThreadCpu.supported();
    private ThreadCpu.Snapshot threadsAtStart;
    private long faultsAtStart;

    /** Used by JMH. */
    public CpuAllocProfiler() {
    }

    @Override
    public String getDescription() {
        return "process CPU time and allocated bytes per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        // Reading /proc allocates and takes CPU: outside both windows (per-thread CPU is read first and last).
        threadsAtStart = perThread ? ThreadCpu.snapshot() : null;
        faultsAtStart = perThread ? ThreadCpu.pageFaults() : -1;
        allocatedAtStart = allocated();
        cpuAtStart = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        long cpu = os.getProcessCpuTime() - cpuAtStart;
        long allocated = allocated() - allocatedAtStart;
        long faults = perThread ? ThreadCpu.pageFaults() : -1;
        ThreadCpu.Snapshot threadsAtEnd = perThread ? ThreadCpu.snapshot() : null;
        long ops = result.getMetadata().getAllOps();
        if (ops <= 0) {
            return List.of();
        }
        List<Result> out = new ArrayList<>();
        out.add(new ScalarResult(CPU, (double) cpu / ops, "ns/op", AggregationPolicy.AVG));
        out.add(new ScalarResult(ALLOC, (double) allocated / ops, "B/op", AggregationPolicy.AVG));
        long jit = 0;
        if (threadsAtEnd != null) {
            jit = threadsAtEnd.cpuNanosSince(threadsAtStart, ThreadCpu.Kind.JIT);
            out.add(new ScalarResult(JIT, (double) jit / ops, "ns/op", AggregationPolicy.AVG));
            out.add(new ScalarResult(GC, (double) threadsAtEnd.cpuNanosSince(threadsAtStart, ThreadCpu.Kind.GC) / ops,
                    "ns/op", AggregationPolicy.AVG));
            if (faults >= 0 && faultsAtStart >= 0) {
                out.add(new ScalarResult(FAULTS, (double) (faults - faultsAtStart) / ops, "#/op",
                        AggregationPolicy.AVG));
            }
            out.add(new ScalarResult(SWITCHES, (double) threadsAtEnd.switchesSince(threadsAtStart) / ops, "#/op",
                    AggregationPolicy.AVG));
            out.add(new ScalarResult(PREEMPTED, (double) threadsAtEnd.involuntarySince(threadsAtStart) / ops, "#/op",
                    AggregationPolicy.AVG));
        }
        out.add(new ScalarResult(CPU_NO_JIT, (double) (cpu - jit) / ops, "ns/op", AggregationPolicy.AVG));
        WarmUp.Result warmUp = WarmUp.last();
        if (warmUp != null) {
            out.add(new ScalarResult(WARMUP_MILLIS, warmUp.millis(), "ms", AggregationPolicy.AVG));
            out.add(new ScalarResult(WARMUP_CAPPED, warmUp.capped() ? 1 : 0, "#", AggregationPolicy.AVG));
            if (warmUp.checked()) {
                out.add(new ScalarResult(WARMUP_JIT_SHARE, warmUp.lastJitShare(), "share", AggregationPolicy.AVG));
            }
        }
        return out;
    }

    private long allocated() {
        long sum = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            if (bytes > 0) {
                sum += bytes;
            }
        }
        return sum;
    }

    private static com.sun.management.ThreadMXBean threadBean() {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        if (!(bean instanceof com.sun.management.ThreadMXBean sun) || !sun.isThreadAllocatedMemorySupported()) {
            throw new IllegalStateException("This JVM does not report allocated bytes per thread");
        }
        sun.setThreadAllocatedMemoryEnabled(true);
        return sun;
    }
}
