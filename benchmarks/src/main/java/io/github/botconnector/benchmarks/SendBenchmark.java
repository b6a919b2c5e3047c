package io.github.botconnector.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.util.concurrent.TimeUnit;

/**
 * {@code sendToConversation} throughput of three clients against the same loopback responder, with the same
 * payload ({@code send-to-conversation.request.json}): the raw OkHttp floor, our {@code ConnectorClient} and
 * botbuilder-java's {@code RestConnectorClient}. Blocking calls, one per operation, from 1 and 16 threads. When
 * the harness asks for it, the benchmark's threads first send until the fork's JIT compiler is quiet
 * ({@link WarmUp}, through {@link WarmThread}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SendBenchmark {

    /** System property with the responder's base URL ({@code http://127.0.0.1:port/}). */
    public static final String SERVICE_URL_PROPERTY = "bench.serviceUrl";

    /** Which client sends. */
    @Param({Senders.FLOOR, Senders.FLOOR_JSON, Senders.OURS, Senders.OURS_FRESH, Senders.BOTBUILDER})
    public String client;

    private Sender sender;
    private WarmUp warmUp;

    /**
     * Creates the client once per fork and checks that it really sends.
     *
     * @param params the benchmark's parameters (its thread count)
     */
    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) throws Exception {
        sender = Senders.create(client, serviceUrl());
        String id = sender.send();
        if (id == null || !id.contains("1")) {
            throw new IllegalStateException(client + " returned " + id);
        }
        warmUp = WarmUp.fromProperties(params.getThreads());
    }

    /**
     * Per benchmark thread: before its first iteration the thread sends until the fork's JIT compiler is quiet
     * ({@link WarmUp}), when the harness asks for it.
     */
    @State(Scope.Thread)
    public static class WarmThread {

        /**
         * Joins the fork's warm-up.
         *
         * @param benchmark the fork's client and warm-up
         */
        @Setup(Level.Trial)
        public void warmUp(SendBenchmark benchmark) throws Exception {
            if (benchmark.warmUp != null) {
                benchmark.warmUp.join(benchmark.sender);
            }
        }
    }

    /** Closes the client. */
    @TearDown(Level.Trial)
    public void tearDown() {
        sender.close();
    }

    /**
     * One send from a single thread.
     *
     * @param warm this thread's warm-up (done before its first iteration)
     */
    @Benchmark
    @Threads(1)
    public String threads01(WarmThread warm) throws Exception {
        return sender.send();
    }

    /**
     * One send from each of 16 threads sharing the client.
     *
     * @param warm this thread's warm-up (done before its first iteration)
     */
    @Benchmark
    @Threads(16)
    public String threads16(WarmThread warm) throws Exception {
        return sender.send();
    }

    static String serviceUrl() {
        String url = System.getProperty(SERVICE_URL_PROPERTY);
        if (url == null) {
            throw new IllegalStateException("System property " + SERVICE_URL_PROPERTY + " is not set; run through "
                    + BenchMain.class.getName());
        }
        return url;
    }
}
