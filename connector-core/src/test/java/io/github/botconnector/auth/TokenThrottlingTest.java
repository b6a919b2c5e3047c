package io.github.botconnector.auth;

import static io.github.botconnector.auth.TestSupport.APP_ID;
import static io.github.botconnector.auth.TestSupport.NOW;
import static io.github.botconnector.auth.TestSupport.cloudAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.exception.TokenAcquisitionException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Token requests follow the same rule as Bot Connector requests: a {@code Retry-After} within the cap (60 s) is waited
 * for, a longer one is never anticipated and fails the fetch at once.
 */
class TokenThrottlingTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final List<Duration> delays = new CopyOnWriteArrayList<>();

    private ClientSecretCredential credential() {
        return ClientSecretCredential.builder().appId(APP_ID).secret("s3cr3t").cloud(cloudAt(server))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .retryDelay(d -> {
                    delays.add(d);
                    return CompletableFuture.completedFuture(null);
                }).build();
    }

    private static MockResponse throttled(long seconds) {
        return new MockResponse.Builder().code(429).setHeader("Retry-After", Long.toString(seconds))
                .setHeader("Content-Type", "application/json")
                .body("{\"error\":\"temporarily_unavailable\",\"error_description\":\"AADSTS50196: too many requests\"}")
                .build();
    }

    @Test
    void aRetryAfterAboveTheCapFailsTheTokenRequestAtOnce() {
        server.enqueue(throttled(120));
        server.enqueue(TestSupport.tokenResponse(TestSupport.tokenFor(1), 3600));
        TokenAcquisitionException e = assertThrows(TokenAcquisitionException.class, () -> credential().getToken());
        assertEquals(429, e.statusCode());
        assertEquals(1, server.getRequestCount(), "no request before the service's time");
        assertTrue(delays.isEmpty(), delays.toString());
    }

    @Test
    void aRetryAfterWithinTheCapIsWaitedFor() {
        server.enqueue(throttled(30));
        server.enqueue(TestSupport.tokenResponse(TestSupport.tokenFor(1), 3600));
        assertEquals(TestSupport.tokenFor(1), credential().getToken().token());
        assertEquals(List.of(Duration.ofSeconds(30)), delays);
        assertEquals(2, server.getRequestCount());
    }
}
