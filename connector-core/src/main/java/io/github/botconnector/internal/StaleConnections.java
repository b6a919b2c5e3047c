package io.github.botconnector.internal;

import io.github.botconnector.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Response;

/**
 * Keeps a non-idempotent request (a POST that sends a message) off a pooled connection that the server has closed
 * while it was idle. Servers and proxies close idle keep-alive connections after their own timeout (Node.js and Apache
 * 5 s, some proxies much less); OkHttp only checks a pooled connection's health after 10 s of idleness, so without
 * this check a POST written to such a connection fails after it was sent and could only be reported as possibly
 * delivered, although the server never read it.
 *
 * <p>As a network interceptor (the connection is chosen, nothing is written yet): when the request's method is not
 * idempotent and its HTTP/1 connection has been idle for longer than {@code checkAfter}, the socket is read for up to
 * 1 ms. A server that closed the connection shows as end of stream (or a reset, or unexpected bytes): the socket is
 * closed so the pool drops the connection, and {@link StaleConnectionException} makes the pipeline send the same
 * attempt again on another connection (the request was not written, so this is not a retry). Then it marks the
 * attempt as sent.
 *
 * <p>Residual risk: a server that closes the connection between this check and the write (a window of the network
 * round trip at the server's idle timeout), or a middlebox that drops the connection without telling either side, can
 * still make the write fail after it was sent; that failure is reported as possibly delivered. Connections of a
 * caller-supplied OkHttp client that the application's own calls used are checked from the time this pipeline last
 * used them. HTTP/2 connections are not checked: the server announces their end with GOAWAY, which OkHttp handles.
 * Not public API.
 */
final class StaleConnections {

    private static final int PROBE_MILLIS = 1;

    private final long checkAfterNanos;
    private final RetryPolicy policy;
    /** Entries above which closed connections are dropped from {@link #lastUsed}. */
    private static final int PURGE_ABOVE = 64;

    /**
     * When this pipeline last finished an exchange on each connection (by identity). Lock-free for the many threads
     * that send at once; entries of closed connections are dropped when the map grows past {@link #purgeAt}.
     */
    private final Map<Connection, AtomicLong> lastUsed = new ConcurrentHashMap<>();
    private volatile int purgeAt = PURGE_ABOVE;

    StaleConnections(Duration checkAfter, RetryPolicy policy) {
        this.checkAfterNanos = checkAfter == null ? Duration.ofMillis(100).toNanos() : checkAfter.toNanos();
        this.policy = policy;
    }

    /** The network interceptor. */
    Response beforeWrite(Interceptor.Chain chain) throws IOException {
        Connection connection = chain.connection();
        HttpPipeline.AttemptTag tag = chain.request().tag(HttpPipeline.AttemptTag.class);
        if (connection != null && !policy.isIdempotent(chain.request().method()) && isHttp1(connection)) {
            AtomicLong last = lastUsed.get(connection);
            long idle = last == null ? 0 : System.nanoTime() - last.get();
            if (last != null && idle > checkAfterNanos && !probablyOpen(connection.socket())) {
                lastUsed.remove(connection);
                closeQuietly(connection.socket());
                throw new StaleConnectionException("the pooled connection to " + connection.route().address().url()
                        .host() + " was closed by the server after " + idle / 1_000_000 + " ms idle; nothing was"
                        + " written to it");
            }
        }
        if (tag != null) {
            tag.sent = true;
        }
        try {
            return chain.proceed(chain.request());
        } finally {
            if (connection != null) {
                used(connection);
            }
        }
    }

    /** Records that an exchange on {@code connection} just finished. */
    void used(Connection connection) {
        AtomicLong last = lastUsed.get(connection);
        if (last == null) {
            last = lastUsed.computeIfAbsent(connection, c -> new AtomicLong());
            if (lastUsed.size() > purgeAt) {
                purge();
            }
        }
        last.set(System.nanoTime());
    }

    /** Drops the entries of closed connections (the pool closes the sockets of the connections it evicts). */
    private synchronized void purge() {
        if (lastUsed.size() <= purgeAt) {
            return;
        }
        lastUsed.keySet().removeIf(c -> c.socket().isClosed());
        purgeAt = Math.max(PURGE_ABOVE, lastUsed.size() * 2);
    }

    /** Connections remembered (for tests). */
    int remembered() {
        return lastUsed.size();
    }

    private static boolean isHttp1(Connection connection) {
        Protocol p = connection.protocol();
        return p == Protocol.HTTP_1_1 || p == Protocol.HTTP_1_0;
    }

    /**
     * Whether nothing is waiting on the idle socket: no end of stream, no reset and no bytes (an idle HTTP/1
     * connection receives nothing until a request is written, so anything readable means it is finished).
     */
    private static boolean probablyOpen(Socket socket) {
        if (socket.isClosed() || socket.isInputShutdown()) {
            return false;
        }
        int timeout;
        try {
            timeout = socket.getSoTimeout();
        } catch (IOException e) {
            return false;
        }
        try {
            socket.setSoTimeout(PROBE_MILLIS);
            InputStream in = socket.getInputStream();
            in.read();
            return false;
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            try {
                socket.setSoTimeout(timeout);
            } catch (IOException ignored) {
                // The socket is broken; the write will fail before anything is sent.
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is best effort; the pool drops a connection whose socket is closed either way.
        }
    }

    /** The connection was found closed before the request was written; send the same attempt elsewhere. */
    static final class StaleConnectionException extends IOException {
        private static final long serialVersionUID = 1L;

        StaleConnectionException(String message) {
            super(message);
        }
    }
}
