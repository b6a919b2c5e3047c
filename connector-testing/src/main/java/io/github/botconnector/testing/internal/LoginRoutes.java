package io.github.botconnector.testing.internal;

import static io.github.botconnector.testing.internal.Route.Kind.LOGIN;
import static io.github.botconnector.testing.internal.Route.Limit.TENANT_ONLY;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.RSAPublicKey;
import io.github.botconnector.testing.TokenRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The fake login host: token endpoint, OpenID metadata and key documents. */
final class LoginRoutes {

    static final String SCOPE = "https://api.botframework.com/.default";
    static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";
    private final FakeService e;
    private final Journal journal;

    private LoginRoutes(FakeService e, Journal journal) {
        this.e = e;
        this.journal = journal;
    }

    static void register(Router r, FakeService e, Journal journal) {
        LoginRoutes h = new LoginRoutes(e, journal);
        r.add("POST", "/{tenant}/oauth2/v2.0/token", "token", LOGIN, TENANT_ONLY, h::token)
                .add("GET", "/{tenant}/v2.0/.well-known/openid-configuration", "entraMetadata", LOGIN, TENANT_ONLY,
                        h::entraMetadata)
                .add("GET", "/{tenant}/discovery/v2.0/keys", "entraKeys", LOGIN, TENANT_ONLY,
                        c -> Reply.json(200, e.keys().accessTokenJwks()))
                .add("GET", "/v1/.well-known/openidconfiguration", "channelMetadata", LOGIN, TENANT_ONLY,
                        h::channelMetadata)
                .add("GET", "/v1/.well-known/keys", "channelKeys", LOGIN, TENANT_ONLY,
                        c -> Reply.json(200, e.keys().channelJwks()));
    }

    private Reply channelMetadata(Call c) {
        return Reply.json(200, Json2.obj("issuer", Keys.CHANNEL_ISSUER,
                "authorization_endpoint", "https://invalid.botframework.com",
                "jwks_uri", e.baseUrl() + "/v1/.well-known/keys",
                "id_token_signing_alg_values_supported", List.of("RS256"),
                "token_endpoint_auth_methods_supported", List.of("private_key_jwt")));
    }

    private Reply entraMetadata(Call c) {
        String tenant = c.var("tenant");
        return Reply.json(200, Json2.obj("issuer", "https://sts.windows.net/" + tenant + "/",
                "token_endpoint", e.baseUrl() + "/" + tenant + "/oauth2/v2.0/token",
                "jwks_uri", e.baseUrl() + "/" + tenant + "/discovery/v2.0/keys",
                "id_token_signing_alg_values_supported", List.of("RS256")));
    }

    private Reply token(Call c) {
        String tenant = c.var("tenant");
        Map<String, String> form = form(c.body);
        String grant = form.get("grant_type");
        String clientId = form.get("client_id");
        String scope = form.get("scope");
        String secret = form.get("client_secret");
        String assertion = form.get("client_assertion");
        String credentialType = secret != null ? "secret" : assertion != null ? "assertion" : "none";
        Reply reply = issue(tenant, grant, clientId, scope, secret, assertion);
        journal.recordTokenRequest(new TokenRequest(e.now(), tenant, grant, clientId, scope, credentialType, reply.status));
        return reply;
    }

