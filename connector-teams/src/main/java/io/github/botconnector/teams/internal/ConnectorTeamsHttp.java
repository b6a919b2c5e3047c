package io.github.botconnector.teams.internal;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.internal.ConnectorTransport;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * {@link TeamsHttp} over a {@link ConnectorClient}: every request goes through the client's pipeline (trusted hosts,
 * token, retries, logging, typed errors) via its {@link ConnectorTransport}. Not public API.
 */
public final class ConnectorTeamsHttp implements TeamsHttp {

    private final ConnectorClient client;
    private final ConnectorTransport transport;

    public ConnectorTeamsHttp(ConnectorClient client) {
        this.client = Objects.requireNonNull(client, "client");
        this.transport = ConnectorTransport.of(client);
    }

    /** The wrapped client. */
    public ConnectorClient client() {
        return client;
    }

    @Override
    public String serviceUrl() {
        return client.serviceUrl();
    }

    @Override
    public TeamsHttp withServiceUrl(String serviceUrl) {
        ConnectorClient sibling = client.withServiceUrl(serviceUrl);
        return sibling == client ? this : new ConnectorTeamsHttp(sibling);
    }

    @Override
    public CompletableFuture<Reply> send(String method, String encodedPath, Map<String, String> query, Object body) {
        return transport.callAsync(method, encodedPath, query, body, String.class)
                .thenApply(result -> new Reply(result.statusCode(), result.body() == null ? "" : result.body()));
    }

    @Override
    public String toString() {
        return "ConnectorTeamsHttp[" + client.serviceUrl() + "]";
    }
}
