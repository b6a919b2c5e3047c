package io.github.botconnector.teams.internal;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What the Teams operations need from the Bot Connector client: send one JSON request through the client's pipeline
 * (trusted hosts, token, retries, error mapping) relative to its service URL. Not public API.
 */
public interface TeamsHttp {

    /** The service URL requests are sent to. */
    String serviceUrl();

    /** A sibling bound to another service URL, sharing pool, tokens and policies. */
    TeamsHttp withServiceUrl(String serviceUrl);

    /**
     * Sends a request.
     *
     * @param method      HTTP method
     * @param encodedPath path relative to the service URL, segments already percent-encoded ({@code v3/teams/19%3A...})
     * @param query       query parameters (not encoded), or an empty map
     * @param body        a model or JSON tree to send as the body, or {@code null}
     * @return the successful reply; error statuses fail the future with the client's exceptions
     */
    CompletableFuture<Reply> send(String method, String encodedPath, Map<String, String> query, Object body);

    /**
     * A successful reply.
     *
     * @param status HTTP status
     * @param body   body text, {@code ""} when empty
     */
    record Reply(int status, String body) {
    }
}
