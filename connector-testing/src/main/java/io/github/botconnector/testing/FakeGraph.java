package io.github.botconnector.testing;

import io.github.botconnector.testing.internal.GraphState;
import java.time.Duration;
import java.util.Objects;

/**
 * The fake's Microsoft Graph, for tests of proactive installation: by default the bot's app is in the tenant
 * catalog and holds every application permission it needs ({@code User.Read.All}, {@code AppCatalog.Read.All},
 * {@code TeamsAppInstallation.ReadWriteSelfForUser.All}, {@code TeamsAppInstallation.ReadWriteSelfForTeam.All}).
 * Change that to see how code copes, the way Graph answers:
 *
 * <pre>{@code
 * fake.graph().revokePermission("TeamsAppInstallation.ReadWriteSelfForUser.All");  // 403 Forbidden, missing role
 * fake.graph().removeAppFromCatalog();                                              // catalog lookups find nothing
 * fake.graph().markGuest(fake.user("Lee Gu"));                                      // Guest; installs refused 403
 * fake.graph().throttle(2, Duration.ofSeconds(3));                                  // 429 TooManyRequests
 * }</pre>
 *
 * Routes (under {@link FakeConnector#graphUrl()}): user lookup by UPN or mail ({@code GET users?$filter=...}) or id
 * ({@code GET users/{id}}), the app catalog, a user's installed apps, install for a user (201, then 409 when
 * installed), the installation's chat ({@code 19:<objectId>_<botAppId>@unq.gbl.spaces}, which the fake's Bot
 * Connector accepts as the 1:1 conversation id), and install in a team. After an install through Graph the fake
 * posts the install event to the bot's endpoint, as Teams does. Thread-safe.
 */
public final class FakeGraph {

    private final GraphState state;

    FakeGraph(GraphState state) {
        this.state = state;
    }

    /**
     * Revokes an application permission: calls that need it get 403 {@code Forbidden} "Missing role permissions".
     *
     * @param permission for example {@code TeamsAppInstallation.ReadWriteSelfForUser.All}
     * @return this
     */
    public FakeGraph revokePermission(String permission) {
        state.permission(Objects.requireNonNull(permission, "permission"), false);
        return this;
    }

    /**
     * Grants an application permission again.
     *
     * @param permission the permission
     * @return this
     */
    public FakeGraph grantPermission(String permission) {
        state.permission(Objects.requireNonNull(permission, "permission"), true);
        return this;
    }

    /**
     * Takes the bot's app out of the tenant catalog (as before it is published, or while a new org app is not yet
     * visible to Graph).
     *
     * @return this
     */
    public FakeGraph removeAppFromCatalog() {
        state.inCatalog(false);
        return this;
    }

    /**
     * Puts the bot's app back in the catalog.
     *
     * @return this
     */
    public FakeGraph publishApp() {
        state.inCatalog(true);
        return this;
    }

    /**
     * Makes a user a guest of its tenant: {@code userType Guest}, and installing the app for them answers 403.
     *
     * @param user the user
     * @return this
     */
    public FakeGraph markGuest(FakeUser user) {
        state.guest(Objects.requireNonNull(user, "user").id());
        return this;
    }

    /**
     * Answers the next {@code requests} Graph requests with 429 {@code TooManyRequests} and {@code Retry-After}.
     *
     * @param requests   how many
     * @param retryAfter the delay to ask for (whole seconds)
     * @return this
     */
    public FakeGraph throttle(int requests, Duration retryAfter) {
        if (requests < 1) {
            throw new IllegalArgumentException("requests must be at least 1, got " + requests);
        }
        state.throttle(requests, Objects.requireNonNull(retryAfter, "retryAfter"));
        return this;
    }
}
