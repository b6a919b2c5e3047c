package io.github.botconnector;

import static io.github.botconnector.Harness.ADELE_CONVERSATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.auth.TokenProvider;
import io.github.botconnector.exception.PossiblyDeliveredException;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.testsupport.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Servers and proxies close idle keep-alive connections (Node.js and Apache after 5 s, some proxies after much less).
 * A send on such a pooled connection must go out on a fresh one: never reported as possibly delivered, delivered
 * exactly once. A connection reset after the server read the request still is possibly delivered, never re-sent.
 *
 * <p>The sends wait for the server to close the idle connection (the server's idle timeout is real time; a semaphore
 * tells when it closed), so each send finds a pooled connection the server has just closed.
 */
class StaleConnectionTest {

    private static final Pattern TEXT = Pattern.compile("\"text\":\"([^\"]*)\"");

    @Test
    void sendsOnConnectionsTheServerClosedWhileIdleAreDeliveredExactlyOnce() throws Exception {
        Map<Duration, Integer> sendsPerIdleTimeout = Map.of(Duration.ofMillis(300), 5, Duration.ofSeconds(2), 3,
                Duration.ofSeconds(5), 2);
        ExecutorService senders = Executors.newFixedThreadPool(sendsPerIdleTimeout.size());
        List<IdleClosingServer> servers = new ArrayList<>();
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (Map.Entry<Duration, Integer> e : sendsPerIdleTimeout.entrySet()) {
                IdleClosingServer server = new IdleClosingServer(e.getKey(), false);
                servers.add(server);
                runs.add(senders.submit(() -> {
                    sendAfterEachIdleClose(server, e.getValue());
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            senders.shutdownNow();
            servers.forEach(IdleClosingServer::close);
        }
        for (IdleClosingServer server : servers) {
            int sends = sendsPerIdleTimeout.get(server.idleTimeout);
            assertEquals(sends, server.delivered.size(), server.delivered.toString());
            server.delivered.forEach((text, count) -> assertEquals(1, count.get(), text + " delivered once"));
            assertTrue(server.idleCloses.get() >= sends - 1, "the server closed the idle connections: "
                    + server.idleCloses.get());
        }
    }

    /** No retries at all: a send that found a closed connection must not need one. */
    private static void sendAfterEachIdleClose(IdleClosingServer server, int sends) throws InterruptedException {
        try (ConnectorClient client = ConnectorClient.builder()
                .serviceUrl(server.url())
                .credentials(TokenProvider.fixed("t"))
                .trustedHosts(Harness.loopback())
                .retryPolicy(RetryPolicy.none())
                .build()) {
            for (int i = 0; i < sends; i++) {
                if (i > 0) {
                    assertTrue(server.closedIdle.tryAcquire(60, TimeUnit.SECONDS), "the server closed the idle connection");
                }
                String text = "after-" + server.idleTimeout.toMillis() + "ms-idle-" + i;
                assertEquals("created", client.sendToConversation(ADELE_CONVERSATION, Activity.message(text)).id());
            }
        }
    }

    @Test
    void aResetAfterTheServerReadTheSendIsPossiblyDeliveredAndNotSentTwice() throws Exception {
        IdleClosingServer server = new IdleClosingServer(Duration.ofSeconds(30), true);
        ManualClock time = ManualClock.atFixtureNow();
        try (ConnectorClient client = ConnectorClient.builder()
                .serviceUrl(server.url())
                .credentials(TokenProvider.fixed("t"))
                .trustedHosts(Harness.loopback())
                .retryPolicy(Harness.policy(time).build())
                .build()) {
            PossiblyDeliveredException e = assertThrows(PossiblyDeliveredException.class,
                    () -> client.sendToConversation(ADELE_CONVERSATION, Activity.message("reset-after-read")));
            assertEquals(1, e.attempts());
            assertTrue(e.possiblyDelivered());
        } finally {
            server.close();
        }
        assertEquals(Map.of("reset-after-read", 1), Map.copyOf(server.counts()));
        assertTrue(time.sleeps().isEmpty());
    }

    /**
     * A minimal HTTP/1.1 server that answers every request with 201 and keeps the connection open until it has been
     * idle for {@code idleTimeout}, then closes it; or, with {@code resetAfterRead}, resets the connection once it has
     * read a request. Counts each message text it read.
     */
    private static final class IdleClosingServer implements AutoCloseable {
        final Duration idleTimeout;
        final boolean resetAfterRead;
        final Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
        final AtomicInteger idleCloses = new AtomicInteger();
        final Semaphore closedIdle = new Semaphore(0);
        private final ServerSocket listener;
        private final ExecutorService threads = Executors.newCachedThreadPool();

        IdleClosingServer(Duration idleTimeout, boolean resetAfterRead) throws IOException {
            this.idleTimeout = idleTimeout;
            this.resetAfterRead = resetAfterRead;
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            threads.execute(this::acceptLoop);
        }

        String url() {
            return "http://localhost:" + listener.getLocalPort() + "/amer/";
        }

        Map<String, Integer> counts() {
            Map<String, Integer> m = new ConcurrentHashMap<>();
            delivered.forEach((k, v) -> m.put(k, v.get()));
            return m;
        }

        private void acceptLoop() {
            while (!listener.isClosed()) {
                try {
                    Socket socket = listener.accept();
                    threads.execute(() -> serve(socket));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket socket) {
            try (socket) {
                socket.setSoTimeout((int) idleTimeout.toMillis());
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                while (true) {
                    String head;
                    try {
                        head = readHead(in);
                    } catch (SocketTimeoutException idle) {
                        idleCloses.incrementAndGet();
                        socket.close();
                        closedIdle.release();
                        return;
                    }
                    if (head == null) {
                        return;
                    }
                    byte[] body = in.readNBytes(contentLength(head));
                    Matcher m = TEXT.matcher(new String(body, StandardCharsets.UTF_8));
                    delivered.computeIfAbsent(m.find() ? m.group(1) : "?", k -> new AtomicInteger()).incrementAndGet();
                    if (resetAfterRead) {
                        socket.setSoLinger(true, 0);
                        return;
                    }
                    byte[] answer = "{\"id\":\"created\"}".getBytes(StandardCharsets.UTF_8);
                    out.write(("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: "
                            + answer.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(answer);
                    out.flush();
                }
            } catch (IOException e) {
                // The client went away; nothing to answer.
            }
        }

        /** The request line and headers, or {@code null} at the end of the stream. */
        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                head.write(b);
                matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
            }
            return head.toString(StandardCharsets.ISO_8859_1);
        }

        private static int contentLength(String head) {
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    return Integer.parseInt(line.substring("content-length:".length()).trim());
                }
            }
            return 0;
        }

        @Override
        public void close() {
            try {
                listener.close();
            } catch (IOException ignored) {
                // Already closed.
            }
            threads.shutdownNow();
        }
    }
}
