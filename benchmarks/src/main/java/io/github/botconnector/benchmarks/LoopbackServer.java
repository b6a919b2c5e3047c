package io.github.botconnector.benchmarks;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A minimal HTTP/1.1 keep-alive responder on 127.0.0.1 that every client in the benchmarks talks to.
 *
 * <p>One platform thread per connection, a hand-written request parser (request line, {@code Content-Length} or
 * chunked body) and pre-built responses, so the server spends a few microseconds of CPU per request:
 * <ul>
 *   <li>{@code POST .../activities} → {@code 201 {"id":"1"}}</li>
 *   <li>{@code POST .../oauth2/v2.0/token} → {@code 200} with a fresh access token ({@link #tokenRequests()} counts
 *   them)</li>
 *   <li>anything else → {@code 404}</li>
 * </ul>
 * It counts requests and exposes the process CPU time so the harness can show the server is not the bottleneck;
 * {@link #main} runs it as a process of its own (the harness does, so that clients and responder share no JVM).
 */
public final class LoopbackServer implements AutoCloseable {

    private static final byte[] CREATED = response("201 Created", "{\"id\":\"1\"}");
    private static final byte[] NOT_FOUND = response("404 Not Found", "{\"error\":{\"code\":\"NotFound\"}}");
    private static final int MAX_HEAD = 16 * 1024;
    /**
     * {@code GET} this path for {@code {"requests":n,"connections":n,"cpuNanos":n}}: the counters and this JVM's CPU
     * time, for a harness that runs the responder in another process. Stats requests and connections used only for
     * them are not counted.
     */
    public static final String STATS_PATH = "/__stats";
    /** Argument of {@link #main} that stops the server when its standard input ends. */
    public static final String UNTIL_STDIN_ENDS = "--until-stdin-ends";

    private final ServerSocket serverSocket;
    private final Thread acceptor;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final LongAdder requests = new LongAdder();
    private final LongAdder tokenRequests = new LongAdder();
    private final LongAdder connectionsOpened = new LongAdder();
    private final AtomicLong tokenSerial = new AtomicLong();
    private final long tokenLifetimeSeconds;
    private volatile boolean closed;

    private LoopbackServer(long tokenLifetimeSeconds) throws IOException {
        this.tokenLifetimeSeconds = tokenLifetimeSeconds;
        this.serverSocket = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "loopback-acceptor");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    /** Starts a server on an ephemeral loopback port; issued tokens live one hour. */
    public static LoopbackServer start() throws IOException {
        return new LoopbackServer(3600);
    }

    /** Starts a server on an ephemeral loopback port whose issued tokens live {@code tokenLifetimeSeconds}. */
    public static LoopbackServer start(long tokenLifetimeSeconds) throws IOException {
        return new LoopbackServer(tokenLifetimeSeconds);
    }

    /** {@code http://127.0.0.1:<port>/} */
    public String baseUrl() {
        return "http://127.0.0.1:" + serverSocket.getLocalPort() + "/";
    }

    /** The bound port. */
    public int port() {
        return serverSocket.getLocalPort();
    }

    /** Requests answered since start (all routes). */
    public long requests() {
        return requests.sum();
    }

    /** Counters and CPU time as the JSON object answered on {@link #STATS_PATH}. */
    String stats() {
        return "{\"requests\":" + requests() + ",\"connections\":" + connectionsOpened() + ",\"cpuNanos\":"
                + processCpuNanos() + "}";
    }

    /** Connections that sent a request since start (a client that keeps its connections alive opens few). */
    public long connectionsOpened() {
        return connectionsOpened.sum();
    }

    /** Token requests answered since start. */
    public long tokenRequests() {
        return tokenRequests.sum();
    }

    /** CPU time of this whole JVM in nanoseconds, or -1 when the platform does not report it. */
    public static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        serverSocket.close();
        for (Socket s : connections) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            Thread t = new Thread(() -> serve(socket), "loopback-conn-" + socket.getPort());
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(Socket socket) {
        connections.add(socket);
        try (socket) {
            socket.setTcpNoDelay(true);
            Input in = new Input(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            boolean counted = false;
            while (!closed) {
                if (!in.readHead()) {
                    return;
                }
                if (in.chunked) {
                    in.skipChunked();
                } else {
                    in.skip(in.contentLength);
                }
                byte[] response;
                if (in.pathEndsWith(STATS)) {
                    out.write(response("200 OK", stats()));
                    out.flush();
                    continue;
                }
                if (!counted) {
                    connectionsOpened.increment();
                    counted = true;
                }
                requests.increment();
                if (in.pathEndsWith(ACTIVITIES)) {
                    response = CREATED;
                } else if (in.pathContains(TOKEN)) {
                    tokenRequests.increment();
                    response = tokenResponse();
                } else {
                    response = NOT_FOUND;
                }
                out.write(response);
                out.flush();
                if (in.close) {
                    return;
                }
            }
        } catch (SocketException | EOFException e) {
            // client went away
        } catch (IOException | RuntimeException e) {
            // a malformed request or broken connection ends only that connection
        } finally {
            connections.remove(socket);
        }
    }

    private byte[] tokenResponse() {
        String body = "{\"token_type\":\"Bearer\",\"expires_in\":" + tokenLifetimeSeconds
                + ",\"ext_expires_in\":" + tokenLifetimeSeconds
                + ",\"access_token\":\"loopback-token-" + tokenSerial.incrementAndGet() + "\"}";
        return response("200 OK", body);
    }

    private static byte[] response(String status, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + "\r\n"
                + "Content-Type: application/json; charset=utf-8\r\n"
                + "Content-Length: " + bytes.length + "\r\n"
                + "\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[h.length + bytes.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(bytes, 0, all, h.length, bytes.length);
        return all;
    }

    private static final byte[] STATS = STATS_PATH.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ACTIVITIES = "/activities".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TOKEN = "/oauth2/v2.0/token".getBytes(StandardCharsets.US_ASCII);

    /**
     * Buffered request reader working on bytes (no per-byte locking, no String per header): finds the request
     * line's path, {@code Content-Length}, chunked transfer encoding and {@code Connection: close}.
     */
    private static final class Input {
        private final InputStream in;
        private final byte[] buf = new byte[MAX_HEAD];
        private int pos;
        private int limit;
        private final byte[] line = new byte[MAX_HEAD];
        private int lineLength;
        private final byte[] path = new byte[8192];
        private int pathLength;
        long contentLength;
        boolean chunked;
        boolean close;

        Input(InputStream in) {
            this.in = in;
        }

        private boolean fill() throws IOException {
            int n = in.read(buf, 0, buf.length);
            if (n <= 0) {
                return false;
            }
            pos = 0;
            limit = n;
            return true;
        }

        /** Reads one line without its CRLF into {@link #line}; false at end of stream before any byte. */
        private boolean readLine() throws IOException {
            lineLength = 0;
            boolean any = false;
            while (true) {
                if (pos == limit && !fill()) {
                    if (!any) {
                        return false;
                    }
                    throw new EOFException("connection closed inside a line");
                }
                any = true;
                byte b = buf[pos++];
                if (b == '\n') {
                    if (lineLength > 0 && line[lineLength - 1] == '\r') {
                        lineLength--;
                    }
                    return true;
                }
                if (lineLength == line.length) {
                    throw new IOException("line too long");
                }
                line[lineLength++] = b;
            }
        }

        boolean readHead() throws IOException {
            if (!readLine()) {
                return false;
            }
            int sp1 = indexOf(line, 0, lineLength, (byte) ' ');
            int sp2 = sp1 < 0 ? -1 : indexOf(line, sp1 + 1, lineLength, (byte) ' ');
            if (sp2 < 0 || sp2 - sp1 - 1 > path.length) {
                throw new IOException("bad request line");
            }
            pathLength = sp2 - sp1 - 1;
            System.arraycopy(line, sp1 + 1, path, 0, pathLength);
            contentLength = 0;
            chunked = false;
            close = false;
            while (true) {
                if (!readLine()) {
                    throw new EOFException("connection closed inside a request head");
                }
                if (lineLength == 0) {
                    return true;
                }
                if (startsWithIgnoreCase("content-length:")) {
                    contentLength = Long.parseLong(value());
                } else if (startsWithIgnoreCase("transfer-encoding:")) {
                    chunked = value().toLowerCase(Locale.ROOT).contains("chunked");
                } else if (startsWithIgnoreCase("connection:")) {
                    close = value().equalsIgnoreCase("close");
                }
            }
        }

        private String value() {
            int colon = indexOf(line, 0, lineLength, (byte) ':');
            return new String(line, colon + 1, lineLength - colon - 1, StandardCharsets.ISO_8859_1).trim();
        }

        private boolean startsWithIgnoreCase(String prefix) {
            if (lineLength < prefix.length()) {
                return false;
            }
            for (int i = 0; i < prefix.length(); i++) {
                // prefix is lower-case ASCII letters, '-' and ':', all unchanged by | 0x20
                if ((line[i] | 0x20) != prefix.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        boolean pathEndsWith(byte[] suffix) {
            int end = pathLength;
            int q = indexOf(path, 0, pathLength, (byte) '?');
            if (q >= 0) {
                end = q;
            }
            if (end < suffix.length) {
                return false;
            }
            for (int i = 0; i < suffix.length; i++) {
                if (path[end - suffix.length + i] != suffix[i]) {
                    return false;
                }
            }
            return true;
        }

        boolean pathContains(byte[] part) {
            outer:
            for (int i = 0; i + part.length <= pathLength; i++) {
                for (int j = 0; j < part.length; j++) {
                    if (path[i + j] != part[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }

        void skip(long n) throws IOException {
            long left = n;
            while (left > 0) {
                if (pos == limit && !fill()) {
                    throw new EOFException("connection closed inside a request body");
                }
                int take = (int) Math.min(left, limit - pos);
                pos += take;
                left -= take;
            }
        }

        void skipChunked() throws IOException {
            while (true) {
                if (!readLine()) {
                    throw new EOFException("connection closed inside a chunked body");
                }
                String size = new String(line, 0, lineLength, StandardCharsets.ISO_8859_1);
                int semi = size.indexOf(';');
                long n = Long.parseLong((semi >= 0 ? size.substring(0, semi) : size).trim(), 16);
                if (n == 0) {
                    do {
                        if (!readLine()) {
                            throw new EOFException("connection closed inside chunked trailers");
                        }
                    } while (lineLength != 0);
                    return;
                }
                skip(n);
                readLine();
            }
        }

        private static int indexOf(byte[] a, int from, int to, byte b) {
            for (int i = from; i < to; i++) {
                if (a[i] == b) {
                    return i;
                }
            }
            return -1;
        }
    }

    /**
     * Runs a server until the process is stopped, printing its base URL as the first line of standard output; for
     * trying clients by hand. With the argument {@value #UNTIL_STDIN_ENDS} it also stops when its standard input ends:
     * the harness runs it so, as a child process that cannot outlive it.
     *
     * @param args nothing, or {@value #UNTIL_STDIN_ENDS}
     */
    public static void main(String[] args) throws Exception {
        try (LoopbackServer server = start()) {
            System.out.println("Loopback responder at " + server.baseUrl() + " (Ctrl-C to stop)");
            System.out.flush();
            if (args.length > 0 && args[0].equals(UNTIL_STDIN_ENDS)) {
                while (System.in.read() >= 0) {
                    // serve until the parent closes the pipe or dies
                }
            } else {
                new java.util.concurrent.CountDownLatch(1).await();
            }
        }
    }
}
