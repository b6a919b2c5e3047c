package io.github.botconnector.schema;

/** Channel id values ({@link Activity#channelId()}). Plain strings, so values the SDK does not know still parse. */
public final class Channels {

    /** {@code msteams} */
    public static final String MSTEAMS = "msteams";

    /** {@code webchat} */
    public static final String WEBCHAT = "webchat";

    /** {@code directline} */
    public static final String DIRECTLINE = "directline";

    /** {@code emulator} */
    public static final String EMULATOR = "emulator";

    /** {@code test} */
    public static final String TEST = "test";

    private Channels() {
    }
}
