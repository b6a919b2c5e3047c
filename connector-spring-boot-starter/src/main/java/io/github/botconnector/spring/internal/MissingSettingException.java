package io.github.botconnector.spring.internal;

/** A {@code botconnector.*} setting is missing or wrong; {@link MissingSettingAnalyzer} turns it into a report. */
public final class MissingSettingException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String action;

    /**
     * The failure.
     *
     * @param message what is missing or wrong, naming the property
     * @param action  what to set
     */
    public MissingSettingException(String message, String action) {
        super(message + ". " + action);
        this.action = action;
    }

    /** What to set. */
    public String action() {
        return action;
    }
}
