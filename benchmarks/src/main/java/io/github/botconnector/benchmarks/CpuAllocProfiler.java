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
import java.util.Collection;
import java.util.List;

/**
 * CPU time and allocated bytes of the benchmark process per operation, per iteration. Runs inside the fork, which
 * holds only the client (the responder runs in its own JVM), so the figures are the client's:
 * <ul>
 *   <li>{@value #CPU}: process CPU time (user + system, every thread of the fork: senders, OkHttp's threads, GC and
 *   JIT) over the iteration divided by all operations of the iteration;</li>
 *   <li>{@value #ALLOC}: bytes allocated by all live threads of the fork over the iteration (ThreadMXBean) divided by
 *   the same operations.</li>
 * </ul>
 * Linux reports process CPU time in clock ticks (10 ms); over an iteration of a second or more that is under 1 %.
 */
public final class CpuAllocProfiler implements InternalProfiler {

    /** Label of the CPU result (nanoseconds of process CPU per operation). */
    public static final String CPU = "cpu.ns/op";
    /** Label of the allocation result (bytes allocated per operation). */
    public static final String ALLOC = "alloc.bytes/op";

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final com.sun.management.ThreadMXBean threads = threadBean();
    private long cpuAtStart;
    private long allocatedAtStart;

    /** Used by JMH. */
    public CpuAllocProfiler() {
    }

    @Override
    public String getDescription() {
        return "process CPU time and allocated bytes per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        allocatedAtStart = allocated();
        cpuAtStart = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        long cpu = os.getProcessCpuTime() - cpuAtStart;
        long allocated = allocated() - allocatedAtStart;
        long ops = result.getMetadata().getAllOps();
        if (ops <= 0) {
            return List.of();
        }
        return List.of(new ScalarResult(CPU, (double) cpu / ops, "ns/op", AggregationPolicy.AVG),
                new ScalarResult(ALLOC, (double) allocated / ops, "B/op", AggregationPolicy.AVG));
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
