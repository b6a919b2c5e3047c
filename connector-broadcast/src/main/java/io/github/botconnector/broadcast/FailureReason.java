package io.github.botconnector.broadcast;

/** Why a recipient ended {@link DeliveryState#FAILED}, with what to do about it. None of these is retried. */
public enum FailureReason {
    /** The user blocked the bot (403 {@code MessageWritesBlocked}). */
    BLOCKED("the user blocked the bot: stop messaging them until they unblock it"),
    /** The app was removed from the conversation (403 {@code BotNotInConversationRoster}). */
    APP_REMOVED("the app was removed: drop the reference and wait for a new install"),
    /** The app is not installed for the user, so no 1:1 chat can be created. */
    NOT_INSTALLED("install the app for the user (Microsoft Graph proactive install), then send again"),
    /** The tenant's admin blocked the app (403 {@code BotDisabledByAdmin}). */
    DISABLED_BY_ADMIN("ask the tenant's admin to allow the app; stop sending to the tenant until then"),
    /** The conversation lives in another Teams environment than the stored service URL (403 {@code InvalidBotApiHost}). */
    WRONG_SERVICE_URL("update the stored service URL to the host Teams names in the error, then send again"),
    /** The conversation or user does not exist (404). */
    NOT_FOUND("drop the reference: the conversation or user no longer exists"),
    /** Teams refused the request as malformed or too large (400, 413). */
    BAD_REQUEST("fix the message or the recipient: Teams refused the request"),
    /** The bot's token was refused (401) or the app may not send here (403). */
    UNAUTHORIZED("check the bot's app id, secret, tenant and cloud"),
    /** The recipient's service URL is not a trusted Bot Connector host; no token was sent. */
    UNTRUSTED_HOST("drop the reference or add its host to the client's trusted hosts"),
    /** The job's expiry passed before the recipient could be reached. */
    EXPIRED("submit a new job if the message is still relevant"),
    /** The user is on the opt-out list. */
    OPTED_OUT("none: the user asked not to receive these messages"),
    /** Transient failures (429, 412, 502–504, 500 on a create, connection failures) used up the attempt budget. */
    RETRIES_EXHAUSTED("submit a new job for these recipients later"),
    /** The service failed with 500 on a request that changes nothing; not retried, as Teams advises. */
    SERVICE_ERROR("report the request id to Microsoft; submit again later");

    private final String remedy;

    FailureReason(String remedy) {
        this.remedy = remedy;
    }

    /** What to do about it, one sentence. */
    public String remedy() {
        return remedy;
    }
}
