package io.github.botconnector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.botconnector.auth.TokenProvider;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * The write timeout follows the read timeout: Okio's timeout watchdog thread is woken whenever a new deadline is the
 * earliest pending one, so a write timeout shorter than the read timeout would wake it on every send while other
 * sends wait in reads.
 */
class TimeoutDefaultsTest {

    @Test
    void defaultClientReadsAndWritesWithTheSameTimeout() {
        try (ConnectorClient client = builder().build()) {
            OkHttpClient http = client.transport().pipeline().httpClient();
            assertEquals(30_000, http.readTimeoutMillis());
            assertEquals(30_000, http.writeTimeoutMillis());
            assertEquals(10_000, http.connectTimeoutMillis());
            assertEquals(0, http.callTimeoutMillis());
        }
    }

    @Test
    void aConfiguredReadTimeoutIsAlsoTheWriteTimeout() {
        try (ConnectorClient client = builder().readTimeout(Duration.ofSeconds(45)).build()) {
            OkHttpClient http = client.transport().pipeline().httpClient();
            assertEquals(45_000, http.readTimeoutMillis());
            assertEquals(45_000, http.writeTimeoutMillis());
        }
    }

    @Test
    void aSuppliedClientKeepsItsTimeoutsUnlessTheReadTimeoutIsSet() {
        OkHttpClient own = new OkHttpClient.Builder().readTimeout(12, TimeUnit.SECONDS)
                .writeTimeout(7, TimeUnit.SECONDS).build();
        try (ConnectorClient client = builder().httpClient(own).build()) {
            OkHttpClient http = client.transport().pipeline().httpClient();
            assertEquals(12_000, http.readTimeoutMillis());
            assertEquals(7_000, http.writeTimeoutMillis());
        }
        try (ConnectorClient client = builder().httpClient(own).readTimeout(Duration.ofSeconds(20)).build()) {
            OkHttpClient http = client.transport().pipeline().httpClient();
            assertEquals(20_000, http.readTimeoutMillis());
            assertEquals(20_000, http.writeTimeoutMillis());
        } finally {
            own.dispatcher().executorService().shutdown();
            own.connectionPool().evictAll();
        }
    }

    private static ConnectorClient.Builder builder() {
        return ConnectorClient.builder().serviceUrl("https://smba.trafficmanager.net/amer/")
                .credentials(TokenProvider.fixed("t"));
    }
}
