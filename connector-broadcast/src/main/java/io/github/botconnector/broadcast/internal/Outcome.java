package io.github.botconnector.broadcast.internal;

import io.github.botconnector.exception.BlockedByUserException;
import io.github.botconnector.exception.ConnectorException;
import io.github.botconnector.exception.BotDisabledByAdminException;
import io.github.botconnector.exception.BotNotInConversationRosterException;
import io.github.botconnector.exception.BotNotInstalledException;
import io.github.botconnector.exception.ConnectorResponseException;
import io.github.botconnector.exception.InvalidBotApiHostException;
import io.github.botconnector.exception.NotFoundException;
import io.github.botconnector.exception.UnauthorizedException;
import io.github.botconnector.exception.UntrustedHostException;
import io.github.botconnector.broadcast.FailureReason;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What a failed request means for its recipient: final (with a reason), possibly delivered, or worth another try
 * (and whether the service throttled). Teams' rules: 429, 412, 502, 503, 504 and failures before the request was
 * written are transient; 500 is not retried; 4xx are final.
 *
 * @param kind       the class of outcome
 * @param reason     for {@link Kind#FINAL}
 * @param retryAfter the service's {@code Retry-After} for a 429, else {@code null}
 * @param detail     status, error code and request id of the last error
 */
public record Outcome(Kind kind, FailureReason reason, Duration retryAfter, String detail) {

    /** The class of outcome. */
    public enum Kind {
        /** Not delivered, never retried. */
        FINAL,
        /** May have been delivered. */
        POSSIBLY_DELIVERED,
        /** Try again later. */
        TRANSIENT,
        /** Answered 429: try again after {@code retryAfter}, and slow down. */
        THROTTLED,
        /** For an update or recall: the message is already gone, nothing to do. */
        ALREADY_DONE
    }

    /**
     * Classifies a failure.
     *
     * @param error      what the request failed with
     * @param creates    whether the request created a conversation (idempotent on Teams; 403 means not installed)
     * @param idempotent whether repeating the request is harmless (update, delete, create)
     * @param deletes    whether the request deleted a message (404 means already deleted)
     */
    public static Outcome of(Throwable error, boolean creates, boolean idempotent, boolean deletes) {
        Throwable e = unwrap(error);
        String detail = detail(e);
        if (e instanceof UntrustedHostException) {
            return new Outcome(Kind.FINAL, FailureReason.UNTRUSTED_HOST, null, detail);
        }
        if (e instanceof ConnectorResponseException r) {
            int status = r.statusCode();
            if (status == 429) {
                return new Outcome(Kind.THROTTLED, null, r.retryAfter(), detail);
            }
            if (status == 412 || status == 502 || status == 503 || status == 504) {
                return new Outcome(Kind.TRANSIENT, null, null, detail);
            }
            if (status == 500) {
                return creates || idempotent ? new Outcome(Kind.TRANSIENT, null, null, detail)
                        : new Outcome(Kind.FINAL, FailureReason.SERVICE_ERROR, null, detail);
            }
            if (deletes && e instanceof NotFoundException) {
                return new Outcome(Kind.ALREADY_DONE, null, null, detail);
            }
            return new Outcome(Kind.FINAL, reasonFor(r, creates), null, detail);
        }
        if (e instanceof ConnectorException b && b.possiblyDelivered() && !idempotent) {
            return new Outcome(Kind.POSSIBLY_DELIVERED, null, null, detail);
        }
        if (e instanceof IllegalArgumentException) {
            return new Outcome(Kind.FINAL, FailureReason.BAD_REQUEST, null, detail);
        }
        // token failures, connection failures before the request was written, idempotent requests
        return new Outcome(Kind.TRANSIENT, null, null, detail);
    }

    private static FailureReason reasonFor(ConnectorResponseException r, boolean creates) {
        if (r instanceof BlockedByUserException) {
            return FailureReason.BLOCKED;
        }
        if (r instanceof BotNotInConversationRosterException) {
            return FailureReason.APP_REMOVED;
        }
        if (r instanceof BotNotInstalledException) {
            return FailureReason.NOT_INSTALLED;
        }
        if (r instanceof BotDisabledByAdminException) {
            return FailureReason.DISABLED_BY_ADMIN;
        }
        if (r instanceof InvalidBotApiHostException) {
            return FailureReason.WRONG_SERVICE_URL;
        }
        if (r instanceof UnauthorizedException) {
            return FailureReason.UNAUTHORIZED;
        }
        if (r instanceof NotFoundException || r.statusCode() == 404) {
            return FailureReason.NOT_FOUND;
        }
        if (r.statusCode() == 403) {
            return creates ? FailureReason.NOT_INSTALLED : FailureReason.UNAUTHORIZED;
        }
        return FailureReason.BAD_REQUEST;
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String detail(Throwable e) {
        if (e instanceof ConnectorResponseException r) {
            return r.statusCode() + (r.errorCode() == null ? "" : " " + r.errorCode())
                    + (r.requestId() == null ? "" : " request " + r.requestId());
        }
        String message = e.getMessage();
        if (message != null && message.length() > 300) {
            message = message.substring(0, 300) + "...";
        }
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
