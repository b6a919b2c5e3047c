package io.github.botconnector.teams.internal;

import io.github.botconnector.exception.ConnectorException;
import io.github.botconnector.ConnectorClient;
import io.github.botconnector.RawResponse;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ConversationParameters;
import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.schema.ConversationResourceResponse;
import io.github.botconnector.schema.ResourceResponse;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * What the Teams operations send through: a {@link ConnectorClient}, in one of its two modes. Conversations and
 * activities go through the client's own operations (its validation, tenant fill-in, errors and retries); Teams-only
 * routes through its public {@link ConnectorClient#rawRequest raw request}, so every request passes the same pipeline.
 * Blocking mode calls the client's blocking methods (each exchange on the caller's thread; argument errors are thrown)
 * and returns completed futures; asynchronous mode calls {@link ConnectorClient#async()}. Not public API.
 */
public final class TeamsHttp {

    private final ConnectorClient client;
    private final boolean blocking;

    private TeamsHttp(ConnectorClient client, boolean blocking) {
        this.client = Objects.requireNonNull(client, "client");
        this.blocking = blocking;
    }

    /** Sends through {@code client}'s blocking methods. */
    public static TeamsHttp blocking(ConnectorClient client) {
        return new TeamsHttp(client, true);
    }

    /** Sends through {@code client.async()}. */
    public static TeamsHttp async(ConnectorClient client) {
        return new TeamsHttp(client, false);
    }

    /** The client. */
    public ConnectorClient client() {
        return client;
    }

    /** Whether this sends through the client's blocking methods (each exchange on the caller's thread). */
    public boolean isBlocking() {
        return blocking;
    }

    /** The same mode over the client's sibling for {@code serviceUrl} (shared pool, tokens and policies). */
    public TeamsHttp withServiceUrl(String serviceUrl) {
        ConnectorClient sibling = client.withServiceUrl(serviceUrl);
        return sibling == client ? this : new TeamsHttp(sibling, blocking);
    }

    /** The service URL requests are sent to. */
    public String serviceUrl() {
        return client.serviceUrl();
    }

    /** {@code POST v3/conversations} through the client. */
    public CompletableFuture<ConversationResourceResponse> createConversation(ConversationParameters parameters) {
        return blocking ? CompletableFuture.completedFuture(client.createConversation(parameters))
                : client.async().createConversation(parameters);
    }

    /** {@code POST v3/conversations/{id}/activities} through the client. */
    public CompletableFuture<ResourceResponse> sendToConversation(String conversationId, Activity activity) {
        return blocking ? CompletableFuture.completedFuture(client.sendToConversation(conversationId, activity))
                : client.async().sendToConversation(conversationId, activity);
    }

    /** A proactive send through a stored reference, through the client. */
    public CompletableFuture<ResourceResponse> send(ConversationReference reference, Activity activity) {
        return blocking ? CompletableFuture.completedFuture(client.send(reference, activity))
                : client.async().send(reference, activity);
    }

    /**
     * Sends a request on a Teams route.
     *
     * @param method      HTTP method
     * @param encodedPath path relative to the service URL, segments already percent-encoded ({@code v3/teams/19%3A...})
     * @param query       query parameters (not encoded), or an empty map
     * @param json        the JSON body ({@code model.toJson()}, or an activity from
     *                    {@link ConnectorClient#checkActivity}), or {@code null}
     * @return the successful reply; error statuses fail with the client's exceptions
     */
    public CompletableFuture<Reply> send(String method, String encodedPath, Map<String, String> query, String json) {
        CompletableFuture<RawResponse> raw = blocking
                ? CompletableFuture.completedFuture(client.rawRequest(method, encodedPath, query, json))
                : client.async().rawRequest(method, encodedPath, query, json);
        return raw.thenApply(r -> new Reply(r.statusCode(), r.body()));
    }

    /**
     * The value of a future of the blocking mode (complete when returned), its failure rethrown as is: the client's
     * exceptions reach the caller unwrapped.
     */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e;
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new ConnectorException("Unexpected failure: " + cause, cause);
        }
    }

    /**
     * A successful reply.
     *
     * @param status HTTP status
     * @param body   body text, {@code ""} when empty
     */
    public record Reply(int status, String body) {
    }

    @Override
    public String toString() {
        return "TeamsHttp[" + client.serviceUrl() + (blocking ? ", blocking" : "") + "]";
    }
}
