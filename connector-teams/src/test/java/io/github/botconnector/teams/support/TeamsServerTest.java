package io.github.botconnector.teams.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.teams.TeamsClient;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of the request-shape tests: a mock Bot Connector under a Teams-style service URL and a TeamsClient on it. */
public abstract class TeamsServerTest {

    /** The fixtures' tenant. */
    protected static final String TENANT = "c603ca06-32cc-4a8f-9a2a-a31442aeb907";

    /** One server per test. */
    @StartStop
    protected final MockWebServer server = new MockWebServer();

    /** The client under test, on {@link #prefix}. */
    protected ConnectorClient connector;
    /** The Teams client over {@link #connector}. */
    protected TeamsClient teams;
    /** Path of the service URL ({@code /amer/<tenant>/}). */
    protected final String prefix = "/amer/" + TENANT + "/";

    @BeforeEach
    void startClients() {
        connector = TestClients.connector(server.url(prefix).toString());
        teams = TeamsClient.of(connector);
    }

    @AfterEach
    void closeClients() {
        connector.close();
    }

    /** The next request the server received, which must carry the client's bearer token. */
    protected RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("no request received");
        }
        assertEquals("Bearer " + TestClients.TOKEN, request.getHeaders().get("Authorization"),
                "sent through the client's pipeline");
        return request;
    }
}
