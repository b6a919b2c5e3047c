package io.github.botconnector.testing.internal;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * What the fake's Microsoft Graph knows besides the world: the application permissions the bot's app has been
 * granted, whether the app is in the tenant catalog, guest users, and throttling armed by a test. Every access holds
 * the {@link FakeService} lock. Not public API.
 */
public final class GraphState {

    /** Application permissions the fake's Graph knows; all granted at start. */
    public static final Set<String> ALL_PERMISSIONS = Set.of("User.Read.All", "AppCatalog.Read.All",
            "TeamsAppInstallation.ReadWriteSelfForUser.All", "TeamsAppInstallation.ReadWriteSelfForTeam.All");

    final Set<String> granted = new HashSet<>(ALL_PERMISSIONS);
    final Set<String> guests = new HashSet<>();
    boolean inCatalog = true;
    int throttleNext;
    Duration throttleRetryAfter = Duration.ofSeconds(1);

    private final Object lock;

    GraphState(Object lock) {
        this.lock = lock;
    }

    /** Grants or revokes an application permission. */
    public void permission(String permission, boolean grant) {
        if (!ALL_PERMISSIONS.contains(permission)) {
            throw new IllegalArgumentException("Unknown permission '" + permission + "'; the fake's Graph knows "
                    + ALL_PERMISSIONS);
        }
        synchronized (lock) {
            if (grant) {
                granted.add(permission);
            } else {
                granted.remove(permission);
            }
        }
    }

    /** Puts the bot's app in the catalog or takes it out. */
    public void inCatalog(boolean inCatalog) {
        synchronized (lock) {
            this.inCatalog = inCatalog;
        }
    }

    /** Marks a user (by Teams id) as a guest of the tenant. */
    public void guest(String userId) {
        synchronized (lock) {
            guests.add(userId);
        }
    }

    /** Answers the next {@code n} Graph requests with 429 and {@code Retry-After}. */
    public void throttle(int n, Duration retryAfter) {
        synchronized (lock) {
            this.throttleNext = n;
            this.throttleRetryAfter = retryAfter;
        }
    }
}
