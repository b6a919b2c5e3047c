package io.github.botconnector.teams.support;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.RetryPolicy;
import io.github.botconnector.auth.BotCloud;
import io.github.botconnector.auth.TokenProvider;
import io.github.botconnector.auth.TrustedHosts;

/** Bot Connector clients for tests, bound to a local mock server (loopback trusted, fixed token, no retries). */
public final class TestClients {

    /** The bearer token the test clients send. */
    public static final String TOKEN = "test-token-teams";

    private TestClients() {
    }

    /** A client whose requests go to {@code serviceUrl}; close it after the test. */
    public static ConnectorClient connector(String serviceUrl) {
        return ConnectorClient.builder()
                .serviceUrl(serviceUrl)
                .credentials(TokenProvider.fixed(TOKEN))
                .trustedHosts(TrustedHosts.builder().cloud(BotCloud.PUBLIC).allowLoopback(true).build())
                .retryPolicy(RetryPolicy.none())
                .build();
    }
}
