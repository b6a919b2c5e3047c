package io.github.botconnector.broadcast.support;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.RetryPolicy;
import io.github.botconnector.auth.ClientSecretCredential;
import io.github.botconnector.auth.TokenProvider;
import io.github.botconnector.auth.TrustedHosts;
import io.github.botconnector.broadcast.PacingLimits;
import io.github.botconnector.broadcast.Recipient;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.testing.AuthMode;
import io.github.botconnector.testing.Exchange;
import io.github.botconnector.testing.FakeConnector;
import io.github.botconnector.testing.FakeUser;
import io.github.botconnector.testing.RateLimits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        FakeConnector.Builder b = FakeConnector.builder().auth(auth)
                .rateLimits(RateLimits.teams().scaled(SCALE));
        for (int t = 0; t < tenants; t++) {
            String tenantId = String.format("00000000-0000-4000-8000-%012d", t + 1);
            int tenantNo = t;
            b.tenant(spec -> spec.id(tenantId).users("Member " + tenantNo + "-", usersPerTenant));
        }
        return b.start();
    }

    /** The engine's limits matching {@link #start}. */
    public static PacingLimits limits() {
        return PacingLimits.teams().scaled(SCALE);
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
        return ConnectorClient.builder()
                .serviceUrl(serviceUrl)
                .trustedHosts(TrustedHosts.builder().allowLoopback(true).build())
                .credentials(TokenProvider.fixed("test-token"))
                .retryPolicy(RetryPolicy.none())
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
