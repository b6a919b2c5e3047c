package io.github.botconnector;

import static io.github.botconnector.Harness.ADELE_CONVERSATION;
import static io.github.botconnector.Harness.TOKEN_PREFIX;
import static io.github.botconnector.Harness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.botconnector.schema.Activity;
import io.github.botconnector.testsupport.ManualClock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * The bearer token goes on the wire exactly once per request, whether the pipeline built the OkHttp client (the
 * header is set when the request is built) or the application supplied one (the header is added after the
 * application's own interceptors, which never see it, and its event listener's calls carry none).
 */
class BearerHeaderTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final Harness.CountingTokens tokens = new Harness.CountingTokens();
    private final ManualClock time = ManualClock.atFixtureNow();

    @Test
    void aClientOfItsOwnSendsTheTokenOnce() throws Exception {
        server.enqueue(json(201, "{\"id\":\"1\"}"));
        try (ConnectorClient client = Harness.client(server, tokens, time).build()) {
            assertEquals("1", client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi")).id());
        }
        RecordedRequest sent = server.takeRequest();
        assertEquals(List.of("Bearer " + TOKEN_PREFIX + "1"), sent.getHeaders().values("Authorization"));
    }

    @Test
    void theApplicationsInterceptorsAndListenerNeverSeeTheToken() throws Exception {
        server.enqueue(json(201, "{\"id\":\"1\"}"));
        List<String> seen = new CopyOnWriteArrayList<>();
        OkHttpClient app = new OkHttpClient.Builder()
                .addInterceptor(chain -> {
                    seen.add("interceptor: " + chain.request().header("Authorization"));
                    return chain.proceed(chain.request());
                })
                .eventListener(new EventListener() {
                    @Override
                    public void callStart(Call call) {
                        seen.add("listener: " + call.request().header("Authorization"));
                    }
                })
                .build();
        try (ConnectorClient client = Harness.client(server, tokens, time).httpClient(app).build()) {
            assertEquals("1", client.sendToConversation(ADELE_CONVERSATION, Activity.message("hi")).id());
        }
        assertEquals(List.of("listener: null", "interceptor: null"), seen);
        assertEquals(List.of("Bearer " + TOKEN_PREFIX + "1"),
                server.takeRequest().getHeaders().values("Authorization"));
    }
}
