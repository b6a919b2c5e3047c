package io.github.botconnector.exception;

import java.util.Objects;

/**
 * An inbound request was not authenticated or not allowed. {@link #statusCode()} is the HTTP status to answer:
 * 401 (add {@code WWW-Authenticate: Bearer}) when the token is missing or not valid, 403 when the token is authentic
 * but not allowed for the activity (signing key not endorsed for its channel), 503 when the channel signing keys
 * could not be loaded yet. Keep response bodies generic; {@link #reason()} and {@link #getMessage()} are for logs
 * (they name the key id, issuer, audience, channel and service URL host, never the token).
 */
public class InboundAuthenticationException extends ConnectorException {

    private static final long serialVersionUID = 1L;

    /** Why a request was refused, with the HTTP status it maps to. */
    public enum Reason {
        /** No {@code Authorization} header. */
        MISSING_HEADER(401),
        /** The header is not exactly {@code Bearer <token>}. */
        MALFORMED_HEADER(401),
        /** The token is longer than the accepted maximum. */
        TOKEN_TOO_LARGE(401),
        /** The token is not a well-formed signed JWT (or a claim has the wrong type). */
        MALFORMED_TOKEN(401),
        /** The token is unsigned or not signed with RS256. */
        UNSUPPORTED_ALGORITHM(401),
        /** The token header has no {@code kid}. */
        MISSING_KEY_ID(401),
        /** The token header carries {@code crit} parameters. */
        CRITICAL_HEADER(401),
        /** The issuer is not the channel issuer of the configured cloud. */
        UNTRUSTED_ISSUER(401),
        /** No key with the token's {@code kid} is in the channel key document. */
        UNKNOWN_KEY(401),
        /** The signature does not verify with the key named by {@code kid}. */
        BAD_SIGNATURE(401),
        /** {@code exp} is missing. */
        MISSING_EXPIRY(401),
        /** Expired (beyond the clock skew). */
        EXPIRED(401),
        /** Not valid yet (beyond the clock skew). */
        NOT_YET_VALID(401),
        /** The audience is not exactly the bot's app id. */
        BAD_AUDIENCE(401),
        /** An Emulator token was not issued to the bot's app id ({@code appid}/{@code azp}). */
        APP_ID_MISMATCH(401),
        /** The {@code serviceurl} claim is missing. */
        MISSING_SERVICE_URL(401),
        /** The {@code serviceurl} claim differs from the activity's service URL. */
        SERVICE_URL_MISMATCH(401),
        /** The activity has no channel id. */
        MISSING_CHANNEL_ID(403),
        /** The signing key has no endorsements. */
        KEY_NOT_ENDORSED(403),
        /** The signing key is not endorsed for the activity's channel. */
        CHANNEL_NOT_ENDORSED(403),
        /** The channel signing keys could not be loaded and no earlier copy is usable. */
        KEYS_UNAVAILABLE(503);

        private final int statusCode;

        Reason(int statusCode) {
            this.statusCode = statusCode;
        }

        /**
         * The HTTP status this reason maps to.
         *
         * @return 401, 403 or 503
         */
        public int statusCode() {
            return statusCode;
        }
    }

    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason  why the request was refused
     * @param message details for logs (never a token)
     * @param cause   the underlying failure, or {@code null}
     */
    public InboundAuthenticationException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Why the request was refused.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    /**
     * The HTTP status to answer: 401, 403 or 503.
     *
     * @return the status
     */
    public int statusCode() {
        return reason.statusCode();
    }

    /**
     * Whether this is a 403: the token is authentic but not allowed for the activity.
     *
     * @return {@code true} for 403
     */
    public boolean isForbidden() {
        return reason.statusCode() == 403;
    }
}
