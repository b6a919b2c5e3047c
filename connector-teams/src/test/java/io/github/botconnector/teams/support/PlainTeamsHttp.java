package io.github.botconnector.teams.support;

import io.github.botconnector.internal.Json;
import io.github.botconnector.teams.internal.TeamsHttp;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A bare OkHttp {@link TeamsHttp} for request-shape tests (no token, no retry): status >= 400 fails the future. */
public final class PlainTeamsHttp implements TeamsHttp {

    private static final OkHttpClient HTTP = new OkHttpClient();
    private final String serviceUrl;

    public PlainTeamsHttp(String serviceUrl) {
        this.serviceUrl = serviceUrl;
    }

    @Override
    public String serviceUrl() {
        return serviceUrl;
    }

    @Override
    public TeamsHttp withServiceUrl(String serviceUrl) {
        return new PlainTeamsHttp(serviceUrl);
    }

    @Override
    public CompletableFuture<Reply> send(String method, String encodedPath, Map<String, String> query, Object body) {
        String base = serviceUrl.endsWith("/") ? serviceUrl : serviceUrl + "/";
        HttpUrl.Builder url = HttpUrl.get(base + encodedPath).newBuilder();
        query.forEach(url::addQueryParameter);
        RequestBody requestBody = body == null ? null
                : RequestBody.create(Json.writeBytes(body), MediaType.get("application/json; charset=utf-8"));
        Request request = new Request.Builder().url(url.build()).method(method, requestBody).build();
        try (Response response = HTTP.newCall(request).execute()) {
            String text = response.body().string();
            if (response.code() >= 400) {
                return CompletableFuture.failedFuture(new IllegalStateException("HTTP " + response.code() + ": " + text));
            }
            return CompletableFuture.completedFuture(new Reply(response.code(), text));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
