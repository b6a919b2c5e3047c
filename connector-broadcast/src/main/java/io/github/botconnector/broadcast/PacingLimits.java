package io.github.botconnector.broadcast;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The limits the engine paces to: sliding windows per conversation and per tenant (all requests of the app in that
 * tenant), and how the engine estimates when a request reached the service. {@link #teams()} has the documented
 * Teams values: per bot per conversation 7 per 1 s, 8 per 2 s, 60 per 30 s and 1800 per hour; 50 requests per second
 * per app per tenant.
 *
 * <p>The service counts a request when it reads it: somewhere between the request's start and its answer. The engine
 * counts it in its windows at {@link #arrivalAllowance()} (default 10 ms) after its start while it is in flight, and,
 * once answered, at its start plus how much longer than the tenant's recent fastest request it took, bounded by
 * {@link #lateArrivalLimit()} (default 100 ms): the fastest answer is the service's own processing time (Teams'
 * 0.5 s, say); what a request took beyond it may have been spent before the service read it (a slow connection, a
 * garbage-collection pause or a descheduled thread on a loaded machine). How long requests take otherwise does not
 * matter: the budget is a rate of arrivals, not a number of requests in flight. So at Teams' latency of 0.5–1 s the
 * engine keeps 25–50 requests in flight per tenant and uses 99 % of the budget when the latency is steady, about 91 %
 * when it varies over the whole 0.5–1 s; and a request read up to the limit late does not find a window full. A
 * request still in flight after a whole window (and longer than the fastest answer plus the limit: the service stopped
 * reading, a connection stalled) counts as reaching the service at any moment until it is answered. A stall longer
 * than the limit (the service or the engine paused, say for a garbage collection on a loaded host) shows as many
 * answers later than the limit within a few milliseconds, across tenants; those are counted at their whole lateness.
 * A 429 pauses the tenant for {@code Retry-After} and lowers its rate for a while.
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
    private final Duration lateArrivalLimit;
    private final boolean untilAnswered;

    private PacingLimits(List<Window> perConversation, List<Window> perTenant, Duration arrivalAllowance) {
        this(perConversation, perTenant, arrivalAllowance, DEFAULT_LATE_LIMIT, false);
    }

    private PacingLimits(List<Window> perConversation, List<Window> perTenant, Duration arrivalAllowance,
                         Duration lateArrivalLimit, boolean untilAnswered) {
        this.perConversation = List.copyOf(perConversation);
        this.perTenant = List.copyOf(perTenant);
        this.arrivalAllowance = arrivalAllowance;
        this.lateArrivalLimit = lateArrivalLimit;
        this.untilAnswered = untilAnswered;
    }

    /** The default {@link #arrivalAllowance()}. */
    private static final Duration DEFAULT_ALLOWANCE = Duration.ofMillis(10);
    /** The default {@link #lateArrivalLimit()}. */
    private static final Duration DEFAULT_LATE_LIMIT = Duration.ofMillis(100);

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
                lateArrivalLimit, untilAnswered);
    }

    /** The same with the per-tenant budget replaced by {@code requestsPerSecond} per second. */
    public PacingLimits perTenantPerSecond(int requestsPerSecond) {
        return new PacingLimits(perConversation, List.of(new Window(requestsPerSecond, Duration.ofSeconds(1))),
                arrivalAllowance, lateArrivalLimit, untilAnswered);
    }

    /**
     * The same with another arrival allowance: how long after its start a request is taken to reach the service at
     * the least, answered or not. Each request counts in the windows until at least the allowance plus the window
     * have passed after its start, so a larger allowance costs rate: with a 1 s window, 10 ms (the default) leaves
     * 99 % of the budget, 100 ms 91 %. Raised to it, {@link #lateArrivalLimit()} never stays below it.
     */
    public PacingLimits arrivalAllowance(Duration allowance) {
        requireNotNegative(allowance, "allowance");
        return new PacingLimits(perConversation, perTenant, allowance, max(lateArrivalLimit, allowance),
                untilAnswered);
    }

    /**
     * The same with another bound on late arrival: an answered request is counted as having reached the service up
     * to this long after its start when it took that much longer than the tenant's fastest recent request (default
     * 100 ms; see the class comment). A larger limit is safe against later arrivals and costs rate when the service's
     * own latency varies: at Teams' latency spread over 0.5–1 s, 100 ms leaves about 91 % of the budget, 250 ms about
     * 84 %; at a steady latency nothing. A 429 doubles the bound of that tenant and conversation for a minute (up to
     * the shortest window): it says requests reached the service later than the bound assumed, and a service whose
     * latency merely varies never answers one. Equal to {@link #arrivalAllowance()}, every request counts from its
     * start plus the allowance, however late it was answered.
     */
    public PacingLimits lateArrivalLimit(Duration limit) {
        requireNotNegative(limit, "limit");
        return new PacingLimits(perConversation, perTenant, arrivalAllowance, max(limit, arrivalAllowance),
                untilAnswered);
    }

    private static void requireNotNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, got " + d);
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /**
     * The same, counting every request in every window while it is in flight and then until the window has passed
     * after its answer: a window at the service never holds more than the limit however late requests reach it (a
     * service or an in-process fake that may take requests up long after they were sent), at the cost of rate when
     * answers are slow (at Teams' latency about 25–30 of the 50 requests per second per tenant).
     */
    public PacingLimits countUntilAnswered() {
        return new PacingLimits(perConversation, perTenant, arrivalAllowance, lateArrivalLimit, true);
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

    /** How long after its start a request is taken to reach the service at the least (default 10 ms). */
    public Duration arrivalAllowance() {
        return arrivalAllowance;
    }

    /** How long after its start an answered request is taken to have reached the service at most (default 100 ms). */
    public Duration lateArrivalLimit() {
        return lateArrivalLimit;
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
                + arrivalAllowance + ", lateArrivalLimit=" + lateArrivalLimit + ", untilAnswered=" + untilAnswered + "]";
    }
}
