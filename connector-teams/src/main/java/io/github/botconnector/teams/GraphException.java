package io.github.botconnector.teams;

import io.github.botconnector.exception.ConnectorException;
import java.time.Duration;

/**
 * Microsoft Graph refused or could not do a Teams app lifecycle call of {@link GraphClient}. {@link #reason()} says
 * which case it is and the message says what to do: grant the named application permission
 * ({@link #requiredPermission()}), publish the app to the org catalog (a new org app can take hours to appear),
 * check the user, or wait after throttling. Carries the HTTP status, Graph's error code and message, the
 * {@code request-id} to quote to Microsoft support, the attempts made and the {@code Retry-After} Graph asked for.
 */
public class GraphException extends ConnectorException {

    private static final long serialVersionUID = 1L;

    /** Which failure this is. */
    public enum Reason {
        /** The app lacks an application permission (admin consent missing): see {@link #requiredPermission()}. */
        PERMISSION_MISSING,
        /** No app with the manifest id is in the tenant's app catalog (not published, or published recently). */
        APP_NOT_IN_CATALOG,
        /** No user with that UPN, e-mail address or object id in the tenant. */
        USER_NOT_FOUND,
        /** The user cannot get Teams apps installed by a bot: a guest, or a user without Teams. */
        UNSUPPORTED_USER,
        /** Graph throttled the app (429) and retries did not get through. */
        THROTTLED,
        /** Graph rejected the token (401): wrong tenant, cloud or scope, or admin consent missing. */
        UNAUTHORIZED,
        /** The resource (installation, team) was not found. */
        NOT_FOUND,
        /** Any other Graph failure. */
        SERVICE_ERROR
    }

    private final Reason reason;
    private final String method;
    private final String path;
    private final int statusCode;
    private final String errorCode;
    private final String serviceMessage;
    private final String requestId;
    private final int attempts;
    private final transient Duration retryAfter;
    private final String requiredPermission;

    /**
     * Creates the exception.
     *
     * @param reason             the case
     * @param method             HTTP method of the request
     * @param path               encoded path of the request (no host, no query)
     * @param statusCode         HTTP status (200 when a lookup answered without a match)
     * @param errorCode          Graph's error code ({@code Forbidden}, {@code Authorization_RequestDenied}, ...) or
     *                           {@code null}
     * @param serviceMessage     Graph's error message or {@code null}
     * @param requestId          Graph's {@code request-id}, or {@code null}
     * @param attempts           attempts made, retries included
     * @param retryAfter         the {@code Retry-After} Graph sent, or {@code null}
     * @param requiredPermission the application permission the call needs, or {@code null}
     * @param remedy             what to do, appended to the message
     */
    public GraphException(Reason reason, String method, String path, int statusCode, String errorCode,
                          String serviceMessage, String requestId, int attempts, Duration retryAfter,
                          String requiredPermission, String remedy) {
        super(message(reason, method, path, statusCode, errorCode, serviceMessage, requestId, attempts, retryAfter,
                remedy));
        this.reason = reason;
        this.method = method;
        this.path = path;
        this.statusCode = statusCode;
        this.errorCode = errorCode;
        this.serviceMessage = serviceMessage;
        this.requestId = requestId;
        this.attempts = attempts;
        this.retryAfter = retryAfter;
        this.requiredPermission = requiredPermission;
    }

    private static String message(Reason reason, String method, String path, int status, String code, String msg,
                                  String requestId, int attempts, Duration retryAfter, String remedy) {
        StringBuilder sb = new StringBuilder("Microsoft Graph ").append(method).append(' ').append(path).append(": ")
                .append(reason).append(" (HTTP ").append(status);
        if (code != null) {
            sb.append(' ').append(code);
        }
        if (msg != null && !msg.isBlank()) {
            sb.append(": ").append(msg);
        }
        sb.append("; attempts: ").append(attempts);
        if (requestId != null) {
            sb.append(", request-id: ").append(requestId);
        }
        if (retryAfter != null) {
            sb.append(", Retry-After: ").append(retryAfter.toSeconds()).append(" s");
        }
        sb.append(").");
        if (remedy != null) {
            sb.append(' ').append(remedy);
        }
        return sb.toString();
    }

    /**
     * Which failure this is.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    /**
     * HTTP method of the request.
     *
     * @return the method
     */
    public String method() {
        return method;
    }

    /**
     * Encoded path of the request, without host and query.
     *
     * @return the path
     */
    public String path() {
        return path;
    }

    /**
     * HTTP status (200 when a lookup answered but found nothing).
     *
     * @return the status
     */
    public int statusCode() {
        return statusCode;
    }

    /**
     * Graph's error code, or {@code null}.
     *
     * @return the code
     */
    public String errorCode() {
        return errorCode;
    }

    /**
     * Graph's error message, or {@code null}.
     *
     * @return the message
     */
    public String serviceMessage() {
        return serviceMessage;
    }

    /**
     * Graph's {@code request-id} (response header or {@code innerError}), or {@code null}.
     *
     * @return the request id
     */
    public String requestId() {
        return requestId;
    }

    /**
     * Attempts made, retries included.
     *
     * @return the attempts
     */
    public int attempts() {
        return attempts;
    }

    /**
     * The {@code Retry-After} Graph asked for, or {@code null}.
     *
     * @return the delay
     */
    public Duration retryAfter() {
        return retryAfter;
    }

    /**
     * The application permission the call needs (for example
     * {@code TeamsAppInstallation.ReadWriteSelfForUser.All}), or {@code null}.
     *
     * @return the permission
     */
    public String requiredPermission() {
        return requiredPermission;
    }
}
