package io.github.botconnector.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@link LoopbackServer} in a JVM of its own, a child of the harness: the benchmark forks (the clients) then
 * share the machine's cores with it but no heap, JIT or GC, and the CPU time a fork measures is the client's alone.
 * The child stops when the harness closes its standard input or dies.
 */
final class ResponderProcess implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/)");
    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":(-?\\d+)");

    /** Counters of the responder at one moment. */
    record Stats(long requests, long connections, long cpuNanos) {
    }

    private final Process process;
    private final OutputStream stdin;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private ResponderProcess(Process process, String baseUrl) {
        this.process = process;
        this.stdin = process.getOutputStream();
        this.baseUrl = baseUrl;
    }

    /** Starts the responder with the class path of this JVM, on the CPUs {@code placement} gives it. */
    static ResponderProcess start(Placement placement) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(placement.responderCommand(List.of(java.toString(), "-Xms256m",
                "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                LoopbackServer.class.getName(), LoopbackServer.UNTIL_STDIN_ENDS)))
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        Matcher m = line == null ? null : URL.matcher(line);
        if (m == null || !m.find()) {
            p.destroyForcibly();
            throw new IOException("The responder process did not print its URL; it printed: " + line);
        }
        return new ResponderProcess(p, m.group(1));
    }

    /** {@code http://127.0.0.1:<port>/} */
    String baseUrl() {
        return baseUrl;
    }

    /** The responder's counters and CPU time now. */
    Stats stats() throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl
                + LoopbackServer.STATS_PATH.substring(1))).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        long requests = -1;
        long connections = -1;
        long cpu = -1;
        Matcher m = FIELD.matcher(r.body());
        while (m.find()) {
            long v = Long.parseLong(m.group(2));
            switch (m.group(1)) {
                case "requests" -> requests = v;
                case "connections" -> connections = v;
                case "cpuNanos" -> cpu = v;
                default -> {
                    // newer fields are ignored
                }
            }
        }
        return new Stats(requests, connections, cpu);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stdin.close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
