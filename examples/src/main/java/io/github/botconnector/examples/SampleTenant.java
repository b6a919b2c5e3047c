package io.github.botconnector.examples;

import io.github.botconnector.testing.AuthMode;
import io.github.botconnector.testing.FakeConnector;
import io.github.botconnector.testing.TenantSpec;

/**
 * The Contoso tenant the examples run against when no Teams settings are given: an embedded fake connector with
 * strict authentication (only tokens from its own token endpoint are accepted, as in Teams).
 *
 * <ul>
 *   <li>Adele Vance, Alex Wilber and Lee Gu and the team "Contoso Operations" of the shared fixtures;</li>
 *   <li>the team "Contoso Field Service" (General, Dispatch, Announcements) with the bot installed and ten members;</li>
 *   <li>Megan Bowen, who has the app installed (by her admin) but never wrote to the bot;</li>
 *   <li>Alex Wilber and Pradeep Gupta, who install the app during the demo (one blocks the bot later, the other
 *       uninstalls the app);</li>
 *   <li>Lee Gu, who never has the app.</li>
 * </ul>
 */
public final class SampleTenant {

    /** The team whose members get a message each. */
    public static final String FIELD_SERVICE_TEAM = "Contoso Field Service";
    /** The channel the examples start a thread in. */
    public static final String DISPATCH_CHANNEL = "Dispatch";
    /** A user with the app installed who never wrote to the bot. */
    public static final String NEW_USER = "Megan Bowen";
    /** The user who installs the app at the start of the demo. */
    public static final String INSTALLER = "Adele Vance";
    /** A user who installs the app and then blocks the bot. */
    public static final String BLOCKING_USER = "Alex Wilber";
    /** A user who installs the app and later uninstalls it. */
    public static final String UNINSTALLED_USER = "Pradeep Gupta";
    /** A user who never had the app. */
    public static final String USER_WITHOUT_APP = "Lee Gu";

    private static final String[] FIELD_SERVICE_STAFF = {
        "Nestor Wilke", "Patti Fernandez", "Diego Siciliani", "Isaiah Langer", "Johanna Lorenz", "Lidia Holloway",
        "Lynne Robbins", "Miriam Graham"};

    private SampleTenant() {
    }

    /** Starts the fake connector with the sample tenant on a free loopback port. */
    public static FakeConnector startFakeConnector() {
        return FakeConnector.builder()
                .auth(AuthMode.STRICT)
                .contoso(SampleTenant::addPeopleAndTeams)
                .start();
    }

    /**
     * Adds the sample users and the field service team to the fixtures' Contoso tenant; for a fake built elsewhere,
     * for example {@code FakeConnectorExtension.builder().contoso(SampleTenant::addPeopleAndTeams)}.
     */
    public static void addPeopleAndTeams(TenantSpec tenant) {
        tenant.user(NEW_USER, user -> user.botInstalled());
        tenant.user(UNINSTALLED_USER);
        for (String name : FIELD_SERVICE_STAFF) {
            tenant.user(name);
        }
        tenant.team(FIELD_SERVICE_TEAM, team -> team
                .channel(DISPATCH_CHANNEL)
                .channel("Announcements")
                .members(INSTALLER, NEW_USER)
                .members(FIELD_SERVICE_STAFF)
                .botInstalled());
    }
}
