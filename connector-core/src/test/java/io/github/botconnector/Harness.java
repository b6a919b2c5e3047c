package io.github.botconnector;

import io.github.botconnector.auth.AccessToken;
import io.github.botconnector.auth.BotCloud;
import io.github.botconnector.auth.TokenProvider;
import io.github.botconnector.auth.TrustedHosts;
import io.github.botconnector.testsupport.ManualClock;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** Shared test doubles: a counting token provider, a fake clock with a recording sleeper, a loopback client. */
final class Harness {

    /** Every token issued starts with this; tests assert it never shows up in logs or strings. */
    static final String TOKEN_PREFIX = "tok3n-SECRET-";
    static final String ADELE_CONVERSATION = "a:1R_0bImEnyH6vtVQNnRxrEN86q9eprIs_DdknLzad7TKuP9GJIdWHda3l2P6q6xU9NG0fGECJ5wAu5HsgdbngLAxcVzHYtMHqNp4NJqN0kRifUvCng-aAbRIjY104KhM";
    static final String ADELE_CONVERSATION_ENCODED = "a%3A1R_0bImEnyH6vtVQNnRxrEN86q9eprIs_DdknLzad7TKuP9GJIdWHda3l2P6q6xU9NG0fGECJ5wAu5HsgdbngLAxcVzHYtMHqNp4NJqN0kRifUvCng-aAbRIjY104KhM";
    static final String ADELE = "29:1rLA8axJC9icrhSQQbKQwSIrK1RtIEkowbq7wDybG9I0VGs-mpjBA6KvisxrKPpFFc-mmc1C0Q-4dYbOSAo-6TA";
    static final String THREAD = "19:9e556880874c19d2faad1be9feee1ce2@thread.tacv2;messageid=1768478400321";
    static final String THREAD_ENCODED = "19%3A9e556880874c19d2faad1be9feee1ce2%40thread.tacv2%3Bmessageid%3D1768478400321";

    private Harness() {
    }

    /** Issues numbered tokens and counts calls. */
    static final class CountingTokens implements TokenProvider {
        final AtomicInteger issued = new AtomicInteger();
        final List<AccessToken> rejected = new CopyOnWriteArrayList<>();

        @Override
        public AccessToken getToken() {
            return new AccessToken(TOKEN_PREFIX + issued.incrementAndGet(), Instant.now().plusSeconds(3600));
        }

        @Override
        public void tokenRejected(AccessToken token) {
            rejected.add(token);
        }

        @Override
        public String toString() {
            return "CountingTokens[issued=" + issued.get() + "]";
        }
    }

    /** A retry policy on {@code time}: its clock, a sleeper that moves it instead of waiting, a fixed jitter. */
    static RetryPolicy.Builder policy(ManualClock time) {
        return RetryPolicy.builder().clock(time).sleeper(time::sleep).random(new Random(42));
    }

    static TrustedHosts loopback() {
        return TrustedHosts.builder().cloud(BotCloud.PUBLIC).allowLoopback(true).build();
    }

    /** A client for {@code server}'s {@code /amer/} path with loopback trusted and a fake clock. */
    static ConnectorClient.Builder client(MockWebServer server, TokenProvider tokens, ManualClock time) {
        return ConnectorClient.builder()
                .serviceUrl(server.url("/amer/").toString())
                .credentials(tokens)
                .trustedHosts(loopback())
                .retryPolicy(policy(time).build());
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }
}
