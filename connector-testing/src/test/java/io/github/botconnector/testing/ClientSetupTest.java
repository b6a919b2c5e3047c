package io.github.botconnector.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.exception.UntrustedHostException;
import io.github.botconnector.auth.TokenProvider;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.testing.internal.BreakingServerSocketFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** One-line client setup against the fake, and a fake that answers a reused connection without delay. */
class ClientSetupTest {

    @Test
    void clientBuilderIsReadyForTheFakeEvenWithStrictAuth() {
        try (FakeConnector fake = FakeConnector.builder().contoso().auth(AuthMode.STRICT).start();
             ConnectorClient client = fake.clientBuilder().build()) {
            ConversationReference ref = fake.installBotFor(fake.user("Adele Vance"));
            client.send(ref, Activity.message("Hello"));
            assertEquals("Hello", fake.activitiesSentTo(fake.user("Adele Vance")).get(0).text());
            assertEquals(fake.serviceUrl(), client.serviceUrl());
            assertEquals(1, fake.tokenRequests().size());
        }
    }

    @Test
    void theFakesCloudAloneMakesItsLoopbackUrlUsable() {
        try (FakeConnector fake = FakeConnector.builder().contoso().start();
             ConnectorClient client = ConnectorClient.builder().cloud(fake.cloud()).serviceUrl(fake.serviceUrl())
                     .credentials(TokenProvider.fixed("token")).build()) {
            ConversationReference ref = fake.installBotFor(fake.user("Adele Vance"));
            client.send(ref, Activity.message("Hello"));
            assertEquals(1, fake.sentActivities().size());
            assertTrue(client.trustedHosts().isTrusted(fake.serviceUrl()));
            assertTrue(client.trustedHosts().isTrusted("http://localhost:" + fake.port() + "/amer/"));
            assertThrows(UntrustedHostException.class,
                    () -> client.trustedHosts().check("http://127.0.0.2:" + fake.port() + "/amer/"));
            assertThrows(UntrustedHostException.class,
                    () -> client.trustedHosts().check("http://smba.trafficmanager.net/amer/"));
        }
    }

    @Test
    void acceptedConnectionsHaveNagleSwitchedOff() throws Exception {
        BreakingServerSocketFactory factory = new BreakingServerSocketFactory(() -> false);
        try (ServerSocket server = factory.createServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket()) {
            client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
            try (Socket accepted = server.accept()) {
                assertTrue(accepted.getTcpNoDelay(), "TCP_NODELAY on the fake's side of the connection");
            }
        }
    }

    /**
     * 300 sends through one client on one reused connection, three times (the first round includes JIT warm-up).
     * The times are printed (the test output file) rather than asserted: with Nagle's algorithm on, each exchange
     * waited for the client's delayed ACK (about 45 ms), 13.5 s in all.
     */
    @Test
    void threeHundredSendsThroughOneClientReuseOneConnection() {
        ConnectionPool pool = new ConnectionPool();
        OkHttpClient http = new OkHttpClient.Builder().connectionPool(pool).build();
        try (FakeConnector fake = FakeConnector.builder().contoso().start();
             ConnectorClient client = fake.clientBuilder().httpClient(http).build()) {
            ConversationReference ref = fake.installBotFor(fake.user("Adele Vance"));
            for (int round = 1; round <= 3; round++) {
                long start = System.nanoTime();
                for (int i = 0; i < 300; i++) {
                    client.send(ref, Activity.message("message " + i));
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                System.out.println("300 sends through one client on one connection, round " + round + ": " + millis
                        + " ms");
            }
            assertEquals(900, fake.activitiesSentTo(fake.user("Adele Vance")).size());
            assertEquals(1, pool.connectionCount());
        } finally {
            http.dispatcher().executorService().shutdown();
            pool.evictAll();
        }
    }
}
