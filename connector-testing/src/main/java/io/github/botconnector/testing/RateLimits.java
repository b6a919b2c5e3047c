package io.github.botconnector.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Teams-style rate limits for the fake, measured on the fake's clock. Off by default ({@link #none()}).
 * {@link #teams()} has the documented values: per bot per conversation 7 per 1 s, 8 per 2 s, 60 per 30 s and 1800
 * per hour for sends and creates (reads allowed twice as many), and 50 requests per second per app per tenant.
 * Throttled requests get 429 {@code {"error":{"code":"Throttled",...}}} with {@code Retry-After} in whole seconds,
 * computed so that a request retried after that delay passes (when nothing else is sent meanwhile).
 */
public final class RateLimits {

    /**
     * One sliding window.
     *
     * @param limit  requests allowed in the window
     * @param window window length
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

    private static final RateLimits NONE = new RateLimits(List.of(), 1, List.of());

    private final List<Window> conversationWrites;
    private final int readFactor;
    private final List<Window> tenant;

    private RateLimits(List<Window> conversationWrites, int readFactor, List<Window> tenant) {
        this.conversationWrites = List.copyOf(conversationWrites);
        this.readFactor = readFactor;
        this.tenant = List.copyOf(tenant);
    }

    /** No limits (the default). */
    public static RateLimits none() {
        return NONE;
    }

    /** The documented Teams limits. */
    public static RateLimits teams() {
        return new RateLimits(List.of(new Window(7, Duration.ofSeconds(1)), new Window(8, Duration.ofSeconds(2)),
                new Window(60, Duration.ofSeconds(30)), new Window(1800, Duration.ofHours(1))), 2,
                List.of(new Window(50, Duration.ofSeconds(1))));
    }

    /** Custom limits: per-conversation write windows, reads allowed {@code readFactor} times as many, per-tenant windows. */
    public static RateLimits of(List<Window> perConversationWrites, int readFactor, List<Window> perAppPerTenant) {
        if (readFactor < 1) {
            throw new IllegalArgumentException("readFactor must be at least 1, got " + readFactor);
        }
        return new RateLimits(perConversationWrites, readFactor, perAppPerTenant);
    }

    /** Every limit multiplied by {@code factor} (at least 1 each), e.g. {@code teams().scaled(10)} for load tests. */
    public RateLimits scaled(double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("factor must be positive, got " + factor);
        }
        return new RateLimits(scale(conversationWrites, factor), readFactor, scale(tenant, factor));
    }

    /** The same limits with the per-app-per-tenant windows replaced by {@code requestsPerSecond} per second. */
    public RateLimits perAppPerTenantPerSecond(int requestsPerSecond) {
        return new RateLimits(conversationWrites, readFactor, List.of(new Window(requestsPerSecond, Duration.ofSeconds(1))));
    }

    private static List<Window> scale(List<Window> windows, double factor) {
        List<Window> out = new ArrayList<>();
        for (Window w : windows) {
            out.add(new Window(Math.max(1, (int) Math.round(w.limit() * factor)), w.window()));
        }
        return out;
    }

    /** Per bot per conversation windows for sends and creates. */
    public List<Window> conversationWrites() {
        return conversationWrites;
    }

    /** Reads (member lists, team details) are allowed this many times the write limits. */
    public int readFactor() {
        return readFactor;
    }

    /** Per app per tenant windows (all requests). */
    public List<Window> perAppPerTenant() {
        return tenant;
    }

    /** Whether any limit is set. */
    public boolean enabled() {
        return !conversationWrites.isEmpty() || !tenant.isEmpty();
    }

    @Override
    public String toString() {
        return "RateLimits[conversationWrites=" + conversationWrites + ", readFactor=" + readFactor + ", perAppPerTenant="
                + tenant + "]";
    }
}
