package io.github.botconnector.testing.internal;

import io.github.botconnector.testing.AuthMode;
import io.github.botconnector.testing.FakeConnector;
import io.github.botconnector.testing.RateLimits;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Command line entry of the standalone fake:
 * {@code java -jar connector-testing-<version>-standalone.jar [--port 3979] [--contoso] [--bot-app-id ID]
 * [--bot-password SECRET] [--auth none|bearer|strict] [--teams-rate-limits]}. Prints one line
 * {@code FakeConnector listening on http://127.0.0.1:PORT serviceUrl=...} and runs until the process is stopped
 * (SIGTERM/SIGINT stop it cleanly). Seed the world and read the journal through {@code /_admin/...}.
 */
public final class StandaloneMain {

    private StandaloneMain() {
    }

    /** Runs the fake until the JVM is asked to stop. */
    public static void main(String[] args) throws InterruptedException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        FakeConnector.Builder b = FakeConnector.builder();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--port" -> b.port(Integer.parseInt(value(args, ++i, a)));
                case "--contoso" -> b.contoso();
                case "--bot-app-id" -> b.botAppId(value(args, ++i, a));
                case "--bot-password" -> b.botPassword(value(args, ++i, a));
                case "--auth" -> b.auth(switch (value(args, ++i, a).toLowerCase(Locale.ROOT)) {
                    case "none" -> AuthMode.NONE;
                    case "bearer" -> AuthMode.BEARER_PRESENT;
                    case "strict" -> AuthMode.STRICT;
                    default -> throw new IllegalArgumentException("--auth takes none, bearer or strict");
                });
                case "--teams-rate-limits" -> b.rateLimits(RateLimits.teams());
                case "--help", "-h" -> {
                    out.println("Usage: java -jar connector-testing-standalone.jar [--port N] [--contoso]"
                            + " [--bot-app-id ID] [--bot-password SECRET] [--auth none|bearer|strict]"
                            + " [--teams-rate-limits]");
                    return;
                }
                default -> throw new IllegalArgumentException("Unknown option " + a + "; try --help");
            }
        }
        FakeConnector fake = b.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            fake.close();
            stopped.countDown();
        }, "fake-connector-shutdown"));
        out.println("FakeConnector listening on " + fake.baseUrl() + " serviceUrl=" + fake.serviceUrl()
                + " botAppId=" + fake.botAppId());
        stopped.await();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
