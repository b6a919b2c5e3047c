package io.github.botconnector.broadcast;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The limits the engine paces to: sliding windows per conversation and per tenant (all requests of the app in that
 * tenant), and how long after a request starts it may still reach the service. {@link #teams()} has the documented
 * Teams values: per bot per conversation 7 per 1 s, 8 per 2 s, 60 per 30 s and 1800 per hour; 50 requests per second
 * per app per tenant.
 *
 * <p>The limits are rates of request <em>starts</em>: a request counts in a window from its start until the window
 * has passed after the latest time it may reach the service ({@link #arrivalAllowance()}, default 10 ms), however long
 * it then takes to be answered. So at Teams' latency of 0.5–1 s the engine keeps 25–50 requests in flight per tenant
 * and uses the whole budget (less the allowance: 50 per 1.01 s). A request that reaches the service later than the
 * allowance (a slow new connection, a token fetch) may find a window full; the 429 then pauses the tenant and lowers
 * its rate for a while.
 */
public final class PacingLimits {

    /**
     * One sliding window.
     *
     * @param limit  requests allowed in any span of {@code window}
     * @param window the span
     */
    public record Window(int limit, Duration window) {
        /** Validates. */
        public Window {
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be at least 1, got " + limit);
            }
            Objects.requireNonNull(window, "window");
            if (window.isZero() || window.isNegative()) {
                throw new IllegalArgumentException("window must be positive, got " + window);
            }
        }
    }

    private final List<Window> perConversation;
    private final List<Window> perTenant;
    private final Duration arrivalAllowance;
    private final boolean untilAnswered;

    private PacingLimits(List<Window> perConversation, List<Window> perTenant, Duration arrivalAllowance) {
        this(perConversation, perTenant, arrivalAllowance, false);
    }

    private PacingLimits(List<Window> perConversation, List<Window> perTenant, Duration arrivalAllowance,
                         boolean untilAnswered) {
        this.perConversation = List.copyOf(perConversation);
        this.perTenant = List.copyOf(perTenant);
        this.arrivalAllowance = arrivalAllowance;
        this.untilAnswered = untilAnswered;
    }

    /** The default {@link #arrivalAllowance()}. */
    private static final Duration DEFAULT_ALLOWANCE = Duration.ofMillis(10);

    /** The documented Teams limits (see the class comment) with the default arrival allowance of 10 ms. */
    public static PacingLimits teams() {
        return new PacingLimits(List.of(new Window(7, Duration.ofSeconds(1)), new Window(8, Duration.ofSeconds(2)),
                new Window(60, Duration.ofSeconds(30)), new Window(1800, Duration.ofHours(1))),
                List.of(new Window(50, Duration.ofSeconds(1))), DEFAULT_ALLOWANCE);
    }

    /**
     * Custom limits.
     *
     * @param perConversation windows per conversation (one request is in flight per conversation regardless)
     * @param perTenant       windows per tenant, all requests of the app
     */
    public static PacingLimits of(List<Window> perConversation, List<Window> perTenant) {
        return new PacingLimits(perConversation, perTenant, DEFAULT_ALLOWANCE);
    }

    /** Every limit multiplied by {@code factor} (at least 1 each); matches a fake connector's scaled limits. */
    public PacingLimits scaled(double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("factor must be positive, got " + factor);
        }
        return new PacingLimits(scale(perConversation, factor), scale(perTenant, factor), arrivalAllowance,
                untilAnswered);
    }

    /** The same with the per-tenant budget replaced by {@code requestsPerSecond} per second. */
    public PacingLimits perTenantPerSecond(int requestsPerSecond) {
        return new PacingLimits(perConversation, List.of(new Window(requestsPerSecond, Duration.ofSeconds(1))),
                arrivalAllowance, untilAnswered);
    }

    /**
     * The same with another arrival allowance: how long after its start a request may still reach the service. Each
     * request counts in the windows until the allowance plus the window have passed after its start, so a larger
     * allowance is safer against late arrivals and costs rate: with a 1 s window, 10 ms (the default) leaves 99 % of
     * the budget, 100 ms 91 %.
     */
    public PacingLimits arrivalAllowance(Duration allowance) {
        Objects.requireNonNull(allowance, "allowance");
        if (allowance.isNegative()) {
            throw new IllegalArgumentException("allowance must not be negative, got " + allowance);
        }
        return new PacingLimits(perConversation, perTenant, allowance, untilAnswered);
    }

    /**
     * The same, counting every request in every window while it is in flight and then until the window has passed
     * after its answer: a window at the service never holds more than the limit however late requests reach it (a
     * service or an in-process fake that may take requests up long after they were sent), at the cost of rate when
     * answers are slow (at Teams' latency about 30 of the 50 requests per second per tenant).
     */
    public PacingLimits countUntilAnswered() {
        return new PacingLimits(perConversation, perTenant, arrivalAllowance, true);
    }

    /** Whether requests count until answered ({@link #countUntilAnswered()}) rather than from their start. */
    public boolean countsUntilAnswered() {
        return untilAnswered;
    }

    private static List<Window> scale(List<Window> windows, double factor) {
        List<Window> out = new ArrayList<>();
        for (Window w : windows) {
            out.add(new Window(Math.max(1, (int) Math.round(w.limit() * factor)), w.window()));
        }
        return out;
    }

    /** Windows per conversation. */
    public List<Window> perConversation() {
        return perConversation;
    }

    /** Windows per tenant. */
    public List<Window> perTenant() {
        return perTenant;
    }

    /** How long after its start a request may still reach the service (default 10 ms); see the class comment. */
    public Duration arrivalAllowance() {
        return arrivalAllowance;
    }

    /** The steady rate the per-tenant windows allow, requests per second (infinite without windows). */
    public double tenantRatePerSecond() {
        double rate = Double.POSITIVE_INFINITY;
        for (Window w : perTenant) {
            rate = Math.min(rate, w.limit() * 1000.0 / w.window().toMillis());
        }
        return rate;
    }

    @Override
    public String toString() {
        return "PacingLimits[perConversation=" + perConversation + ", perTenant=" + perTenant + ", arrivalAllowance="
                + arrivalAllowance + ", untilAnswered=" + untilAnswered + "]";
    }
}
