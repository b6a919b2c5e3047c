package io.github.botconnector.benchmarks;

import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The floor: what any Bot Connector client must at least spend. One shared OkHttp client (dispatcher limits
 * raised), one pre-built request with a pre-serialized body and a bearer header, the response body read as text.
 */
public final class FloorSender implements Sender {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient client;
    private final Request request;

    /** A floor sender posting {@code body} to {@code conversationId} under {@code serviceUrl}. */
    public FloorSender(String serviceUrl, String conversationId, String body) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(256);
        dispatcher.setMaxRequestsPerHost(256);
        this.client = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES))
                .build();
        String url = serviceUrl + "v3/conversations/"
                + URLEncoder.encode(conversationId, StandardCharsets.UTF_8) + "/activities";
        this.request = new Request.Builder()
                .url(url)
                .header("Authorization", "Bearer t")
                .post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), JSON))
                .build();
    }

    @Override
    public String send() throws IOException {
        try (Response response = client.newCall(request).execute()) {
            String text = response.body().string();
            if (response.code() != 201) {
                throw new IOException("Unexpected status " + response.code() + ": " + text);
            }
            return text;
        }
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
