package io.github.botconnector.testing;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One HTTP exchange with the fake, as journaled. The {@code Authorization} header value is redacted.
 *
 * @param at              when the fake answered (fake clock)
 * @param method          HTTP method
 * @param path            request path as sent (percent-encoded)
 * @param query           query string or {@code null}
 * @param route           the matched route template, e.g. {@code POST /v3/conversations/{conversationId}/activities}, or
 *                        {@code null} when no route matched
 * @param requestHeaders  request headers (redacted)
 * @param requestBody     request body text ({@code ""} when none)
 * @param status          response status, or {@code -1} when the connection was broken instead
 * @param responseHeaders response headers
 * @param responseBody    response body text
 * @param note            what the fake did besides routing (fault injected, throttled, auth failure reason, nearest
 *                        route for unknown paths), or {@code null}
 */
public record Exchange(Instant at, String method, String path, String query, String route,
                       Map<String, List<String>> requestHeaders, String requestBody, int status,
                       Map<String, List<String>> responseHeaders, String responseBody, String note) {

    /** Defensive copies. */
    public Exchange {
        requestHeaders = Map.copyOf(requestHeaders);
        responseHeaders = Map.copyOf(responseHeaders);
    }

    /** The first value of a response header (case-insensitive), or {@code null}. */
    public String responseHeader(String name) {
        return first(responseHeaders, name);
    }

    /** The first value of a request header (case-insensitive), or {@code null}. */
    public String requestHeader(String name) {
        return first(requestHeaders, name);
    }

    private static String first(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    /** One line: method, path, status, note. */
    public String summary() {
        String body = responseBody == null ? "" : responseBody;
        if (body.length() > 200) {
            body = body.substring(0, 200) + "...";
        }
        return method + " " + path + (query == null ? "" : "?" + query) + " -> " + status
                + (note == null ? "" : " [" + note + "]") + (body.isEmpty() ? "" : " " + body);
    }
}
