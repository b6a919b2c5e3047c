package io.github.botconnector.benchmarks;

import java.util.concurrent.Callable;

/** botbuilder-java 4.14.3: {@code RestConnectorClient.getConversations().sendToConversation(id, activity).join()}. */
public final class PeerSender implements Sender {

    private final Callable<String> delegate;

    /** A sender through botbuilder-java loaded from {@code peer}. */
    public PeerSender(Peer peer, String serviceUrl, String conversationId, String activityJson) {
        this.delegate = peer.sender(serviceUrl, conversationId, activityJson, "t");
    }

    @Override
    public String send() throws Exception {
        return delegate.call();
    }

    @Override
    public void close() {
        if (delegate instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("Closing botbuilder-java's client failed", e);
            }
        }
    }
}
