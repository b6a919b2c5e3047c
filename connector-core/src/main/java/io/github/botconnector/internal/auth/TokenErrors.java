package io.github.botconnector.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.botconnector.exception.TokenAcquisitionException;
import io.github.botconnector.internal.Json;
import java.io.IOException;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Azure AD / managed-identity error bodies turned into {@link TokenAcquisitionException}s that name the app, tenant
 * and cloud, carry the {@code AADSTS} code and say what to fix. Never includes a secret, assertion or token. Not
 * public API.
 */
public final class TokenErrors {

    private static final Pattern AADSTS = Pattern.compile("AADSTS\\d+");

    private TokenErrors() {
    }

    /** Which credential asked where; every field is safe to show. */
    public enum Kind {
        /** Client secret. */
        CLIENT_SECRET("client secret"),
        /** Certificate (client assertion). */
        CERTIFICATE("certificate"),
        /** Federated assertion. */
        FEDERATED("federated credential"),
        /** Managed identity through IMDS. */
        MANAGED_IDENTITY_IMDS("managed identity (IMDS)"),
        /** Managed identity through the App Service endpoint. */
        MANAGED_IDENTITY_APP_SERVICE("managed identity (App Service)");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** Human-readable name. */
        public String label() {
            return label;
        }

        boolean managedIdentity() {
            return this == MANAGED_IDENTITY_IMDS || this == MANAGED_IDENTITY_APP_SERVICE;
        }
    }

    /**
     * Describes a token request for messages and logs.
     *
     * @param kind        credential type
     * @param appId       app (client) id, or {@code null} for a system-assigned managed identity
     * @param tenant      tenant in the token endpoint, or {@code null} for managed identity
     * @param multiTenant whether {@code tenant} is the cloud's multi-tenant authority
     * @param cloudName   {@code BotCloud.name()}
     * @param loginHost   the cloud's login host
     * @param endpoint    URL asked (without query secrets; token URLs carry none)
     * @param scope       the scope when it is not the Bot Connector's, or {@code null}
     */
    public record Context(Kind kind, String appId, String tenant, boolean multiTenant, String cloudName,
                          String loginHost, String endpoint, String scope) {

        /** The context of a Bot Connector token (no other scope). */
        public Context(Kind kind, String appId, String tenant, boolean multiTenant, String cloudName, String loginHost,
                       String endpoint) {
            this(kind, appId, tenant, multiTenant, cloudName, loginHost, endpoint, null);
        }

        /** Short description: app, tenant, cloud, credential type. */
        public String summary() {
            StringBuilder sb = new StringBuilder();
            sb.append(appId == null ? "system-assigned identity" : "app '" + appId + "'");
            if (tenant != null) {
                sb.append(" (tenant '").append(tenant).append(multiTenant ? "', multi-tenant" : "'");
                sb.append(", cloud '").append(cloudName).append("', ");
            } else {
                sb.append(" (cloud '").append(cloudName).append("', ");
            }
            sb.append(kind.label()).append(')');
            return sb.toString();
        }

        /** Start of every failure message. */
        public String prefix() {
            return "Could not get a " + (scope == null ? "Bot Connector token" : "token for scope '" + scope + "'")
                    + " for " + summary() + " from " + endpoint;
        }
    }

    /**
     * The parts of an error body that may be shown.
     *
     * @param error       OAuth {@code error}, or {@code null}
     * @param description {@code error_description} (or managed-identity {@code message}), shortened, or {@code null}
     * @param code        {@code AADSTS...} code, or {@code null}
     * @param note        what the body was when it was not an OAuth error, or {@code null}
     */
    public record ErrorBody(String error, String description, String code, String note) {
    }

    /** Parses an error body without ever quoting a non-JSON body verbatim. */
    public static ErrorBody parse(String body, String contentType) {
        JsonNode root = null;
        try {
            root = body == null || body.isBlank() ? null : Json.mapper().readTree(body);
        } catch (IOException | RuntimeException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            String note = body == null || body.isBlank() ? "empty body"
                    : "non-JSON body (" + (contentType == null ? "no content type" : safe(contentType, 60)) + ", "
                    + body.length() + " chars)";
            return new ErrorBody(null, null, null, note);
        }
        JsonNode errorNode = root.get("error");
        String error = null;
        String description = null;
        if (errorNode != null && errorNode.isTextual()) {
            error = errorNode.asText();
            description = textOrNull(root.get("error_description"));
        } else if (errorNode != null && errorNode.isObject()) {
            // App Service style: {"error": {"code": "...", "message": "..."}}
            error = textOrNull(errorNode.get("code"));
            description = textOrNull(errorNode.get("message"));
        }
        if (description == null) {
            description = textOrNull(root.get("message"));
        }
        String code = null;
        JsonNode codes = root.get("error_codes");
        if (codes != null && codes.isArray() && !codes.isEmpty() && codes.get(0).canConvertToLong()) {
            code = "AADSTS" + codes.get(0).asLong();
        } else if (description != null) {
            Matcher m = AADSTS.matcher(description);
            if (m.find()) {
                code = m.group();
            }
        }
        return new ErrorBody(error == null ? null : safe(error, 80), description == null ? null : safe(description, 600),
                code, null);
    }

