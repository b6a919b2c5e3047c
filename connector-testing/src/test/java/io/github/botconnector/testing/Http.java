package io.github.botconnector.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Plain OkHttp calls to the fake, as a client under test would make them. */
final class Http implements AutoCloseable {

    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    /** A response read completely. */
    record Resp(int status, String body, Headers headers) {
        JsonNode json() {
            return TestJson.tree(body);
        }

        String header(String name) {
            return headers.get(name);
        }

        String errorCode() {
            JsonNode n = json().path("error").path("code");
            return n.isMissingNode() ? null : n.asText();
        }
    }

    private final OkHttpClient client = new OkHttpClient.Builder().retryOnConnectionFailure(false)
            .readTimeout(10, TimeUnit.SECONDS).build();
    private String authorization;

    Http bearer(String token) {
        this.authorization = token == null ? null : "Bearer " + token;
        return this;
    }

    Resp get(String url) {
        return call(new Request.Builder().url(url).get());
    }

    Resp post(String url, String json) {
        return call(new Request.Builder().url(url).post(RequestBody.create(json, JSON)));
    }

    Resp put(String url, String json) {
        return call(new Request.Builder().url(url).put(RequestBody.create(json, JSON)));
    }

    Resp delete(String url) {
        return call(new Request.Builder().url(url).delete());
    }

    Resp postForm(String url, String form) {
        return call(new Request.Builder().url(url)
                .post(RequestBody.create(form, MediaType.get("application/x-www-form-urlencoded"))));
    }

    Resp call(Request.Builder rb) {
        if (authorization != null) {
            rb.header("Authorization", authorization);
        }
        try (Response r = client.newCall(rb.build()).execute()) {
            return new Resp(r.code(), r.body().string(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Percent-encodes an id as one path segment. */
    static String seg(String id) {
        return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
