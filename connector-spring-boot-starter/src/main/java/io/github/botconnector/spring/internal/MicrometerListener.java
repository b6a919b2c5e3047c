package io.github.botconnector.spring.internal;

import io.github.botconnector.ConnectorListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;

/**
 * Micrometer meters from the client's events; Spring Boot binds it to the application's registry.
 *
 * <ul>
 *   <li>{@code botconnector.calls} (counter; tags {@code method}, {@code outcome} = success, client_error,
 *       server_error, throttled, failed, and {@code status}): finished calls, one per logical request</li>
 *   <li>{@code botconnector.call.duration} (timer; {@code method}, {@code outcome}): whole calls, retries included</li>
 *   <li>{@code botconnector.retries} (counter; {@code reason} = status code or {@code io}): scheduled retries</li>
 *   <li>{@code botconnector.throttled} (counter): 429 answers</li>
 *   <li>{@code botconnector.tokens} (counter; {@code result} = fetched, refreshed, failed)</li>
 * </ul>
 * Events before Spring Boot binds the registry are not counted.
 */
public final class MicrometerListener implements ConnectorListener, MeterBinder {

    private volatile MeterRegistry registry;

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void callEnd(Request request, int status, Duration duration) {
        String outcome = status < 400 ? "success" : status == 429 ? "throttled" : status < 500 ? "client_error"
                : "server_error";
        call(request, outcome, Integer.toString(status), duration);
    }

    @Override
    public void callFailed(Request request, RuntimeException failure, Duration duration) {
        call(request, "failed", "none", duration);
    }

    private void call(Request request, String outcome, String status, Duration duration) {
        MeterRegistry r = registry;
        if (r != null) {
            r.counter("botconnector.calls", "method", request.method(), "outcome", outcome, "status", status)
                    .increment();
            r.timer("botconnector.call.duration", "method", request.method(), "outcome", outcome).record(duration);
        }
    }

    @Override
    public void retryScheduled(Request request, String reason, Duration delay) {
        MeterRegistry r = registry;
        if (r != null) {
            String code = reason.startsWith("HTTP ") ? reason.substring(5).split(" ", 2)[0] : "io";
            r.counter("botconnector.retries", "reason", code).increment();
        }
    }

    @Override
    public void throttled(Request request, Duration retryAfter) {
        MeterRegistry r = registry;
        if (r != null) {
            r.counter("botconnector.throttled").increment();
        }
    }

    @Override
    public void tokenFetched(Duration duration) {
        token("fetched");
    }

    @Override
    public void tokenRefreshed(Duration duration) {
        token("refreshed");
    }

    @Override
    public void tokenFailed(RuntimeException failure) {
        token("failed");
    }

    private void token(String result) {
        MeterRegistry r = registry;
        if (r != null) {
            r.counter("botconnector.tokens", "result", result).increment();
        }
    }
}
