package io.github.botconnector.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import io.github.botconnector.exception.BlockedByUserException;
import io.github.botconnector.exception.BotDisabledByAdminException;
import io.github.botconnector.exception.BotNotInConversationRosterException;
import io.github.botconnector.exception.BotNotInstalledException;
import io.github.botconnector.exception.ConnectorResponseException;
import io.github.botconnector.exception.ConnectorResponseException.Details;
import io.github.botconnector.exception.ConversationNotFoundException;
import io.github.botconnector.exception.InvalidBotApiHostException;
import io.github.botconnector.exception.NotFoundException;
import io.github.botconnector.exception.PayloadTooLargeException;
import io.github.botconnector.exception.ThrottledException;
import io.github.botconnector.exception.UnauthorizedException;
import io.github.botconnector.auth.AccessToken;
import io.github.botconnector.auth.BotCloud;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Turns an error response into the matching {@link ConnectorResponseException}. Body shapes, in order:
 * {@code {"error":{"code","message"}}}; Teams' {@code {"errorCode":209,"message":"<JSON text with subCode>"}};
 * {@code {"message":"..."}}; any other text. Codes are matched case-insensitively, ignoring spaces; the exception
 * type is chosen by error code first, then by status. Not public API.
 */
public final class ErrorMapper {

    private static final int MAX_RAW = 64 * 1024;

    private ErrorMapper() {
    }

    /** The parsed error code and message of a body; either may be {@code null}. */
    public record ParsedError(String code, String message) {
    }

    /**
     * Builds the exception for a non-success answer.
     *
     * @param method   HTTP method
     * @param path     encoded path
     * @param status   HTTP status
     * @param headers  response headers
     * @param body     response body
     * @param attempts attempts made
     * @param token    token sent with the last attempt (for 401 diagnostics), or {@code null}
     * @param cloud    the client's cloud (for 401 diagnostics)
     */
    public static ConnectorResponseException map(String method, String path, int status, Headers headers, byte[] body,
                                                 int attempts, AccessToken token, BotCloud cloud, Duration retryAfter) {
        String raw = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        ParsedError parsed = parse(raw);
        String correlation = headers.get("MS-CV") != null ? headers.get("MS-CV") : headers.get("X-Correlating-OperationId");
        // The Bot Connector names its request id x-ms-request-id; Microsoft Graph (through a raw request) request-id.
        String requestId = headers.get("x-ms-request-id") != null ? headers.get("x-ms-request-id")
                : headers.get("request-id");
        Details d = new Details(method, path, status, parsed.code(), parsed.message(), requestId,
                correlation, attempts, retryAfter, raw.length() > MAX_RAW ? raw.substring(0, MAX_RAW) : raw);
        String code = normalize(parsed.code());
        switch (code) {
            case "botnotinconversationroster":
                return new BotNotInConversationRosterException(d, "The app must be installed for the user, chat or"
                        + " team before the bot can message it: install it (for example through Microsoft Graph) and"
                        + " wait for the installationUpdate (or conversationUpdate) activity, then send again.");
            case "conversationblockedbyuser":
            case "messagewritesblocked":
            case "209":
                return new BlockedByUserException(d, "The user blocked or uninstalled the bot: stop sending to this"
                        + " conversation and drop its stored reference until the user interacts with the bot again.");
            case "conversationnotfound":
                return new ConversationNotFoundException(d, "Drop the stored conversation id; create the conversation"
                        + " again (createConversation) if the app is still installed for the user.");
            case "activitynotfoundinconversation":
                return new ConversationNotFoundException(d, "Drop the cached activity id: the message was deleted or"
                        + " never existed in this conversation.");
            case "membernotfoundinconversation":
                return new NotFoundException(d, "The member is not in this conversation; check the member id.");
            case "throttled":
                return new ThrottledException(d, throttledHint());
            case "messagesizetoobig":
                return new PayloadTooLargeException(d, payloadHint());
            case "botdisabledbyadmin":
                return new BotDisabledByAdminException(d, hint(code, status));
            case "invalidbotapihost":
                return invalidBotApiHost(d, cloud);
            case "forbiddenoperationexception":
                if (parsed.message() != null && parsed.message().toLowerCase(Locale.ROOT).contains("installed")) {
                    return new BotNotInstalledException(d, hint(code, status));
                }
                break;
            default:
                break;
        }
        switch (status) {
            case 401:
                return new UnauthorizedException(d, unauthorizedHint(token, cloud));
            case 404:
                return new NotFoundException(d, "Check the ids: the conversation, activity or member may have been"
                        + " deleted, or the service URL may belong to another region or cloud.");
            case 413:
                return new PayloadTooLargeException(d, payloadHint());
            case 429:
                return new ThrottledException(d, throttledHint());
            default:
                return new ConnectorResponseException(d, hint(code, status));
        }
    }

