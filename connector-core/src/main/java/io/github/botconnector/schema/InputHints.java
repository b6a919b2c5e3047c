package io.github.botconnector.schema;

/** Input hint values ({@link Activity#inputHint()}). Plain strings, so values the SDK does not know still parse. */
public final class InputHints {

    /** {@code acceptingInput} */
    public static final String ACCEPTING_INPUT = "acceptingInput";

    /** {@code ignoringInput} */
    public static final String IGNORING_INPUT = "ignoringInput";

    /** {@code expectingInput} */
    public static final String EXPECTING_INPUT = "expectingInput";

    private InputHints() {
    }
}
