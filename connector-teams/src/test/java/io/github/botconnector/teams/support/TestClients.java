package io.github.botconnector.teams.support;

import io.github.botconnector.teams.TeamsClient;
import io.github.botconnector.teams.TeamsClientAccess;

/** Teams clients for tests, bound to a mock server's URL. */
public final class TestClients {

    private TestClients() {
    }

    /** A Teams client whose requests go to {@code serviceUrl}. */
    public static TeamsClient teams(String serviceUrl) {
        return TeamsClientAccess.over(new PlainTeamsHttp(serviceUrl));
    }
}
