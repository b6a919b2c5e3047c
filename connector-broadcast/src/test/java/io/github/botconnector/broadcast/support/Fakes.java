package io.github.botconnector.broadcast.support;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.ConnectorListener;
import io.github.botconnector.RetryPolicy;
import io.github.botconnector.auth.ClientSecretCredential;
import io.github.botconnector.auth.TokenProvider;
import io.github.botconnector.auth.TrustedHosts;
import io.github.botconnector.broadcast.BroadcastEngine;
import io.github.botconnector.broadcast.PacingLimits;
import io.github.botconnector.broadcast.Recipient;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.testing.AuthMode;
import io.github.botconnector.testing.Exchange;
import io.github.botconnector.testing.FakeConnector;
import io.github.botconnector.testing.FakeUser;
import io.github.botconnector.testing.RateLimits;
import io.github.botconnector.testsupport.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A fake Teams tenant with users who installed the bot, and a client for it that leaves retries to the engine. */
public final class Fakes {

    /** Teams' limits ×10 on the fake and in the engine, so a test of thousands of messages takes seconds. */
    public static final double SCALE = 10;

    private Fakes() {
    }

    /** A fake with {@code tenants} tenants of {@code usersPerTenant} users each, Teams limits scaled, strict auth. */
    public static FakeConnector start(int tenants, int usersPerTenant) {
        return start(tenants, usersPerTenant, AuthMode.STRICT);
    }

    /** The same with another auth mode ({@link AuthMode#BEARER_PRESENT} for clients in another JVM). */
    public static FakeConnector start(int tenants, int usersPerTenant, AuthMode auth) {
        return start(tenants, usersPerTenant, auth, RateLimits.teams().scaled(SCALE));
    }

    /** The same with other rate limits on the fake. */
    public static FakeConnector start(int tenants, int usersPerTenant, AuthMode auth, RateLimits limits) {
        return builder(tenants, usersPerTenant, auth, limits).start();
    }

    /** A builder of the fake {@link #start(int, int, AuthMode, RateLimits)} starts, for more settings. */
    public static FakeConnector.Builder builder(int tenants, int usersPerTenant, AuthMode auth, RateLimits limits) {
        FakeConnector.Builder b = FakeConnector.builder().auth(auth).rateLimits(limits);
        for (int t = 0; t < tenants; t++) {
            String tenantId = String.format("00000000-0000-4000-8000-%012d", t + 1);
            int tenantNo = t;
            b.tenant(spec -> spec.id(tenantId).users("Member " + tenantNo + "-", usersPerTenant));
        }
        return b;
    }

    /**
     * The engine's limits matching {@link #start}, counting requests until answered: on a loaded test machine the
     * in-JVM fake may take requests up hundreds of milliseconds after they were started (its threads wait for a core
     * and it handles one request at a time), and these tests are about outcomes, not rate
     * ({@code PacingAtTeamsLatencyTest} paces from request starts on a clock shared with the fake).
     */
    public static PacingLimits limits() {
        return PacingLimits.teams().scaled(SCALE).countUntilAnswered();
    }

    /**
     * Moves {@code clock} (shared by the engine and the fake) in steps of {@code step} until the fake has accepted
     * {@code expected} activities, each step only once every request the engine started for the job has reached the
     * fake, so a request arrives at most one step after its start on that clock. Every request must be accepted.
     */
    public static void stepUntilArrived(ManualClock clock, Duration step, BroadcastEngine engine, String jobId,
                                        FakeConnector fake, int expected) {
        int arrived = 0;
        while (arrived < expected) {
            arrived = fake.awaitActivities((int) engine.report(jobId).requests(), Duration.ofSeconds(30)).size();
            if (arrived < expected) {
                clock.set(clock.instant().plus(step));
                try {       // completion() wakes the engine for the new time; a millisecond's wait paces the loop
                    engine.completion(jobId).get(1, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // still running: next step
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
    }

    /** A client with real client-credentials tokens from the fake and no retries of its own. */
    public static ConnectorClient client(FakeConnector fake) {
        return ConnectorClient.builder()
                .serviceUrl(fake.serviceUrl())
                .cloud(fake.cloud())
                .trustedHosts(TrustedHosts.builder().allowLoopback(true).build())
                .credentials(ClientSecretCredential.builder().appId(fake.botAppId()).secret(fake.botPassword())
                        .cloud(fake.cloud()).build())
                .retryPolicy(RetryPolicy.none())
                .build();
    }

    /** A client for a fake in bearer-present mode, usable from any JVM: a fixed token, no retries of its own. */
    public static ConnectorClient fixedTokenClient(String serviceUrl) {
        return fixedTokenClient(serviceUrl, ConnectorListener.NONE);
    }

    /** The same, reporting its requests to {@code listener}. */
    public static ConnectorClient fixedTokenClient(String serviceUrl, ConnectorListener listener) {
        return ConnectorClient.builder()
                .serviceUrl(serviceUrl)
                .trustedHosts(TrustedHosts.builder().allowLoopback(true).build())
                .credentials(TokenProvider.fixed("test-token"))
                .retryPolicy(RetryPolicy.none())
                .listener(listener)
                .build();
    }

    /** Installs the bot for every user and returns their stored references as recipients. */
    public static List<Recipient> installForAll(FakeConnector fake) {
        List<Recipient> out = new ArrayList<>();
        for (FakeUser user : fake.users()) {
            out.add(Recipient.of(fake.installBotFor(user)));
        }
        return out;
    }

    /** Messages the fake accepted, per conversation id and text. */
    public static Map<String, Integer> deliveredPerConversationAndText(FakeConnector fake) {
        Map<String, Integer> counts = new HashMap<>();
        for (var conversation : fake.conversations()) {
            for (Activity a : conversation.activities()) {
                counts.merge(conversation.id() + "|" + a.text(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Requests to Bot Connector routes (not the token endpoint) and how many of them the fake answered 429. */
    public static long[] requestsAndThrottled(FakeConnector fake) {
        long requests = 0;
        long throttled = 0;
        for (Exchange e : fake.exchanges()) {
            if (isTokenRequest(e)) {
                continue;
            }
            requests++;
            if (e.status() == 429) {
                throttled++;
            }
        }
        return new long[] {requests, throttled};
    }

    /** Whether the exchange went to the fake's token endpoint. */
    public static boolean isTokenRequest(Exchange e) {
        return e.path().endsWith("/oauth2/v2.0/token");
    }

    /** A message whose text names the job, so deliveries of different jobs can be told apart. */
    public static Activity message(String jobId) {
        return Activity.message("Broadcast " + jobId);
    }
}
