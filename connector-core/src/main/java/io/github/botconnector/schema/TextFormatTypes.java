package io.github.botconnector.schema;

/** Text format values ({@link Activity#textFormat()}). Plain strings, so values the SDK does not know still parse. */
public final class TextFormatTypes {

    /** {@code markdown} */
    public static final String MARKDOWN = "markdown";

    /** {@code plain} */
    public static final String PLAIN = "plain";

    /** {@code xml} */
    public static final String XML = "xml";

    private TextFormatTypes() {
    }
}