    /** The exception reads the host Teams names from the message; the hint adds the preset when it is another cloud. */
    private static InvalidBotApiHostException invalidBotApiHost(Details d, BotCloud cloud) {
        String url = new InvalidBotApiHostException(d, null).suggestedServiceUrl();
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url);
        if (parsed == null) {
            return new InvalidBotApiHostException(d, hint("invalidbotapihost", d.statusCode()));
        }
        String preset = CloudPresets.presetTrusting(parsed.host().toLowerCase(Locale.ROOT), cloud);
        return new InvalidBotApiHostException(d, "The conversation belongs to another Teams environment: update the"
                + " stored serviceUrl to " + url
                + (preset == null ? "" : ", with " + preset + " for the client, credential and authenticator,")
                + " and send again.");
    }

    /** Parses an error body in any known shape. */
    public static ParsedError parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return new ParsedError(null, null);
        }
        JsonNode node = tryTree(raw);
        if (node != null && node.isObject()) {
            JsonNode error = node.get("error");
            if (error != null && error.isObject() && error.hasNonNull("code")) {
                return new ParsedError(error.get("code").asText(), text(error.get("message")));
            }
            if (node.hasNonNull("errorCode")) {
                String message = text(node.get("message"));
                JsonNode nested = message == null ? null : tryTree(message);
                if (nested != null && nested.isObject() && nested.hasNonNull("subCode")) {
                    String details = text(nested.get("details"));
                    return new ParsedError(nested.get("subCode").asText(), details != null ? details : message);
                }
                return new ParsedError(node.get("errorCode").asText(), message);
            }
            if (node.hasNonNull("message")) {
                return new ParsedError(null, text(node.get("message")));
            }
            if (error != null && error.isTextual()) {
                return new ParsedError(null, error.asText());
            }
        }
        String t = raw.strip();
        return new ParsedError(null, t.length() > 300 ? t.substring(0, 300) + "..." : t);
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.isValueNode() ? n.asText() : n.toString();
    }

    private static JsonNode tryTree(String s) {
        String t = s.strip();
        if (!t.startsWith("{") && !t.startsWith("[")) {
            return null;
        }
        try {
            return Json.tree(t);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Lower case without spaces ({@code Bad Argument} matches {@code BadArgument}); {@code ""} for null. */
    static String normalize(String code) {
        return code == null ? "" : code.replace(" ", "").toLowerCase(Locale.ROOT);
    }

    private static String throttledHint() {
        return "Slow down: Teams allows about 7 messages per second per conversation and 50 requests per second per"
                + " app and tenant. Wait at least Retry-After before sending again, and pace bulk sends.";
    }

    private static String payloadHint() {
        return "Shrink the activity below about 100 KB (aim for 80 KB): shorten the text, link images instead of"
                + " embedding them, or split the content into several messages.";
    }

    private static String hint(String code, int status) {
        switch (code) {
            case "botdisabledbyadmin":
                return "The tenant admin disabled this bot: stop sending to this tenant until the app is allowed again.";
            case "invalidbotapihost":
                return "The conversation belongs to another Teams environment (for example GCC): update the stored"
                        + " serviceUrl to the host named in the message and send again.";
            case "forbiddenoperationexception":
                return "The bot is not installed in the user's personal scope: install the app for the user first.";
            case "botnotregistered":
                return "No registration for this bot: check the app id and that the Teams channel is enabled on the"
                        + " Azure Bot resource.";
            case "preconditionfailed":
                return "Concurrent operations on the same conversation: retry later with backoff.";
            default:
                break;
        }
        if (status == 400) {
            return "Fix the request: the service message says which part it rejected.";
        }
        if (status == 403) {
            return "The bot is not allowed to do this here: read the service message (app removed, blocked, or"
                    + " missing permission).";
        }
        if (status == 405) {
            return "This channel does not support the operation (for example GET /v3/conversations on Teams).";
        }
        if (status >= 500) {
            return "The service failed: retry later, and quote the request id to Microsoft support if it persists.";
        }
        if (status >= 300 && status < 400) {
            return "The service redirected the request; redirects are not followed for Bot Connector calls. Check"
                    + " the service URL.";
        }
        return null;
    }

    /**
     * Diagnosis for a 401 after a token refresh: app type, tenant, cloud and what the token claims (audience, tenant,
     * app id, issuer; never the token itself).
     */
    static String unauthorizedHint(AccessToken token, BotCloud cloud) {
        StringBuilder sb = new StringBuilder("The service rejected the bot's token even after one refresh. Check the"
                + " app type and tenant: a multi-tenant app gets tokens from the '" + cloud.multiTenantAuthority()
                + "' tenant; a single-tenant app must get them from its own tenant id (asking the botframework.com"
                + " tenant for a single-tenant app fails, and vice versa). The token scope must be '" + cloud.scope()
                + "' (cloud '" + cloud.name() + "'); tokens of another cloud are rejected. Also check the app id and"
                + " secret or certificate of the Azure Bot resource, and that its Teams channel is enabled.");
        if (token == null) {
            sb.append(" No token was sent with the last request.");
            return sb.toString();
        }
        try {
            JWTClaimsSet claims = JWTParser.parse(token.token()).getJWTClaimsSet();
            List<String> aud = claims.getAudience();
            Object tid = claims.getClaim("tid");
            Object appId = claims.getClaim("appid") != null ? claims.getClaim("appid") : claims.getClaim("azp");
            sb.append(" The token says: audience ").append(aud).append(", tenant ").append(tid)
                    .append(", app id ").append(appId).append(", issuer ").append(claims.getIssuer()).append('.');
            String expected = cloud.resource();
            if (aud != null && !aud.isEmpty() && !aud.contains(expected)) {
                sb.append(" The audience should be ").append(expected).append(".");
            }
        } catch (java.text.ParseException | RuntimeException notJwt) {
            sb.append(" The token is not a JWT, so its claims cannot be shown.");
        }
        return sb.toString();
    }
}
