package io.github.botconnector.teams.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A mockwebserver3 dispatcher that answers with a routing function and keeps every request in arrival order, so a
 * test can script a whole flow (several routes) and then check each request.
 */
public final class RecordingDispatcher extends Dispatcher {

    private final Function<RecordedRequest, MockResponse> routes;
    private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());

    public RecordingDispatcher(Function<RecordedRequest, MockResponse> routes) {
        this.routes = routes;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        MockResponse response = routes.apply(request);
        return response != null ? response : json(404, "{\"error\":{\"code\":\"NotFound\",\"message\":\"no route for "
                + request.getMethod() + " " + request.getTarget() + "\"}}");
    }

    /** The requests received so far. */
    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** A JSON response. */
    public static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json; charset=utf-8")
                .body(body).build();
    }

    /** The UTF-8 body of a request. */
    public static String body(RecordedRequest request) {
        return request.getBody() == null ? "" : request.getBody().utf8();
    }
}
