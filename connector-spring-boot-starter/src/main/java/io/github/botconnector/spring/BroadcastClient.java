package io.github.botconnector.spring;

import io.github.botconnector.ConnectorClient;
import java.util.Objects;

/**
 * The {@link ConnectorClient} of the starter's {@link io.github.botconnector.broadcast.BroadcastEngine}: built from the
 * same settings as the {@code ConnectorClient} bean but without retries (the engine makes the retry decisions), and
 * held in this wrapper so that an application injecting {@code ConnectorClient} by type still gets exactly one bean.
 * Closed with the application context, after the engine.
 */
public final class BroadcastClient implements AutoCloseable {

    private final ConnectorClient client;

    BroadcastClient(ConnectorClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * The engine's client.
     *
     * @return the client
     */
    public ConnectorClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "BroadcastClient[" + client.serviceUrl() + "]";
    }
}
