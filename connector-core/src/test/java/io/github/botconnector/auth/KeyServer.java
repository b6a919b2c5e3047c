package io.github.botconnector.auth;

import io.github.botconnector.test.Fixtures;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** Serves the OpenID metadata and the channel key document, counting requests; answers can be swapped. */
final class KeyServer extends Dispatcher {

    static final String METADATA_PATH = "/v1/.well-known/openidconfiguration";
    static final String KEYS_PATH = "/v1/.well-known/keys";

    final AtomicInteger metadataRequests = new AtomicInteger();
    final AtomicInteger keyRequests = new AtomicInteger();
    final AtomicReference<MockResponse> metadata = new AtomicReference<>();
    final AtomicReference<MockResponse> keys = new AtomicReference<>();

    KeyServer(MockWebServer server) {
        String config = Fixtures.read("auth/openid-configuration.botframework.json")
                .replace("https://login.botframework.com/v1/.well-known/keys", server.url(KEYS_PATH).toString());
        metadata.set(TestSupport.json(200, config));
        keys.set(TestSupport.json(200, Fixtures.read("auth/jwks.botframework.test.json")));
        server.setDispatcher(this);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.equals(METADATA_PATH)) {
            metadataRequests.incrementAndGet();
            return metadata.get();
        }
        if (path.equals(KEYS_PATH)) {
            keyRequests.incrementAndGet();
            return keys.get();
        }
        return new MockResponse.Builder().code(404).build();
    }
}
