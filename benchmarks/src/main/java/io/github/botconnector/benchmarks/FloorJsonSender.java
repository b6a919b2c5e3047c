package io.github.botconnector.benchmarks;

import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ResourceResponse;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The floor plus the JSON work every client must do: the floor's shared OkHttp client and blocking
 * {@code execute()} on the calling thread, but each send serializes the {@link Activity} ({@code toJson}) and
 * parses the {@link ResourceResponse}. Comparing ours with this separates our pipeline's cost (retry, token,
 * trusted-host check, headers, asynchronous dispatch) from the JSON cost.
 *
 * <p>With {@code async}, the call is {@code enqueue}d and the caller waits for a future completed by OkHttp's
 * dispatcher thread, as a blocking call layered on an asynchronous pipeline does: the difference to the blocking
 * variant is the cost of handing every request to another thread and back.
 */
public final class FloorJsonSender implements Sender {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient client;
    private final HttpUrl url;
    private final Activity activity;
    private final boolean async;

    /**
     * A sender of {@code activityJson} (parsed once) to {@code conversationId} under {@code serviceUrl}; blocking
     * {@code execute()} or, with {@code async}, {@code enqueue} and wait.
     */
    public FloorJsonSender(String serviceUrl, String conversationId, String activityJson, boolean async) {
        this.async = async;
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
                .post(RequestBody.create(activity.toJson().getBytes(StandardCharsets.UTF_8), JSON))
                .build();
        try (Response response = async ? enqueueAndWait(request) : client.newCall(request).execute()) {
            String text = response.body().string();
            if (response.code() != 201) {
                throw new IOException("Unexpected status " + response.code() + ": " + text);
            }
            return ResourceResponse.fromJson(text).id();
        }
    }

    private Response enqueueAndWait(Request request) throws IOException {
        CompletableFuture<Response> done = new CompletableFuture<>();
        client.newCall(request).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                done.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call call, Response response) {
                done.complete(response);
            }
        });
        try {
            return done.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
