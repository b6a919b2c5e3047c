package io.github.botconnector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.RetryPolicy;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Connection;
import okhttp3.Handshake;
import okhttp3.Protocol;
import okhttp3.Route;
import org.junit.jupiter.api.Test;

/** The last-use times of connections do not outlive the connections: closed ones are dropped as the map grows. */
class StaleConnectionsMemoryTest {

    @Test
    void closedConnectionsAreForgottenOpenOnesKept() throws IOException {
        StaleConnections stale = new StaleConnections(Duration.ofMillis(100), RetryPolicy.defaults());
        List<Socket> open = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Socket s = new Socket();
            open.add(s);
            stale.used(connection(s));
        }
        for (int i = 0; i < 500; i++) {
            Socket closed = new Socket();
            closed.close();
            stale.used(connection(closed));
        }

        // The 500 closed ones were dropped as the map grew (at most one growth step of them remains); the open
        // ones are all kept.
        assertTrue(stale.remembered() <= 2 * 64 + open.size(), "remembered " + stale.remembered());
        assertTrue(stale.remembered() >= open.size(), "remembered " + stale.remembered());
        for (Socket s : open) {
            s.close();
        }
    }

    private static Connection connection(Socket socket) {
        return new Connection() {
            @Override
            public Route route() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Socket socket() {
                return socket;
            }

            @Override
            public Handshake handshake() {
                return null;
            }

            @Override
            public Protocol protocol() {
                return Protocol.HTTP_1_1;
            }
        };
    }
}
