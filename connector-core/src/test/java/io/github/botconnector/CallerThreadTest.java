package io.github.botconnector;

import static io.github.botconnector.Harness.ADELE_CONVERSATION;
import static io.github.botconnector.Harness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.auth.AccessToken;
import io.github.botconnector.auth.BotCloud;
import io.github.botconnector.auth.ClientSecretCredential;
import io.github.botconnector.auth.TokenProvider;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ResourceResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which thread runs each HTTP exchange: blocking calls always the caller's (first attempt, after a token wait, after a
 * 401 refresh, after a retry delay), asynchronous calls OkHttp's, never the JVM's common pool; and concurrent blocking
 * callers that wait for one token all proceed at once. Latches, never timers.
 */
class CallerThreadTest {

    private static final String APP_ID = "805a9832-b270-4490-a35a-a726f1fc9513";

    @StartStop
    final MockWebServer service = new MockWebServer();
    @StartStop
    final MockWebServer login = new MockWebServer();

    private final ExecutorService sleeperThreads = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-sleeper"));
    private final List<String> exchangeThreads = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();

    @AfterEach
    void stopSleeper() {
        sleeperThreads.shutdownNow();
    }

    private TokenProvider credential() {
        String base = login.url("/").toString();
        return ClientSecretCredential.builder().appId(APP_ID).secret("s3cr3t-value")
                .cloud(BotCloud.PUBLIC.toBuilder().name("test-public").loginHost(base)
                        .openIdMetadataUrl(base + "v1/.well-known/openidconfiguration").build())
                .build();
    }

    private static MockResponse token(String value) {
        return json(200, "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"ext_expires_in\":3600,\"access_token\":\""
                + value + "\"}");
    }

    /** A client whose retry delays complete on another thread and whose exchanges record their thread. */
    private ConnectorClient client(TokenProvider tokens) {
        OkHttpClient recording = new OkHttpClient.Builder().addInterceptor(chain -> {
            exchangeThreads.add(Thread.currentThread().getName());
            return chain.proceed(chain.request());
        }).build();
        RetryPolicy.Sleeper elsewhere = delay -> CompletableFuture.supplyAsync(() -> null, sleeperThreads);
        return ConnectorClient.builder()
                .serviceUrl(service.url("/amer/").toString())
                .credentials(tokens)
                .trustedHosts(Harness.loopback())
                .httpClient(recording)
                .retryPolicy(RetryPolicy.builder().sleeper(elsewhere).build())
                .build();
    }

    /** Token wait, 401 and refresh, 503 and a retry delay, then 201. */
    private void scriptOneSend() {
        login.enqueue(token("first-token"));
        login.enqueue(token("second-token"));
        service.enqueue(json(401, "{\"error\":{\"code\":\"AuthenticationError\",\"message\":\"expired\"}}"));
        service.enqueue(new MockResponse.Builder().code(503).build());
        service.enqueue(json(201, "{\"id\":\"1\"}"));
    }

    @Test
    void everyExchangeOfABlockingCallRunsOnTheCallersThread() throws Exception {
        scriptOneSend();
        List<String> callerThread = new CopyOnWriteArrayList<>();
        try (ConnectorClient client = client(credential())) {
            Thread caller = new Thread(() -> {
                callerThread.add(Thread.currentThread().getName());
                client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi"));
            }, "the-caller");
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            caller.setUncaughtExceptionHandler((t, e) -> failures.add(e));
            caller.start();
            caller.join(TimeUnit.SECONDS.toMillis(30));
            assertTrue(failures.isEmpty(), () -> failures.toString());
        }
        assertEquals(List.of("the-caller", "the-caller", "the-caller"), exchangeThreads,
                "first attempt (after waiting for a token), after the 401 refresh, after the 503 retry delay");
        assertEquals(2, login.getRequestCount());
        assertEquals(3, service.getRequestCount());
    }