    private Reply issue(String tenant, String grant, String clientId, String scope, String secret, String assertion) {
        if (!"client_credentials".equals(grant)) {
            return oauthError(400, "unsupported_grant_type", 70003, "AADSTS70003: The app requested an unsupported"
                    + " grant type '" + grant + "'.");
        }
        if (!"botframework.com".equalsIgnoreCase(tenant) && !e.world.tenants.containsKey(tenant)) {
            return oauthError(400, "invalid_request", 90002, "AADSTS90002: Tenant '" + tenant + "' not found.");
        }
        String expected = clientId == null ? null : e.settings.clientSecrets().get(clientId);
        if (clientId == null || (expected == null && !e.settings.clientKeys().containsKey(clientId))) {
            return oauthError(400, "unauthorized_client", 700016, "AADSTS700016: Application with identifier '"
                    + clientId + "' was not found in the directory '" + tenant + "'.");
        }
        boolean ok;
        if (secret != null) {
            ok = secret.equals(expected);
        } else if (assertion != null) {
            String problem = assertionProblem(assertion, clientId, tenant);
            if (problem != null) {
                return oauthError(401, "invalid_client", 700027, "AADSTS700027: Client assertion failed signature"
                        + " validation or is invalid: " + problem + ".");
            }
            ok = true;
        } else {
            ok = false;
        }
        if (!ok) {
            return oauthError(401, "invalid_client", 7000215, "AADSTS7000215: Invalid client secret provided. Ensure the"
                    + " secret being sent in the request is the client secret value, not the client secret ID, for a"
                    + " secret added to app '" + clientId + "'.");
        }
        String audience = SCOPE.equals(scope) ? Keys.CONNECTOR_AUDIENCE
                : GRAPH_SCOPE.equals(scope) ? Keys.GRAPH_AUDIENCE : null;
        if (audience == null) {
            return oauthError(400, "invalid_scope", 1002012, "AADSTS1002012: The provided value for scope " + scope
                    + " is not valid. Client credential flows must have a scope value with /.default suffixed to the"
                    + " resource identifier (application ID URI).");
        }
        long lifetime = e.settings.tokenLifetime().toSeconds();
        String token = e.keys().accessToken(tenant, clientId, audience, e.now(), lifetime);
        return Reply.json(200, Json2.obj("token_type", "Bearer", "expires_in", lifetime, "ext_expires_in", lifetime,
                "access_token", token));
    }

    /** Why a client assertion is not acceptable, or {@code null}. */
    private String assertionProblem(String assertion, String clientId, String tenant) {
        try {
            SignedJWT jwt = SignedJWT.parse(assertion);
            JWTClaimsSet c = jwt.getJWTClaimsSet();
            if (!clientId.equals(c.getIssuer()) || !clientId.equals(c.getSubject())) {
                return "iss and sub must be the client id";
            }
            String endpoint = e.baseUrl() + "/" + tenant + "/oauth2/v2.0/token";
            if (c.getAudience() == null || !c.getAudience().contains(endpoint)) {
                return "aud must be " + endpoint;
            }
            if (c.getExpirationTime() == null || !c.getExpirationTime().toInstant().isAfter(e.now())) {
                return "the assertion is expired";
            }
            RSAPublicKey key = e.settings.clientKeys().get(clientId);
            if (key != null) {
                JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
                if (!JWSAlgorithm.RS256.equals(alg) && !JWSAlgorithm.PS256.equals(alg)) {
                    return "algorithm " + alg + " is not RS256 or PS256";
                }
                if (!jwt.verify(new RSASSAVerifier(key))) {
                    return "the signature does not match the registered certificate";
                }
            }
            return null;
        } catch (ParseException | JOSEException ex) {
            return "not a signed JWT";
        }
    }

    private Reply oauthError(int status, String error, int code, String description) {
        String trace = UUID.randomUUID().toString();
        String now = Instant.ofEpochSecond(e.now().getEpochSecond()).toString().replace('T', ' ');
        return Reply.json(status, Json2.obj("error", error, "error_description", description + " Trace ID: " + trace
                        + " Correlation ID: " + UUID.randomUUID() + " Timestamp: " + now,
                "error_codes", List.of(code), "timestamp", now, "trace_id", trace,
                "correlation_id", UUID.randomUUID().toString(),
                "error_uri", e.baseUrl() + "/error?code=" + code)).note("token refused: " + error);
    }

    static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int i = pair.indexOf('=');
            String k = i < 0 ? pair : pair.substring(0, i);
            String v = i < 0 ? "" : pair.substring(i + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }
}
