package io.github.botconnector.auth;

import static io.github.botconnector.auth.TestSupport.APP_ID;
import static io.github.botconnector.auth.TestSupport.NOW;
import static io.github.botconnector.auth.TestSupport.cloudAt;
import static io.github.botconnector.auth.TestSupport.tokenFor;
import static io.github.botconnector.auth.TestSupport.tokenResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.exception.TokenAcquisitionException;
import io.github.botconnector.testsupport.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared token cache: single flight, background refresh, rejection. */
class TokenCacheTest {

    private final MockWebServer server = new MockWebServer();
    private final ManualClock clock = new ManualClock(NOW);
    private final AtomicInteger issued = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ClientSecretCredential credential() {
        return ClientSecretCredential.builder().appId(APP_ID).secret("secret-value").cloud(cloudAt(server))
                .clock(clock).jitter(() -> 0.5).build();
    }

    /** Answers every token request with a new token once {@code release} opens. */
    private void answerAfter(CountDownLatch release) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (!release.await(20, TimeUnit.SECONDS)) {
                    return TestSupport.json(500, "{\"error\":\"test_timeout\"}");
                }
                return tokenResponse(tokenFor(issued.incrementAndGet()), 3600);
            }
        });
    }

    @Test
    void sixtyFourConcurrentCallersCauseExactlyOneTokenRequest() throws Exception {
        int threads = 64;
        CountDownLatch arrived = new CountDownLatch(threads);
        answerAfter(arrived);
        ClientSecretCredential credential = credential();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<AccessToken>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    arrived.countDown();
                    return credential.getToken();
                }));
            }
            for (Future<AccessToken> f : results) {
                assertEquals(tokenFor(1), f.get(30, TimeUnit.SECONDS).token());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void tokenNearExpiryIsRefreshedOnceInTheBackgroundWhileCallersKeepTheValidOne() throws Exception {
        CountDownLatch first = new CountDownLatch(0);
        CountDownLatch second = new CountDownLatch(1);
        AtomicInteger dispatched = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                CountDownLatch gate = dispatched.incrementAndGet() == 1 ? first : second;
                gate.await(20, TimeUnit.SECONDS);
                return tokenResponse(tokenFor(issued.incrementAndGet()), 3600);
            }
        });
        ClientSecretCredential credential = credential();
        assertEquals(tokenFor(1), credential.getToken().token());

        // Well before the refresh window: no request.
        clock.set(NOW.plus(Duration.ofMinutes(40)));
        assertEquals(tokenFor(1), credential.getToken().token());
        assertEquals(1, server.getRequestCount());

        // One second before the token turns stale (expiry - 5 min): callers get the old token at once while one
        // background request runs (held open by the server).
        clock.set(NOW.plusSeconds(3600 - 300 - 1));
        CompletableFuture<AccessToken> async = credential.getTokenAsync();
        assertTrue(async.isDone(), "a cached token is returned without waiting");
        assertEquals(tokenFor(1), async.join().token());
        for (int i = 0; i < 20; i++) {
            assertEquals(tokenFor(1), credential.getToken().token());
        }
        second.countDown();
        // Once stale, callers wait for the in-flight refresh (or see its result): still exactly two requests.
        clock.set(NOW.plusSeconds(3600 - 300 + 1));
        assertEquals(tokenFor(2), credential.getToken().token());
        assertEquals(2, server.getRequestCount());
        assertEquals(tokenFor(2), credential.getToken().token());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void staleTokenIsNeverHandedOut() {
        answerAfter(new CountDownLatch(0));
        ClientSecretCredential credential = credential();
        assertEquals(tokenFor(1), credential.getToken().token());
        clock.set(NOW.plusSeconds(3600 - 300));
        assertEquals(tokenFor(2), credential.getToken().token());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void reportedRejectionForcesExactlyOneRefresh() {
        answerAfter(new CountDownLatch(0));
        ClientSecretCredential credential = credential();
        AccessToken first = credential.getToken();

        credential.tokenRejected(first);
        credential.tokenRejected(first);
        AccessToken second = credential.getToken();
        assertEquals(tokenFor(2), second.token());
        // A late report for the old token does not throw away the new one.
        credential.tokenRejected(first);
        assertEquals(second, credential.getToken());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void getTokenAsyncDoesNotBlockTheCallerWhileFetching() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        answerAfter(release);
        ClientSecretCredential credential = credential();

        CompletableFuture<AccessToken> a = credential.getTokenAsync();
        CompletableFuture<AccessToken> b = credential.getTokenAsync();
        assertFalse(a.isDone());
        assertFalse(b.isDone());
        release.countDown();
        assertEquals(tokenFor(1), a.get(20, TimeUnit.SECONDS).token());
        assertEquals(tokenFor(1), b.get(20, TimeUnit.SECONDS).token());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void failedBackgroundRefreshKeepsServingTheValidTokenAndFailuresAreNotCached() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                int n = calls.incrementAndGet();
                if (n == 2 || n == 3) {
                    return TestSupport.json(400, "{\"error\":\"invalid_request\",\"error_description\":"
                            + "\"AADSTS90002: Tenant not found\",\"error_codes\":[90002]}");
                }
                return tokenResponse(tokenFor(issued.incrementAndGet()), 3600);
            }
        });
        ClientSecretCredential credential = credential();
        assertEquals(tokenFor(1), credential.getToken().token());

        clock.set(NOW.plusSeconds(3600 - 300 - 1));
        assertEquals(tokenFor(1), credential.getToken().token(), "background refresh failed; old token still valid");
        credential.idle().get(20, TimeUnit.SECONDS);
        assertEquals(2, server.getRequestCount());
        assertEquals(tokenFor(1), credential.getToken().token(), "no immediate background retry");
        credential.idle().get(20, TimeUnit.SECONDS);
        assertEquals(2, server.getRequestCount());

        clock.set(NOW.plusSeconds(3600 - 300));
        TokenAcquisitionException e = org.junit.jupiter.api.Assertions.assertThrows(TokenAcquisitionException.class,
                credential::getToken);
        assertEquals("AADSTS90002", e.errorCode());
        assertEquals(tokenFor(2), credential.getToken().token(), "a failure is not cached");
        assertEquals(4, server.getRequestCount());
    }

    @Test
    void callerCannotPoisonTheSharedFetch() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        answerAfter(release);
        ClientSecretCredential credential = credential();
        CompletableFuture<AccessToken> a = credential.getTokenAsync();
        CompletableFuture<AccessToken> b = credential.getTokenAsync();
        a.completeExceptionally(new IllegalStateException("caller cancelled"));
        release.countDown();
        assertEquals(tokenFor(1), b.get(20, TimeUnit.SECONDS).token());
    }
}
