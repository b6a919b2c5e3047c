package io.github.botconnector.internal;

import com.fasterxml.jackson.databind.JavaType;
import io.github.botconnector.exception.ConnectorException;
import io.github.botconnector.ConnectorClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;

/**
 * Sends any Bot Connector request through a client's pipeline (trusted-host check, token, retry, logging, error
 * mapping): what every operation of {@link ConnectorClient} and its raw requests run on. Bound to the client's service
 * URL. Not public API.
 *
 * <p>{@code encodedPath} is relative to the service URL ({@code v3/teams/19%3A...}, a leading {@code /} is ignored);
 * encode ids with {@link PathSegments#encode(String)}. {@code query} values are escaped here; {@code null} values are
 * skipped. {@code body} is serialized with {@link Json} ({@code byte[]} is sent as already serialized JSON).
 * Responses: {@code Void}/{@code null} type → no body; {@code String} → the raw text; any other type → parsed JSON
 * (an empty body parses as {@code {}} or {@code []}). Error statuses fail with the SDK's exceptions.
 */
public final class ConnectorTransport {

    private static final byte[] EMPTY_OBJECT = {'{', '}'};
    private static final byte[] EMPTY_ARRAY = {'[', ']'};

    /**
     * Status and parsed body of a successful call.
     *
     * @param statusCode HTTP status (for example 202 or 207)
     * @param body       parsed body, or {@code null}
     * @param <T>        body type
     */
    public record Result<T>(int statusCode, T body) {
    }

    private final HttpPipeline pipeline;
    private final String serviceUrl;
    private final HttpUrl baseUrl;
    private final boolean blocking;

