package io.github.botconnector.teams;

import io.github.botconnector.teams.internal.TeamsHttp;

/** Test access to the package-private factory of {@link TeamsClient}. */
public final class TeamsClientAccess {

    private TeamsClientAccess() {
    }

    /** {@code TeamsClient.over(http)}. */
    public static TeamsClient over(TeamsHttp http) {
        return TeamsClient.over(http);
    }
}
