package io.github.botconnector.schema;

/** Importance values ({@link Activity#importance()}). Plain strings, so values the SDK does not know still parse. */
public final class ActivityImportance {

    /** {@code low} */
    public static final String LOW = "low";

    /** {@code normal} */
    public static final String NORMAL = "normal";

    /** {@code high} */
    public static final String HIGH = "high";

    private ActivityImportance() {
    }
}
