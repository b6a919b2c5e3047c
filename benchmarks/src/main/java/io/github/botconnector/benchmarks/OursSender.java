package io.github.botconnector.benchmarks;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.auth.TokenProvider;
import io.github.botconnector.auth.TrustedHosts;
import io.github.botconnector.schema.Activity;

/**
 * Our {@code ConnectorClient} as an application would build it: a fixed token and the loopback responder explicitly
 * trusted. Every send posts the activity and parses the {@code ResourceResponse}; the same {@code Activity} instance
 * is sent each time (its JSON is memoized after the first send) unless a fresh copy is requested.
 */
final class OursSender implements Sender {

    private final ConnectorClient client;
    private final String conversationId;
    private final Activity activity;

    private final boolean fresh;

    private OursSender(ConnectorClient client, String conversationId, Activity activity, boolean fresh) {
        this.fresh = fresh;
        this.client = client;
        this.conversationId = conversationId;
        this.activity = activity;
    }

    /** Our client with its defaults. */
    static Sender create(String serviceUrl, String conversationId, String activityJson) {
        return create(serviceUrl, conversationId, activityJson, false);
    }

    /**
     * Our client sending a new {@code Activity} each time ({@code toBuilder().build()} of the fixture), as an
     * application that personalizes every message does: the JSON is serialized on every send, where the same
     * instance sent again reuses its memoized JSON.
     */
    static Sender createFresh(String serviceUrl, String conversationId, String activityJson) {
        return create(serviceUrl, conversationId, activityJson, true);
    }

    private static Sender create(String serviceUrl, String conversationId, String activityJson, boolean fresh) {
        ConnectorClient client = ConnectorClient.builder()
                .serviceUrl(serviceUrl)
                .credentials(TokenProvider.fixed("t"))
                .trustedHosts(TrustedHosts.builder().allowLoopback(true).build())
                .build();
        return new OursSender(client, conversationId, Activity.fromJson(activityJson), fresh);
    }

    @Override
    public String send() {
        Activity a = fresh ? activity.toBuilder().build() : activity;
        return client.sendToConversation(conversationId, a).id();
    }

    @Override
    public void close() {
        client.close();
    }
}
