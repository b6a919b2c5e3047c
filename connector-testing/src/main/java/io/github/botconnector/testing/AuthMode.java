package io.github.botconnector.testing;

/** How the fake checks the {@code Authorization} header of Bot Connector calls. */
public enum AuthMode {
    /** No check. */
    NONE,
    /**
     * Any {@code Authorization: Bearer <something>} is accepted; a missing header gets 401
     * {@code {"message":"Authorization has been denied for this request."}}.
     */
    BEARER_PRESENT,
    /**
     * Only tokens issued by the fake's own token endpoint are accepted: RS256 signature with the fake's key,
     * audience {@code https://api.botframework.com}, {@code appid} = the bot, not expired (on the fake's clock).
     */
    STRICT
}
