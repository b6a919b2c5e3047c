package io.github.botconnector.benchmarks;

import io.github.botconnector.auth.AccessToken;
import io.github.botconnector.auth.BotCloud;
import io.github.botconnector.auth.ClientSecretCredential;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Token behaviour under load: 64 concurrent senders ask one {@link ClientSecretCredential} for a token while a
 * simulated clock runs through several token lifetimes; the credential's token endpoint is the loopback responder,
 * which counts the token requests. A single-flight cache makes one request at the cold start and then about one
 * per lifetime (a background refresh shortly before the token goes stale), not one per sender.
 */
final class TokenProbe {

    static final int SENDERS = 64;
    static final int LIFETIMES = 5;
    private static final Duration LIFETIME = Duration.ofHours(1);
    private static final Duration STEP = Duration.ofSeconds(10);

    /** Result of a probe run. */
    record Result(boolean measured, String note, int senders, long calls, long lifetimes, long tokenRequests,
                  long coldStartRequests) {
    }

    private TokenProbe() {
    }

    /** Runs the probe against {@code server}'s token endpoint (tokens issued there must live one hour). */
    static Result run(LoopbackServer server) throws InterruptedException {
        SimulatedClock clock = new SimulatedClock(Instant.parse("2026-01-01T00:00:00Z"));
        BotCloud cloud = BotCloud.PUBLIC.toBuilder()
                .name("loopback")
                .loginHost("http://127.0.0.1:" + server.port())
                .build();
        ClientSecretCredential credential = ClientSecretCredential.builder()
                .appId("00000000-0000-0000-0000-000000000001")
                .secret("probe-secret")
                .cloud(cloud)
                .clock(clock)
                .build();

        long before = server.tokenRequests();
        LongAdder calls = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(SENDERS);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch coldDone = new CountDownLatch(SENDERS);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) {
            boolean async = i % 2 == 1;
            Thread t = new Thread(() -> {
                try {
                    ready.countDown();
                    go.await();
                    boolean first = true;
                    while (!stop.get()) {
                        AccessToken token = async ? credential.getTokenAsync().join() : credential.getToken();
                        if (token == null || token.isExpiredAt(clock.instant())) {
                            throw new IllegalStateException("credential handed out no or an expired token");
                        }
                        calls.increment();
                        if (first) {
                            coldDone.countDown();
                            first = false;
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    stop.set(true);
                    coldDone.countDown();
                }
            }, "token-probe-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        ready.await();
        go.countDown();
        if (!coldDone.await(30, TimeUnit.SECONDS)) {
            stop.set(true);
            throw new IllegalStateException("senders got no token within 30 s");
        }
        long cold = server.tokenRequests() - before;
        long steps = LIFETIME.multipliedBy(LIFETIMES).dividedBy(STEP);
        for (long s = 0; s < steps && !stop.get(); s++) {
            clock.advance(STEP);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        stop.set(true);
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(10));
        }
        if (failure.get() != null) {
            return new Result(false, "probe failed: " + failure.get(), SENDERS, calls.sum(), LIFETIMES,
                    server.tokenRequests() - before, cold);
        }
        return new Result(true, "Simulated clock: " + LIFETIMES + " token lifetimes of " + LIFETIME.toMinutes()
                + " min in steps of " + STEP.toSeconds() + " s; half the senders call getToken(), half "
                + "getTokenAsync().join(); default refresh margin (5 min).", SENDERS, calls.sum(), LIFETIMES,
                server.tokenRequests() - before, cold);
    }

    /** A clock the probe moves forward by hand. */
    private static final class SimulatedClock extends Clock {
        private final AtomicReference<Instant> now;

        SimulatedClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
