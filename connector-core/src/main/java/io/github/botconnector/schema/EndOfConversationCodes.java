package io.github.botconnector.schema;

/** End-of-conversation code values ({@link Activity#code()}). Plain strings, so values the SDK does not know still parse. */
public final class EndOfConversationCodes {

    /** {@code unknown} */
    public static final String UNKNOWN = "unknown";

    /** {@code completedSuccessfully} */
    public static final String COMPLETED_SUCCESSFULLY = "completedSuccessfully";

    /** {@code userCancelled} */
    public static final String USER_CANCELLED = "userCancelled";

    /** {@code botTimedOut} */
    public static final String BOT_TIMED_OUT = "botTimedOut";

    /** {@code botIssuedInvalidMessage} */
    public static final String BOT_ISSUED_INVALID_MESSAGE = "botIssuedInvalidMessage";

    /** {@code channelFailed} */
    public static final String CHANNEL_FAILED = "channelFailed";

    private EndOfConversationCodes() {
    }
}
