package io.github.botconnector;

import static io.github.botconnector.Harness.ADELE_CONVERSATION;
import static io.github.botconnector.Harness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ResourceResponse;
import io.github.botconnector.testsupport.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** OkHttp's default of 5 requests per host must not apply: many sends are in flight at once. */
class ConcurrencyTest {

    private static final int SENDS = 200;
    private static final int HELD = 50;

    @StartStop
    final MockWebServer server = new MockWebServer();

    @Test
    void twoHundredConcurrentSendsHaveMoreThanFiveInFlight() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        CountDownLatch held = new CountDownLatch(HELD);
        CountDownLatch release = new CountDownLatch(1);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                int now = inFlight.incrementAndGet();
                maxInFlight.accumulateAndGet(now, Math::max);
                held.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                    return json(201, "{\"id\":\"" + request.getTarget().length() + "\"}");
                } finally {
                    inFlight.decrementAndGet();
                }
            }
        });
        Harness.CountingTokens tokens = new Harness.CountingTokens();
        try (ConnectorClient client = Harness.client(server, tokens, ManualClock.atFixtureNow()).build()) {
            List<CompletableFuture<ResourceResponse>> sends = new ArrayList<>();
            for (int i = 0; i < SENDS; i++) {
                sends.add(client.async().sendToConversation(ADELE_CONVERSATION, Activity.message("hello " + i)));
            }
            assertTrue(held.await(30, TimeUnit.SECONDS), "only " + (HELD - held.getCount()) + " requests arrived at once");
            release.countDown();
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            for (CompletableFuture<ResourceResponse> f : sends) {
                assertEquals(String.valueOf("/amer/v3/conversations/".length() + Harness.ADELE_CONVERSATION_ENCODED.length()
                        + "/activities".length()), f.get().id());
            }
        }
        assertTrue(maxInFlight.get() >= HELD, "max in flight " + maxInFlight.get());
        assertEquals(SENDS, server.getRequestCount());
    }

    @Test
    void maxRequestsInFlightIsApplied() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        CountDownLatch held = new CountDownLatch(3);
        CountDownLatch release = new CountDownLatch(1);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                held.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                    return json(201, "{\"id\":\"1\"}");
                } finally {
                    inFlight.decrementAndGet();
                }
            }
        });
        try (ConnectorClient client = Harness.client(server, new Harness.CountingTokens(), ManualClock.atFixtureNow())
                .maxRequestsInFlight(3).build()) {
            List<CompletableFuture<ResourceResponse>> sends = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                sends.add(client.async().sendToConversation(ADELE_CONVERSATION, Activity.message("hello " + i)));
            }
            assertTrue(held.await(30, TimeUnit.SECONDS));
            assertEquals(3, inFlight.get());
            release.countDown();
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        }
        assertEquals(3, maxInFlight.get());
    }
}
