package io.github.botconnector.benchmarks;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.auth.TokenProvider;
import io.github.botconnector.auth.TrustedHosts;
import io.github.botconnector.schema.Activity;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

import java.util.concurrent.TimeUnit;

/**
 * Our {@code ConnectorClient} as an application would build it: a fixed token and the loopback responder explicitly
 * trusted. The activity is built once; every send serializes it, sends it and parses the {@code ResourceResponse}.
 */
final class OursSender implements Sender {

    private final ConnectorClient client;
    private final String conversationId;
    private final Activity activity;

    private final OkHttpClient http;

    private OursSender(ConnectorClient client, String conversationId, Activity activity, OkHttpClient http) {
        this.http = http;
        this.client = client;
        this.conversationId = conversationId;
        this.activity = activity;
    }

    /** Our client with its defaults. */
    static Sender create(String serviceUrl, String conversationId, String activityJson) {
        return create(serviceUrl, conversationId, activityJson, null);
    }

    /**
     * Our client on an application-supplied OkHttp client whose connection pool keeps 64 idle connections (OkHttp's
     * default keeps 5, so more than 5 concurrent senders open and close connections all the time).
     */
    static Sender createPooled(String serviceUrl, String conversationId, String activityJson) {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES))
                .build();
        return create(serviceUrl, conversationId, activityJson, http);
    }

    private static Sender create(String serviceUrl, String conversationId, String activityJson, OkHttpClient http) {
        ConnectorClient.Builder builder = ConnectorClient.builder()
                .serviceUrl(serviceUrl)
                .credentials(TokenProvider.fixed("t"))
                .trustedHosts(TrustedHosts.builder().allowLoopback(true).build());
        if (http != null) {
            builder.httpClient(http);
        }
        return new OursSender(builder.build(), conversationId, Activity.fromJson(activityJson), http);
    }

    @Override
    public String send() {
        return client.sendToConversation(conversationId, activity).id();
    }

    @Override
    public void close() {
        client.close();
        if (http != null) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
