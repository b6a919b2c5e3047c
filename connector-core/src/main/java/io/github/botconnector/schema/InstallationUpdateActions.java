package io.github.botconnector.schema;

/** Action values of {@code installationUpdate} activities ({@link Activity#action()}). Plain strings, so values the SDK does not know still parse. */
public final class InstallationUpdateActions {

    /** {@code add} */
    public static final String ADD = "add";

    /** {@code remove} */
    public static final String REMOVE = "remove";

    /** {@code add-upgrade} */
    public static final String ADD_UPGRADE = "add-upgrade";

    /** {@code remove-upgrade} */
    public static final String REMOVE_UPGRADE = "remove-upgrade";

    private InstallationUpdateActions() {
    }
}
