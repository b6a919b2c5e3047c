package io.github.botconnector.exception;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * The Bot Connector service answered with an error status (after any retries). Carries the status, the service's
 * error code and message (parsed from every known body shape), the request and correlation ids to quote to Microsoft
 * support, the number of attempts, the {@code Retry-After} the service asked for and the raw body. Subclasses name
 * the failures a bot must handle: {@link BotNotInConversationRosterException}, {@link BlockedByUserException},
 * {@link BotNotInstalledException}, {@link BotDisabledByAdminException}, {@link InvalidBotApiHostException},
 * {@link NotFoundException} ({@link ConversationNotFoundException}), {@link ThrottledException},
 * {@link UnauthorizedException} and {@link PayloadTooLargeException}. Serializable with all its details.
 */
public class ConnectorResponseException extends ConnectorException {

    private static final long serialVersionUID = 1L;

    /**
     * What the service answered.
     *
     * @param method         HTTP method of the request
     * @param path           encoded path of the request (no host, no query)
     * @param statusCode     HTTP status
     * @param errorCode      service error code ({@code ConversationNotFound}, {@code MessageWritesBlocked}, ...) or
     *                       {@code null}
     * @param serviceMessage the service's message, or the start of a non-JSON body, or {@code null}
     * @param requestId      {@code x-ms-request-id} response header ({@code request-id} from services that name it
     *                       so, such as Microsoft Graph), or {@code null}
     * @param correlationId  {@code MS-CV} or {@code X-Correlating-OperationId} response header, or {@code null}
     * @param attempts       attempts made, retries included
     * @param retryAfter     the {@code Retry-After} the service sent, or {@code null}
     * @param rawBody        the response body as text (possibly truncated), or {@code ""}
     */
    public record Details(String method, String path, int statusCode, String errorCode, String serviceMessage,
                          String requestId, String correlationId, int attempts, Duration retryAfter, String rawBody)
            implements Serializable {

        private static final long serialVersionUID = 1L;

        public Details {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(path, "path");
            rawBody = rawBody == null ? "" : rawBody;
        }
    }

    /** Serialized with the exception, so {@link #details()} still answers after a round trip (a record: safe). */
    private final Details details;

    /**
     * Creates the exception.
     *
     * @param details what the service answered
     * @param hint    what the caller should do, appended to the message (may be {@code null})
     */
    public ConnectorResponseException(Details details, String hint) {
        super(message(details, hint));
        this.details = details;
    }

    private static String message(Details d, String hint) {
        StringBuilder sb = new StringBuilder();
        sb.append(d.method()).append(' ').append(d.path()).append(" failed with HTTP ").append(d.statusCode());
        if (d.errorCode() != null) {
            sb.append(' ').append(d.errorCode());
        }
        if (d.serviceMessage() != null && !d.serviceMessage().isBlank()) {
            sb.append(": ").append(d.serviceMessage());
        }
        sb.append(" (attempts: ").append(d.attempts());
        if (d.requestId() != null) {
            sb.append(", x-ms-request-id: ").append(d.requestId());
        }
        if (d.correlationId() != null) {
            sb.append(", correlation id: ").append(d.correlationId());
        }
        if (d.retryAfter() != null) {
            sb.append(", Retry-After: ").append(d.retryAfter().toSeconds()).append(" s");
        }
        sb.append(").");
        if (hint != null && !hint.isBlank()) {
            sb.append(' ').append(hint);
        }
        return sb.toString();
    }

    /** Everything the service answered. */
    public Details details() {
        return details;
    }

    /** HTTP status code. */
    public int statusCode() {
        return details.statusCode();
    }

    /** Service error code ({@code ConversationNotFound}, {@code MessageWritesBlocked}, ...) or {@code null}. */
    public String errorCode() {
        return details.errorCode();
    }

    /** The service's error message, or {@code null}. */
    public String serviceMessage() {
        return details.serviceMessage();
    }

    /** The {@code x-ms-request-id} response header ({@code request-id} from Microsoft Graph), or {@code null}. */
    public String requestId() {
        return details.requestId();
    }

    /** The {@code MS-CV} or {@code X-Correlating-OperationId} response header, or {@code null}. */
    public String correlationId() {
        return details.correlationId();
    }

    /** Attempts made, retries included. */
    public int attempts() {
        return details.attempts();
    }

    /** The delay the service asked for in {@code Retry-After}, or {@code null}. */
    public Duration retryAfter() {
        return details.retryAfter();
    }

    /** The response body as text (possibly truncated), never {@code null}. */
    public String rawBody() {
        return details.rawBody();
    }

    /** HTTP method of the failed request. */
    public String method() {
        return details.method();
    }

    /** Encoded path of the failed request. */
    public String path() {
        return details.path();
    }
}