    /** The exception for an error answer. */
    public static TokenAcquisitionException failure(Context ctx, int status, ErrorBody body, int attempts) {
        StringBuilder sb = new StringBuilder(ctx.prefix()).append(": HTTP ").append(status);
        if (body.error() != null) {
            sb.append(' ').append(body.error());
        }
        if (body.description() != null) {
            sb.append(": ").append(body.description());
        }
        if (body.note() != null) {
            sb.append(" (").append(body.note()).append(')');
        }
        if (attempts > 1) {
            sb.append(" [after ").append(attempts).append(" attempts]");
        }
        String hint = hint(ctx, status, body);
        if (hint != null) {
            sb.append(". Hint: ").append(hint);
        }
        String code = body.code() != null ? body.code() : body.error();
        return new TokenAcquisitionException(sb.toString(), code, status, null);
    }

    /** The exception for a request that got no answer. */
    public static TokenAcquisitionException networkFailure(Context ctx, IOException e, int attempts) {
        StringBuilder sb = new StringBuilder(ctx.prefix()).append(": no answer (").append(e.getClass().getSimpleName());
        if (e.getMessage() != null) {
            sb.append(": ").append(safe(e.getMessage(), 200));
        }
        sb.append(')');
        if (attempts > 1) {
            sb.append(" [after ").append(attempts).append(" attempts]");
        }
        if (ctx.kind().managedIdentity()) {
            sb.append(". Hint: the managed identity endpoint is reachable only on Azure hosts with a managed identity"
                    + " assigned (VM/VMSS/AKS through IMDS; App Service/Functions through IDENTITY_ENDPOINT).");
        } else if (e instanceof UnknownHostException) {
            sb.append(". Hint: the login host of cloud '").append(ctx.cloudName())
                    .append("' cannot be resolved; check DNS, the proxy and the cloud preset.");
        }
        return new TokenAcquisitionException(sb.toString(), null, 0, e);
    }

    static String hint(Context ctx, int status, ErrorBody body) {
        String code = body.code() == null ? "" : body.code();
        switch (code) {
            case "AADSTS700016":
                if (ctx.multiTenant()) {
                    return "the app is not registered in the multi-tenant Bot Framework directory, so it is most likely"
                            + " a single-tenant app: set the tenant id of the bot's app registration (builder"
                            + " tenantId(...)). Otherwise check the app id and that it is registered in cloud '"
                            + ctx.cloudName() + "'.";
                }
                return "no app with this id exists in tenant '" + ctx.tenant() + "': check the app id, the tenant id,"
                        + " and that the app is registered in cloud '" + ctx.cloudName() + "' (wrong cloud?).";
            case "AADSTS7000215":
                return "wrong client secret: use the secret's Value (not its Secret ID) from the app registration's"
                        + " 'Certificates & secrets' page, and check it belongs to this app.";
            case "AADSTS7000222":
                return "the client secret has expired: create a new secret for the app registration.";
            case "AADSTS90002":
            case "AADSTS900023":
            case "AADSTS90072":
                return "tenant '" + ctx.tenant() + "' was not found at " + ctx.loginHost() + ": check the tenant id and"
                        + " that the cloud preset ('" + ctx.cloudName() + "') is the cloud where the app is registered"
                        + " (wrong cloud?).";
            case "AADSTS500011":
                return "the Bot Framework resource of cloud '" + ctx.cloudName() + "' is unknown to this tenant: check"
                        + " the cloud preset (wrong cloud?).";
            case "AADSTS700027":
            case "AADSTS700023":
            case "AADSTS50012":
                return "the client assertion was rejected: check that the certificate (its thumbprint) is uploaded"
                        + " to the app registration and that the private key belongs to it.";
            case "AADSTS70021":
                return "no federated identity credential on the app matches the assertion's issuer, subject and"
                        + " audience.";
            case "AADSTS700024":
                return "the client assertion is expired or not yet valid: check the clock and that the federated token"
                        + " file is being refreshed.";
            default:
                break;
        }
        if (ctx.kind().managedIdentity()) {
            if (status == 400 || status == 404) {
                return ctx.appId() == null
                        ? "no system-assigned managed identity is enabled on this resource."
                        : "no user-assigned managed identity with client id '" + ctx.appId() + "' is assigned to this"
                        + " resource.";
            }
            if (status == 502 || status == 504) {
                return "the managed identity endpoint is temporarily unavailable; retry later.";
            }
        }
        if ("invalid_client".equals(body.error()) || "unauthorized_client".equals(body.error())) {
            return "check the app id, the tenant id and the credential (secret or certificate) of the app"
                    + " registration.";
        }
        if (status == 429) {
            return "the token service throttled the app; tokens are cached, so this usually means many processes"
                    + " start at once.";
        }
        return null;
    }

    private static String textOrNull(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }

    /** Shortens {@code s} and replaces control characters, for text that came from the network. */
    public static String safe(String s, int max) {
        if (s == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), max));
        for (int i = 0; i < s.length() && sb.length() < max; i++) {
            char c = s.charAt(i);
            sb.append(Character.isISOControl(c) ? ' ' : c);
        }
        if (s.length() > max) {
            sb.append("...");
        }
        return sb.toString().trim();
    }
}
