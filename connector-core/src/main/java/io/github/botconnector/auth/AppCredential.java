package io.github.botconnector.auth;

import io.github.botconnector.internal.auth.TokenErrors;
import java.util.concurrent.CompletableFuture;
import okhttp3.FormBody;
import okhttp3.Request;

/**
 * Base of the credentials of an app registration (secret, certificate, federated): app id, tenant and cloud, and the
 * client-credentials request to the cloud's token endpoint that only differs in how the client proves itself. Tokens
 * for other scopes ({@link #forScope(String, String)}) come from the app's own tenant for a single-tenant app, and
 * from the customer tenant's authority for a multi-tenant app.
 */
abstract class AppCredential extends CachingCredential {

    /** Client assertion type sent with certificate and federated credentials. */
    static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    final String appId;
    final String tenant;
    final BotCloud cloud;
    final TokenErrors.Context context;
    private final TokenErrors.Kind kind;

    AppCredential(AppCredentialBuilder<?> b, String appId, String tenant, TokenErrors.Kind kind, String kindLabel) {
        super(b, "app '" + appId + "' (tenant '" + tenant + "', cloud '" + b.cloud.name() + "'"
                + (kindLabel == null ? "" : ", " + kindLabel) + ")");
        this.appId = appId;
        this.tenant = tenant;
        this.cloud = b.cloud;
        this.kind = kind;
        this.context = new TokenErrors.Context(kind, appId, tenant, isMultiTenant(), cloud.name(), cloud.loginHost(),
                cloud.tokenEndpoint(tenant));
    }

    private boolean isMultiTenant() {
        return tenant.equals(cloud.multiTenantAuthority());
    }

    @Override
    final Target defaultTarget() {
        return new Target(tenant, cloud.scope());
    }

    @Override
    final Target target(String scope, String tenantId) {
        return new Target(isMultiTenant() && tenantId != null ? tenantId : tenant, scope);
    }

    /** Starts one token request for {@code target} with the context its errors are reported in. */
    abstract CompletableFuture<AccessToken> fetch(Target target, TokenErrors.Context context);

    @Override
    final CompletableFuture<AccessToken> fetch(Target target) {
        if (target.equals(defaultTarget())) {
            return fetch(target, context);
        }
        return fetch(target, new TokenErrors.Context(kind, appId, target.tenant(),
                target.tenant().equals(cloud.multiTenantAuthority()), cloud.name(), cloud.loginHost(),
                cloud.tokenEndpoint(target.tenant()), target.scope()));
    }

    /**
     * The app id this credential authenticates.
     *
     * @return the app id
     */
    public String appId() {
        return appId;
    }

    /**
     * The tenant in the token endpoint: the tenant id, or the cloud's multi-tenant authority.
     *
     * @return the tenant
     */
    public String tenant() {
        return tenant;
    }

    /**
     * The cloud tokens come from.
     *
     * @return the cloud
     */
    public BotCloud cloud() {
        return cloud;
    }

    /** The client-credentials request for {@code target}, authenticated with a client secret. */
    Request secretRequest(String secret, Target target, TokenErrors.Context ctx) {
        return tokenRequest(new FormBody.Builder().add("client_secret", secret), target, ctx);
    }

    /** The client-credentials request for {@code target}, authenticated with a signed client assertion. */
    Request assertionRequest(String assertion, Target target, TokenErrors.Context ctx) {
        return tokenRequest(new FormBody.Builder()
                .add("client_assertion_type", JWT_BEARER)
                .add("client_assertion", assertion), target, ctx);
    }

    private Request tokenRequest(FormBody.Builder clientAuthentication, Target target, TokenErrors.Context ctx) {
        FormBody proof = clientAuthentication.build();
        FormBody.Builder form = new FormBody.Builder()
                .add("grant_type", "client_credentials")
                .add("client_id", appId);
        for (int i = 0; i < proof.size(); i++) {
            form.add(proof.name(i), proof.value(i));
        }
        return new Request.Builder()
                .url(ctx.endpoint())
                .header("Accept", "application/json")
                .post(form.add("scope", target.scope()).build())
                .build();
    }
}