    @Test
    void everyExchangeOfAnAsynchronousCallRunsOnAnOkHttpThread() throws Exception {
        scriptOneSend();
        try (ConnectorClient client = client(credential())) {
            assertEquals("1", client.async().sendToConversation(ADELE_CONVERSATION, Activity.message("hi"))
                    .get(30, TimeUnit.SECONDS).id());
        }
        assertEquals(3, exchangeThreads.size(), exchangeThreads.toString());
        for (String name : exchangeThreads) {
            assertTrue(name.startsWith("OkHttp "), name);
            assertFalse(name.contains("ForkJoinPool"), name);
        }
    }

    @Test
    void threadsOfTheSdkAreNamedDaemons() throws Exception {
        try (ConnectorClient client = client(TokenProvider.fixed("t"))) {
            ExecutorService dispatcher = client.transport().pipeline().httpClient().dispatcher()
                    .executorService();
            Thread worker = dispatcher.submit(Thread::currentThread).get(30, TimeUnit.SECONDS);
            assertTrue(worker.getName().startsWith("bot-connector-dispatcher-"), worker.getName());
            assertTrue(worker.isDaemon());
        }
        RetryPolicy.Sleeper.system().sleep(Duration.ofMillis(1)).toCompletableFuture().get(30, TimeUnit.SECONDS);
        Thread timer = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("bot-connector-timer")).findFirst().orElseThrow();
        assertTrue(timer.isDaemon());
    }

    /**
     * 32 blocking callers start with no token; the token endpoint answers only when all 32 wait for it, and the
     * service holds every request until 32 are in flight at once. Then each gets a 401, and the same again with the
     * refreshed token. Before each caller ran on its own thread, the waiters were served one after another.
     */
    @Test
    void blockingCallersWaitingForATokenAllProceedAtOnce() throws Exception {
        int callers = 32;
        CountDownLatch waitingForFirst = new CountDownLatch(callers);
        CountDownLatch waitingForSecond = new CountDownLatch(2 * callers);
        TokenProvider credential = credential();
        TokenProvider counting = new TokenProvider() {
            @Override
            public AccessToken getToken() {
                waitingForFirst.countDown();
                waitingForSecond.countDown();
                return credential.getToken();
            }

            @Override
            public CompletableFuture<AccessToken> getTokenAsync() {
                waitingForFirst.countDown();
                waitingForSecond.countDown();
                return credential.getTokenAsync();
            }

            @Override
            public void tokenRejected(AccessToken token) {
                credential.tokenRejected(token);
            }
        };
        login.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                int n = tokensIssued.incrementAndGet();
                CountDownLatch all = n == 1 ? waitingForFirst : waitingForSecond;
                assertTrue(all.await(30, TimeUnit.SECONDS), "callers waiting: " + all.getCount() + " missing");
                return token("token-" + n);
            }
        });
        HeldRequests first = new HeldRequests(callers);
        HeldRequests second = new HeldRequests(callers);
        service.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if ("Bearer token-1".equals(request.getHeaders().get("Authorization"))) {
                    first.hold();
                    return json(401, "{\"error\":{\"code\":\"AuthenticationError\",\"message\":\"expired\"}}");
                }
                second.hold();
                return json(201, "{\"id\":\"sent\"}");
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try (ConnectorClient client = client(counting)) {
            List<Future<ResourceResponse>> sends = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                sends.add(pool.submit(() -> client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi"))));
            }
            for (Future<ResourceResponse> send : sends) {
                assertEquals("sent", send.get(60, TimeUnit.SECONDS).id());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(callers, first.maxInFlight.get(), "in flight at once after the first token");
        assertEquals(callers, second.maxInFlight.get(), "in flight at once after the 401 refresh");
        assertEquals(2, tokensIssued.get(), "one token request per refresh");
    }

    /** Holds each request until {@code expected} are in flight together, counting the most at once. */
    private static final class HeldRequests {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final CountDownLatch all;

        HeldRequests(int expected) {
            this.all = new CountDownLatch(expected);
        }

        void hold() throws InterruptedException {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            all.countDown();
            try {
                all.await(30, TimeUnit.SECONDS);
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }
}
