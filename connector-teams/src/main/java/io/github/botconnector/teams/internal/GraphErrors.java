package io.github.botconnector.teams.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.botconnector.exception.ConnectorResponseException;
import io.github.botconnector.teams.GraphException;
import io.github.botconnector.teams.GraphException.Reason;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * Turns a Graph error answer ({@code {"error":{"code","message","innerError":{"request-id"}}}}) into a
 * {@link GraphException} with the reason and the remedy. The answer arrives as the
 * {@link ConnectorResponseException} of the raw request that carried it, whose status, code, message, request id and
 * body are Graph's. Not public API.
 */
final class GraphErrors {

    private GraphErrors() {
    }

    static GraphException map(String method, HttpUrl url, ConnectorResponseException answer, String permission) {
        int status = answer.statusCode();
        String code = answer.errorCode();
        String message = answer.serviceMessage();
        String requestId = answer.requestId() != null ? answer.requestId() : innerRequestId(answer.rawBody());
        String text = ((code == null ? "" : code) + " " + (message == null ? "" : message)).toLowerCase(Locale.ROOT);
        String path = url.encodedPath();
        boolean userCall = path.contains("/users/");
        Reason reason;
        String remedy;
        String needed = null;
        if (status == 429) {
            reason = Reason.THROTTLED;
            remedy = "Graph throttled the app and the retries allowed by the RetryPolicy did not get through; wait for"
                    + " the Retry-After, then try again (Graph limits are separate from the Bot Connector's).";
        } else if (status == 401) {
            reason = Reason.UNAUTHORIZED;
            remedy = "Graph rejected the token: check that the token is for this cloud's Graph scope and the user's"
                    + " tenant (a multi-tenant app needs admin consent in the customer tenant).";
        } else if (status == 403 && isPermissionError(text)) {
            reason = Reason.PERMISSION_MISSING;
            needed = permission;
            remedy = "Grant the application permission " + permission + " to the app registration (API permissions,"
                    + " Microsoft Graph, Application permissions) and have an admin of the tenant consent to it.";
        } else if (status == 403 && userCall) {
            reason = Reason.UNSUPPORTED_USER;
            remedy = "Graph does not let the app install Teams apps for this user: guests and users without a Teams"
                    + " license or with Teams disabled cannot be reached proactively.";
        } else if (status == 404 && userCall && !path.contains("/installedApps/")) {
            reason = Reason.USER_NOT_FOUND;
            remedy = "No such user in the tenant: check the object id, UPN or e-mail address and the tenant id.";
        } else if (status == 404) {
            reason = Reason.NOT_FOUND;
            remedy = "Check the id; an installation disappears when the user or an admin removes the app.";
        } else {
            reason = Reason.SERVICE_ERROR;
            remedy = "Graph failed; retry later and quote the request-id to Microsoft support if it persists.";
        }
        return new GraphException(reason, method, path, status, code, message, requestId, answer.attempts(),
                answer.retryAfter(), needed, remedy);
    }

    /** Graph's wording for a missing role (application permission) or consent. */
    private static boolean isPermissionError(String text) {
        return text.contains("authorization_requestdenied") || text.contains("insufficient privileges")
                || text.contains("missing role") || text.contains("permission") || text.contains("consent");
    }

    private static String innerRequestId(String raw) {
        JsonNode tree = JsonTrees.read(raw);
        JsonNode id = tree == null ? null : tree.path("error").path("innerError").path("request-id");
        return id != null && id.isTextual() ? id.asText() : null;
    }
}
