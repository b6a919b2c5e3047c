package io.github.botconnector.teams.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.github.botconnector.ConnectorClient;
import io.github.botconnector.exception.ConnectorResponseException;
import io.github.botconnector.exception.PossiblyDeliveredException;
import io.github.botconnector.RawResponse;
import io.github.botconnector.RetryPolicy;
import io.github.botconnector.exception.UntrustedHostException;
import io.github.botconnector.auth.BotCloud;
import io.github.botconnector.auth.TokenProvider;
import io.github.botconnector.auth.TrustedHosts;
import io.github.botconnector.teams.GraphException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Microsoft Graph requests through core's request pipeline, by way of a {@link ConnectorClient} whose service URL is
 * the Graph root and whose {@link ConnectorClient#rawRequest raw requests} carry the Graph routes: the Graph host is
 * checked before a token is requested, the token is the Graph-scope token of the tenant (never the Bot Connector
 * token), 429/5xx are retried per the {@link RetryPolicy} honouring {@code Retry-After}, 401 refreshes the token once,
 * and logs never show {@code Authorization}. One client per tenant (a multi-tenant app gets each customer tenant's
 * token), all on one connection pool. Error answers become {@link GraphException}s. Not public API.
 */
public final class GraphHttp implements AutoCloseable {

    /**
     * A successful answer.
     *
     * @param status HTTP status
     * @param json   parsed body (a missing node when empty)
     */
    public record Answer(int status, JsonNode json) {
    }

    /** Concurrent Graph requests per tenant: the calls are a few per recipient, never a broadcast. */
    private static final int MAX_IN_FLIGHT = 64;

    private final Function<String, TokenProvider> tokensForTenant;
    private final BotCloud cloud;
    private final HttpUrl base;
    private final TrustedHosts trustedHosts;
    private final RetryPolicy retryPolicy;
    private final OkHttpClient http;
    private final boolean ownsHttp;
    private final String userAgentSuffix;
    private final ConcurrentMap<String, ConnectorClient> clients = new ConcurrentHashMap<>();

    /**
     * @param tokensForTenant the provider of Graph tokens for a tenant (never one of Bot Connector tokens)
     * @param cloud           the cloud whose Graph endpoint and scope are used
     * @param endpoint        the Graph root to call (the cloud's, or an override that {@code trustedHosts} allows)
     * @param trustedHosts    the hosts that may receive the Graph token
     * @param retryPolicy     retry rules
     * @param http            a client to share the pool of, or {@code null} to create one
     * @param userAgentSuffix appended to the User-Agent, or {@code null}
     * @throws UntrustedHostException when {@code endpoint} is not trusted (before any token is requested)
     */
    public GraphHttp(Function<String, TokenProvider> tokensForTenant, BotCloud cloud, String endpoint,
                     TrustedHosts trustedHosts, RetryPolicy retryPolicy, OkHttpClient http, String userAgentSuffix) {
        this.tokensForTenant = Objects.requireNonNull(tokensForTenant, "tokensForTenant");
        this.cloud = Objects.requireNonNull(cloud, "cloud");
        this.trustedHosts = Objects.requireNonNull(trustedHosts, "trustedHosts");
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        HttpUrl root = HttpUrl.parse(endpoint.endsWith("/") ? endpoint : endpoint + "/");
        if (root == null) {
            throw new IllegalArgumentException("The Graph endpoint must be an https URL such as"
                    + " https://graph.microsoft.com, got '" + endpoint + "'");
        }
        checkHost(root);
        this.base = root.newBuilder().addPathSegment("v1.0").addPathSegment("").build();
        this.ownsHttp = http == null;
        this.http = http != null ? http : new OkHttpClient();
        this.userAgentSuffix = userAgentSuffix;
    }

    /** The Graph root of every request ({@code https://graph.microsoft.com/v1.0/}). */
    public HttpUrl base() {
        return base;
    }

    /** The URL of {@code segments} (not encoded) under the version root, with the given query (not encoded). */
    public HttpUrl url(List<String> segments, Map<String, String> query) {
        HttpUrl.Builder b = base.newBuilder();
        // base ends with an empty segment; replace it with the first real one
        b.removePathSegment(b.build().pathSize() - 1);
        segments.forEach(b::addPathSegment);
        if (query != null) {
            query.forEach(b::addQueryParameter);
        }
        return b.build();
    }

    /**
     * Sends one request and waits.
     *
     * @param tenantId   the tenant whose Graph is called (its token is used)
     * @param method     HTTP method
     * @param url        a URL from {@link #url} (its host is checked again before the token)
     * @param body       a JSON-serializable body (a map or JSON tree), or {@code null}
     * @param permission the application permission this call needs, named in permission errors
     * @param okStatuses statuses other than 2xx that are an answer, not an error (409 for installs)
     * @return the answer
     * @throws GraphException for an error status
     */
    public Answer send(String tenantId, String method, HttpUrl url, Object body, String permission,
                       int... okStatuses) {
        checkHost(url);
        String json = body == null ? null : JsonTrees.write(body);
        String path = url.encodedPath().substring(base.encodedPath().length());
        Map<String, String> query = new LinkedHashMap<>();
        for (String name : url.queryParameterNames()) {
            query.put(name, url.queryParameter(name));
        }
        ConnectorResponseException error;
        try {
            RawResponse r = client(tenantId).rawRequest(method, path, query, json);
            return new Answer(r.statusCode(), parse(method, url, r.body()));
        } catch (ConnectorResponseException e) {
            error = e;
        } catch (PossiblyDeliveredException e) {
            // An error answer after an attempt that failed once written: Graph's answer tells what happened.
            if (!(e.getCause() instanceof ConnectorResponseException answered)) {
                throw e;
            }
            error = answered;
        }
        for (int s : okStatuses) {
            if (error.statusCode() == s) {
                return new Answer(s, parse(method, url, error.rawBody()));
            }
        }
        throw GraphErrors.map(method, url, error, permission);
    }

    private ConnectorClient client(String tenantId) {
        return clients.computeIfAbsent(tenantId, t -> ConnectorClient.builder()
                .serviceUrl(base.toString())
                .credentials(tokensForTenant.apply(t))
                .httpClient(http)
                .trustedHosts(trustedHosts)
                .retryPolicy(retryPolicy)
                .cloud(cloud)
                .userAgentSuffix(userAgentSuffix)
                .maxRequestsInFlight(MAX_IN_FLIGHT)
                .build());
    }

    private void checkHost(HttpUrl url) {
        try {
            trustedHosts.check(url);
        } catch (UntrustedHostException e) {
            throw new UntrustedHostException(e.host(), "Refusing to send the Microsoft Graph token to "
                    + url.scheme() + "://" + url.host() + (url.port() == HttpUrl.defaultPort(url.scheme()) ? ""
                    : ":" + url.port()) + ": only the Graph host of cloud '" + cloud.name() + "' ("
                    + cloud.graphEndpoint() + ") may receive it. Use the cloud's Graph endpoint, or trust another"
                    + " host explicitly with GraphClient.builder().trustHost(...). (" + e.getMessage() + ")");
        }
    }

    private static JsonNode parse(String method, HttpUrl url, String body) {
        if (body == null || body.isEmpty()) {
            return MissingNode.getInstance();
        }
        JsonNode tree = JsonTrees.read(body);
        if (tree == null) {
            throw new GraphException(GraphException.Reason.SERVICE_ERROR, method, url.encodedPath(), 200, null,
                    "the body is not JSON: " + body.substring(0, Math.min(body.length(), 200)), null, 1, null, null,
                    "Check that the Graph endpoint is Microsoft Graph.");
        }
        return tree;
    }

    /** Closes the clients, and the connection pool when it was created here. */
    @Override
    public void close() {
        clients.values().forEach(ConnectorClient::close);
        if (ownsHttp) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
