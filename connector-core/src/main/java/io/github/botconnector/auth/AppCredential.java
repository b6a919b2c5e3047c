package io.github.botconnector.auth;

import io.github.botconnector.internal.auth.TokenErrors;
import okhttp3.FormBody;
import okhttp3.Request;

/**
 * Base of the credentials of an app registration (secret, certificate, federated): app id, tenant and cloud, and the
 * client-credentials request to the cloud's token endpoint that only differs in how the client proves itself.
 */
abstract class AppCredential extends CachingCredential {

    /** Client assertion type sent with certificate and federated credentials. */
    static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    final String appId;
    final String tenant;
    final BotCloud cloud;
    final TokenErrors.Context context;

    AppCredential(AppCredentialBuilder<?> b, String appId, String tenant, TokenErrors.Kind kind, String kindLabel) {
        super(b, "app '" + appId + "' (tenant '" + tenant + "', cloud '" + b.cloud.name() + "'"
                + (kindLabel == null ? "" : ", " + kindLabel) + ")");
        this.appId = appId;
        this.tenant = tenant;
        this.cloud = b.cloud;
        this.context = new TokenErrors.Context(kind, appId, tenant, tenant.equals(cloud.multiTenantAuthority()),
                cloud.name(), cloud.loginHost(), cloud.tokenEndpoint(tenant));
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

    /** The client-credentials request authenticated with a client secret. */
    Request secretRequest(String secret) {
        return tokenRequest(new FormBody.Builder().add("client_secret", secret));
    }

    /** The client-credentials request authenticated with a signed client assertion. */
    Request assertionRequest(String assertion) {
        return tokenRequest(new FormBody.Builder()
                .add("client_assertion_type", JWT_BEARER)
                .add("client_assertion", assertion));
    }

    private Request tokenRequest(FormBody.Builder clientAuthentication) {
        FormBody proof = clientAuthentication.build();
        FormBody.Builder form = new FormBody.Builder()
                .add("grant_type", "client_credentials")
                .add("client_id", appId);
        for (int i = 0; i < proof.size(); i++) {
            form.add(proof.name(i), proof.value(i));
        }
        return new Request.Builder()
                .url(context.endpoint())
                .header("Accept", "application/json")
                .post(form.add("scope", cloud.scope()).build())
                .build();
    }
}