    /**
     * A transport for {@code serviceUrl} over {@code pipeline}.
     *
     * @throws IllegalArgumentException if {@code serviceUrl} is not an http(s) URL
     */
    public ConnectorTransport(HttpPipeline pipeline, String serviceUrl) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.serviceUrl = Validation.noControlCharacters(Objects.requireNonNull(serviceUrl, "serviceUrl"),
                "serviceUrl").trim();
        if (HttpUrl.parse(this.serviceUrl) == null) {
            throw new IllegalArgumentException("serviceUrl must be an https URL such as"
                    + " https://smba.trafficmanager.net/teams/ (take it from the inbound activity), got '"
                    + serviceUrl.replaceAll("//[^/@]*@", "//") + "'");
        }
        this.baseUrl = HttpUrl.get(this.serviceUrl.endsWith("/") ? this.serviceUrl : this.serviceUrl + "/");
        this.blocking = false;
    }

    private ConnectorTransport(ConnectorTransport source, boolean blocking) {
        this.pipeline = source.pipeline;
        this.serviceUrl = source.serviceUrl;
        this.baseUrl = source.baseUrl;
        this.blocking = blocking;
    }

    /**
     * This transport for callers that wait for the answer anyway: each HTTP exchange runs on the calling thread, so
     * its futures are normally complete when returned. The blocking {@link #call} methods use it.
     */
    public ConnectorTransport blocking() {
        return blocking ? this : new ConnectorTransport(this, true);
    }

    /** Whether each HTTP exchange runs on the calling thread (see {@link #blocking()}). */
    public boolean isBlocking() {
        return blocking;
    }

    /** The service URL requests go to. */
    public String serviceUrl() {
        return serviceUrl;
    }

    /** The pipeline (shared by sibling clients). */
    public HttpPipeline pipeline() {
        return pipeline;
    }

    /** Sends a request and waits; see the class description. */
    public <T> Result<T> call(String method, String encodedPath, Map<String, String> query, Object body,
                              Class<T> responseType) {
        return HttpPipeline.join(blocking().callAsync(method, encodedPath, query, body, responseType));
    }

    /** Sends a request and waits; see the class description. */
    public <T> Result<T> call(String method, String encodedPath, Map<String, String> query, Object body,
                              JavaType responseType) {
        // On the calling thread, with no future on the way (the blocking client's every send comes through here).
        HttpUrl url = url(encodedPath, query);
        HttpPipeline.Result r = pipeline.executeBlocking(new HttpPipeline.Exchange(method, url, serialize(body), false));
        return result(method, url, r, responseType);
    }

    /** Sends a request without blocking; see the class description. */
    public <T> CompletableFuture<Result<T>> callAsync(String method, String encodedPath, Map<String, String> query,
                                                      Object body, Class<T> responseType) {
        return callAsync(method, encodedPath, query, body,
                responseType == null ? null : Json.mapper().constructType(responseType));
    }

    /** Sends a request without blocking; see the class description. */
    public <T> CompletableFuture<Result<T>> callAsync(String method, String encodedPath, Map<String, String> query,
                                                      Object body, JavaType responseType) {
        HttpUrl url = url(encodedPath, query);
        byte[] bytes = serialize(body);
        return pipeline.execute(new HttpPipeline.Exchange(method, url, bytes, false), blocking)
                .thenApply(r -> result(method, url, r, responseType));
    }

    private static byte[] serialize(Object body) {
        return body == null ? null : body instanceof byte[] b ? b : Json.writeBytes(body);
    }

    /** The parsed answer of a success; the typed exception of an error status. */
    private <T> Result<T> result(String method, HttpUrl url, HttpPipeline.Result r, JavaType responseType) {
        if (r.status() < 200 || r.status() >= 300) {
            throw failure(method, url.encodedPath(), r);
        }
        return new Result<>(r.status(), this.<T>parse(method, url, r.status(), r.body(), responseType));
    }

    /**
     * GETs a binary resource, following redirects hop by hop (each hop checked against the trusted hosts; the token
     * is only sent to the original host). The caller closes the stream.
     */
    public CompletableFuture<InputStream> streamAsync(String encodedPath) {
        HttpUrl url = url(encodedPath, null);
        String path = url.encodedPath();
        return pipeline.execute(new HttpPipeline.Exchange("GET", url, null, true), blocking).thenApply(r -> {
            if (r.stream() == null) {
                throw failure("GET", path, r);
            }
            return r.stream().byteStream();
        });
    }

    /** The typed exception for an error status; possibly delivered when an earlier attempt may have delivered it. */
    private RuntimeException failure(String method, String path, HttpPipeline.Result r) {
        RuntimeException e = ErrorMapper.map(method, path, r.status(), r.headers(), r.body(), r.attempts(), r.token(),
                pipeline.config().cloud(), pipeline.retryAfter(r.headers()));
        return r.possiblyDelivered() ? HttpPipeline.possiblyDelivered(method, path, r.attempts(), e) : e;
    }

    /** The full URL of {@code encodedPath} under the service URL, with escaped query parameters. */
    public HttpUrl url(String encodedPath, Map<String, String> query) {
        String p = encodedPath.startsWith("/") ? encodedPath.substring(1) : encodedPath;
        // Appending to the parsed service URL keeps its host as is (no re-parsing per request).
        HttpUrl.Builder b = baseUrl.newBuilder();
        if (plainSegments(p)) {
            // Segment by segment: OkHttp's addEncodedPathSegments would first scan every character for '/' and '\'
            // (one lookup per character of a long conversation id) before canonicalizing each segment anyway.
            int start = 0;
            for (int slash = p.indexOf('/'); slash >= 0; slash = p.indexOf('/', start)) {
                b.addEncodedPathSegment(p.substring(start, slash));
                start = slash + 1;
            }
            b.addEncodedPathSegment(start == 0 ? p : p.substring(start));
        } else {
            b.addEncodedPathSegments(p);
        }
        if (query == null || query.isEmpty()) {
            return b.build();
        }
        query.forEach((k, v) -> {
            if (v != null) {
                b.addQueryParameter(k, v);
            }
        });
        return b.build();
    }

    /**
     * Whether {@code p} is non-empty segments separated by single {@code /}, none of them a dot segment: then adding
     * it segment by segment gives the same URL as {@code addEncodedPathSegments} (which also splits on backslashes,
     * keeps empty segments and resolves {@code .} and {@code ..} with a trailing slash).
     */
    static boolean plainSegments(String p) {
        return !p.isEmpty() && p.indexOf('\\') < 0 && p.charAt(0) != '/' && p.charAt(p.length() - 1) != '/'
                && !p.contains("//") && p.charAt(0) != '.' && !p.contains("/.") && !p.contains("%2e")
                && !p.contains("%2E");
    }

    @SuppressWarnings("unchecked")
    private <T> T parse(String method, HttpUrl url, int status, byte[] body, JavaType type) {
        if (type == null || type.getRawClass() == Void.class) {
            return null;
        }
        if (type.getRawClass() == String.class) {
            return (T) (body == null ? "" : new String(body, StandardCharsets.UTF_8));
        }
        byte[] json = body;
        if (isBlank(body)) {
            json = Collection.class.isAssignableFrom(type.getRawClass()) || type.isArrayType() ? EMPTY_ARRAY
                    : EMPTY_OBJECT;
        }
        Object shaped = Json.readShape(type.getRawClass(), json);
        if (shaped != null) {
            return (T) shaped;
        }
        try {
            // Straight from the bytes: no String of the body on the way.
            return Json.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new ConnectorException(method + " " + url.encodedPath() + " answered " + status + " with a body that is not a"
                    + " valid " + type.getRawClass().getSimpleName() + ": " + Json.translate(e, type.getRawClass())
                    .getMessage() + ". Check that the service URL points at a Bot Connector service.", e);
        }
    }

    /** Whether {@code body} is absent or only whitespace (as {@link String#isBlank()} of its UTF-8 text). */
    private static boolean isBlank(byte[] body) {
        if (body == null) {
            return true;
        }
        for (byte b : body) {
            if (b < 0) {
                return new String(body, StandardCharsets.UTF_8).isBlank();
            }
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "ConnectorTransport[" + serviceUrl + "]";
    }
}
