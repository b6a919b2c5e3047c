package io.github.botconnector.spring.internal;

import io.github.botconnector.ConnectorListener;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** Passes each event to every listener bean of the application, in order. */
public final class ListenerFanOut implements ConnectorListener {

    private final List<ConnectorListener> listeners;

    private ListenerFanOut(List<ConnectorListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /** One listener for {@code listeners}: {@link ConnectorListener#NONE}, the only one, or a fan-out. */
    public static ConnectorListener of(List<ConnectorListener> listeners) {
        return listeners.isEmpty() ? NONE : listeners.size() == 1 ? listeners.get(0) : new ListenerFanOut(listeners);
    }

    @Override
    public void requestStart(Request request) {
        listeners.forEach(l -> l.requestStart(request));
    }

    @Override
    public void requestEnd(Request request, int status, String requestId, Duration duration) {
        listeners.forEach(l -> l.requestEnd(request, status, requestId, duration));
    }

    @Override
    public void requestFailed(Request request, IOException error, Duration duration) {
        listeners.forEach(l -> l.requestFailed(request, error, duration));
    }

    @Override
    public void throttled(Request request, Duration retryAfter) {
        listeners.forEach(l -> l.throttled(request, retryAfter));
    }

    @Override
    public void retryScheduled(Request request, String reason, Duration delay) {
        listeners.forEach(l -> l.retryScheduled(request, reason, delay));
    }

    @Override
    public void callEnd(Request request, int status, Duration duration) {
        listeners.forEach(l -> l.callEnd(request, status, duration));
    }

    @Override
    public void callFailed(Request request, RuntimeException failure, Duration duration) {
        listeners.forEach(l -> l.callFailed(request, failure, duration));
    }

    @Override
    public void tokenFetched(Duration duration) {
        listeners.forEach(l -> l.tokenFetched(duration));
    }

    @Override
    public void tokenRefreshed(Duration duration) {
        listeners.forEach(l -> l.tokenRefreshed(duration));
    }

    @Override
    public void tokenFailed(RuntimeException failure) {
        listeners.forEach(l -> l.tokenFailed(failure));
    }
}
