package io.github.botconnector.internal;

import io.github.botconnector.ConnectorListener;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls a user's listener and keeps its exceptions out of the request (logged at WARN instead). */
final class GuardedListener implements ConnectorListener {

    private static final Logger LOG = LoggerFactory.getLogger("io.github.botconnector.http");

    private final ConnectorListener delegate;

    private GuardedListener(ConnectorListener delegate) {
        this.delegate = delegate;
    }

    /** {@code listener} guarded, or {@link ConnectorListener#NONE} itself (no wrapper on the common path). */
    static ConnectorListener of(ConnectorListener listener) {
        return listener == null || listener == NONE ? NONE : new GuardedListener(listener);
    }

    private void guard(String event, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("ConnectorListener {} threw {}; the request goes on unchanged", event, e.toString());
        }
    }

    @Override
    public void requestStart(Request request) {
        guard("requestStart", () -> delegate.requestStart(request));
    }

    @Override
    public void requestEnd(Request request, int status, String requestId, Duration duration) {
        guard("requestEnd", () -> delegate.requestEnd(request, status, requestId, duration));
    }

    @Override
    public void requestFailed(Request request, IOException error, Duration duration) {
        guard("requestFailed", () -> delegate.requestFailed(request, error, duration));
    }

    @Override
    public void throttled(Request request, Duration retryAfter) {
        guard("throttled", () -> delegate.throttled(request, retryAfter));
    }

    @Override
    public void retryScheduled(Request request, String reason, Duration delay) {
        guard("retryScheduled", () -> delegate.retryScheduled(request, reason, delay));
    }

    @Override
    public void callEnd(Request request, int status, Duration duration) {
        guard("callEnd", () -> delegate.callEnd(request, status, duration));
    }

    @Override
    public void callFailed(Request request, RuntimeException failure, Duration duration) {
        guard("callFailed", () -> delegate.callFailed(request, failure, duration));
    }

    @Override
    public void tokenFetched(Duration duration) {
        guard("tokenFetched", () -> delegate.tokenFetched(duration));
    }

    @Override
    public void tokenRefreshed(Duration duration) {
        guard("tokenRefreshed", () -> delegate.tokenRefreshed(duration));
    }

    @Override
    public void tokenFailed(RuntimeException failure) {
        guard("tokenFailed", () -> delegate.tokenFailed(failure));
    }
}
