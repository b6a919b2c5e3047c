package io.github.botconnector.benchmarks;

import io.github.botconnector.internal.Json;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ResourceResponse;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The floor plus the JSON work every client must do for a new activity: the floor's shared OkHttp client and
 * blocking {@code execute()} on the calling thread, but each send serializes the {@link Activity} with the SDK's
 * Jackson mapper (a real serialization: {@code toJson()} would return the model's memoized JSON) and parses the
 * {@link ResourceResponse}. Comparing ours with this separates our pipeline's cost from the JSON cost.
 */
public final class FloorJsonSender implements Sender {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient client;
    private final HttpUrl url;
    private final Activity activity;

    /** A sender of {@code activityJson} (parsed once) to {@code conversationId} under {@code serviceUrl}. */
    public FloorJsonSender(String serviceUrl, String conversationId, String activityJson) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(256);
        dispatcher.setMaxRequestsPerHost(256);
        this.client = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES))
                .build();
        this.url = HttpUrl.get(serviceUrl).newBuilder()
                .addPathSegment("v3").addPathSegment("conversations").addPathSegment(conversationId)
                .addPathSegment("activities")
                .build();
        this.activity = Activity.fromJson(activityJson);
    }

    @Override
    public String send() throws IOException {
        Request request = new Request.Builder()
                .url(url)
                .header("Authorization", "Bearer t")
                .post(RequestBody.create(Json.mapper().writeValueAsBytes(activity), JSON))
                .build();
        try (Response response = client.newCall(request).execute()) {
            String text = response.body().string();
            if (response.code() != 201) {
                throw new IOException("Unexpected status " + response.code() + ": " + text);
            }
            return ResourceResponse.fromJson(text).id();
        }
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
