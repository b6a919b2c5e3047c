package io.github.botconnector.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Capacity of the loopback responder with the cheapest possible client: 16 threads, each on its own keep-alive
 * socket, writing pre-built request bytes (same path, headers and body size as the send benchmarks) and reading
 * the fixed response. If this is well above the clients' throughput, the responder is not what limits them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ServerCheckBenchmark {

    private Socket socket;
    private OutputStream out;
    private InputStream in;
    private byte[] request;
    private final byte[] buf = new byte[4096];
    private int responseLength;

    /** Opens this thread's connection and learns the response length. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        URI base = URI.create(SendBenchmark.serviceUrl());
        byte[] body = Senders.compact(Payloads.read(Payloads.SEND_TO_CONVERSATION)).getBytes(StandardCharsets.UTF_8);
        String head = "POST /v3/conversations/" + URLEncoder.encode(Payloads.CONVERSATION_ID, StandardCharsets.UTF_8)
                + "/activities HTTP/1.1\r\n"
                + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                + "Authorization: Bearer t\r\n"
                + "Content-Type: application/json; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        request = new byte[h.length + body.length];
        System.arraycopy(h, 0, request, 0, h.length);
        System.arraycopy(body, 0, request, h.length, body.length);
        socket = new Socket(base.getHost(), base.getPort());
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = socket.getInputStream();
        out.write(request);
        out.flush();
        responseLength = readUntilBody();
    }

    /** Closes this thread's connection. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        socket.close();
    }

    /** One request/response exchange on a raw socket. */
    @Benchmark
    @Threads(16)
    public int rawSocket16() throws IOException {
        out.write(request);
        out.flush();
        int left = responseLength;
        while (left > 0) {
            int n = in.read(buf, 0, Math.min(buf.length, left));
            if (n < 0) {
                throw new EOFException();
            }
            left -= n;
        }
        return responseLength;
    }

    /** Reads the first response byte by byte and returns its total length (head + body). */
    private int readUntilBody() throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException();
            }
            head.append((char) b);
        }
        String text = head.toString();
        if (!text.startsWith("HTTP/1.1 201")) {
            throw new IOException("Unexpected response: " + text);
        }
        int i = text.toLowerCase(java.util.Locale.ROOT).indexOf("content-length:");
        int end = text.indexOf("\r\n", i);
        int length = Integer.parseInt(text.substring(i + "content-length:".length(), end).trim());
        in.readNBytes(length);
        return text.length() + length;
    }
}
