package io.github.botconnector.benchmarks;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.auth.TokenProvider;
import io.github.botconnector.auth.TrustedHosts;
import io.github.botconnector.schema.Activity;

/**
 * Our {@code ConnectorClient} as an application would build it: a fixed token and the loopback responder explicitly
 * trusted. The activity is built once; every send serializes it, sends it and parses the {@code ResourceResponse}.
 */
final class OursSender implements Sender {

    private final ConnectorClient client;
    private final String conversationId;
    private final Activity activity;

    private OursSender(ConnectorClient client, String conversationId, Activity activity) {
        this.client = client;
        this.conversationId = conversationId;
        this.activity = activity;
    }

    /** Whether connector-core on the class path has {@code ConnectorClient}. */
    static boolean available() {
        return true;
    }

    static Sender create(String serviceUrl, String conversationId, String activityJson) {
        ConnectorClient client = ConnectorClient.builder()
                .serviceUrl(serviceUrl)
                .credentials(TokenProvider.fixed("t"))
                .trustedHosts(TrustedHosts.builder().allowLoopback(true).build())
                .build();
        return new OursSender(client, conversationId, Activity.fromJson(activityJson));
    }

    @Override
    public String send() {
        return client.sendToConversation(conversationId, activity).id();
    }

    @Override
    public void close() {
        client.close();
    }
}
