package io.github.botconnector.testing.internal;

import io.github.botconnector.testing.Exchange;
import io.github.botconnector.testing.TokenRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;

/**
 * What the fake saw: every exchange (up to a limit, oldest dropped first) and every token request. An exchange is
 * kept as it came off the wire and turned into an {@link Exchange} (headers copied, {@code Authorization} and
 * secrets redacted) only when someone reads the journal, so journaling costs the request path an append. Not public
 * API.
 */
public final class Journal {

    /** One exchange as recorded; {@link #exchange()} builds (once) the public, redacted view. */
    static final class Entry {
        private final Instant at;
        private final String method;
        private final String path;
        private final String query;
        private final String route;
        private final Headers requestHeaders;
        private final byte[] requestBody;
        private final boolean formWithSecrets;
        private final int status;
        private final String contentType;
        private final Map<String, String> responseHeaders;
        private final String responseBody;
        private final String note;
        private Exchange exchange;

        /**
         * @param formWithSecrets whether the body is a token request form whose secrets must be redacted
         * @param responseHeaders response headers besides {@code Content-Type} (not copied: the reply is done)
         */
        Entry(Instant at, String method, String path, String query, String route, Headers requestHeaders,
              byte[] requestBody, boolean formWithSecrets, int status, String contentType,
              Map<String, String> responseHeaders, String responseBody, String note) {
            this.at = at;
            this.method = method;
            this.path = path;
            this.query = query;
            this.route = route;
            this.requestHeaders = requestHeaders;
            this.requestBody = requestBody;
            this.formWithSecrets = formWithSecrets;
            this.status = status;
            this.contentType = contentType;
            this.responseHeaders = responseHeaders;
            this.responseBody = responseBody;
            this.note = note;
        }

        Exchange exchange() {
            if (exchange == null) {
                Map<String, List<String>> headers = new LinkedHashMap<>();
                for (String name : requestHeaders.names()) {
                    List<String> values = requestHeaders.values(name);
                    if (name.equalsIgnoreCase("Authorization")) {
                        values = values.stream().map(v -> v.startsWith("Bearer ") ? "Bearer <redacted>" : "<redacted>")
                                .toList();
                    }
                    headers.put(name, values);
                }
                String body = new String(requestBody, StandardCharsets.UTF_8);
                if (formWithSecrets) {
                    body = body.replaceAll("(client_secret|client_assertion)=[^&]*", "$1=<redacted>");
                }
                Map<String, List<String>> response = new LinkedHashMap<>();
                if (contentType != null) {
                    response.put("Content-Type", List.of(contentType));
                }
                responseHeaders.forEach((k, v) -> response.put(k, List.of(v)));
                exchange = new Exchange(at, method, path, query, route, headers, body, status, response, responseBody,
                        note);
            }
            return exchange;
        }
    }

    private final int limit;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private final List<TokenRequest> tokenRequests = new ArrayList<>();

    /** @param limit how many exchanges are kept */
    public Journal(int limit) {
        this.limit = limit;
    }

    synchronized void append(Entry entry) {
        entries.addLast(entry);
        if (entries.size() > limit) {
            entries.removeFirst();
        }
    }

    synchronized void recordTokenRequest(TokenRequest t) {
        tokenRequests.add(t);
    }

    /** Every journaled exchange, oldest first. */
    public synchronized List<Exchange> exchanges() {
        List<Exchange> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            out.add(e.exchange());
        }
        return List.copyOf(out);
    }

    /** Token requests, oldest first. */
    public synchronized List<TokenRequest> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    synchronized void clear() {
        entries.clear();
        tokenRequests.clear();
    }
}
