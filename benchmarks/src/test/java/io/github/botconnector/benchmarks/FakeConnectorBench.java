package io.github.botconnector.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import io.github.botconnector.ConnectorClient;
import io.github.botconnector.RetryPolicy;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.testing.AuthMode;
import io.github.botconnector.testing.FakeConnector;
import io.github.botconnector.testing.FakeUser;
import io.github.botconnector.testing.RateLimits;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Throughput of the fake connector itself: simple sends (POST an activity to a 1:1 conversation) from a client in
 * the same JVM, 64 in flight, Teams' rate limits on (scaled so that they count every request but do not refuse any),
 * 10 tenants of 1,000 users, in auth modes {@code BEARER_PRESENT} and {@code STRICT}. Prints requests/s, the process
 * CPU per request (client and fake) and the CPU of the fake's server threads per request. Not a test; run with
 *
 * <pre>
 * java -cp "benchmarks/target/test-classes:$(cat cp.txt)" io.github.botconnector.benchmarks.FakeConnectorBench [rounds]
 * </pre>
 */
public final class FakeConnectorBench {

    private static final int TENANTS = 10;
    private static final int USERS = 1000;

    private FakeConnectorBench() {
    }

    /** Runs two warm-up rounds, then {@code rounds} measured rounds (default 3), for each auth mode. */
    public static void main(String[] args) throws Exception {
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

    private static void sendAll(ConnectorClient client, List<ConversationReference> refs) throws Exception {
        Semaphore slots = new Semaphore(64);
        List<CompletableFuture<?>> all = new ArrayList<>();
        Activity message = Activity.message("Benchmark broadcast");
        for (ConversationReference ref : refs) {
            slots.acquire();
            all.add(client.async().send(ref, message).whenComplete((r, e) -> slots.release()));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
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
