package io.github.botconnector.auth;

import io.github.botconnector.internal.auth.TokenErrors;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Managed identity credential: tokens from the Azure host's identity endpoint, for a system-assigned identity or a
 * user-assigned one ({@link Builder#clientId(String)}; for a {@code UserAssignedMSI} bot this is the bot's app id).
 * On App Service / Functions ({@code IDENTITY_ENDPOINT} and {@code IDENTITY_HEADER} set) it calls
 * {@code GET {IDENTITY_ENDPOINT}?api-version=2019-08-01&resource=...&client_id=...} with header
 * {@code X-IDENTITY-HEADER}; elsewhere (VM, VMSS, AKS) IMDS:
 * {@code GET http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=...&client_id=...}
 * with header {@code Metadata: true}. The resource is the cloud's Bot Connector resource
 * ({@link BotCloud#resource()}, no {@code /.default}); {@link #forScope(String, String)} asks for another resource
 * (the scope without {@code /.default}) from the identity's own tenant.
 *
 * <pre>{@code
 * TokenProvider tokens = ManagedIdentityCredential.builder().clientId(botAppId).build();
 * }</pre>
 *
 * Requests to the identity endpoint bypass any proxy and never follow redirects.
 * Thread-safe. {@link #toString()} never shows the identity header.
 */
public final class ManagedIdentityCredential extends CachingCredential {

    /** Default IMDS token endpoint. */
    public static final String IMDS_ENDPOINT = "http://169.254.169.254/metadata/identity/oauth2/token";
    /** App Service environment variable with the identity endpoint. */
    public static final String ENV_IDENTITY_ENDPOINT = "IDENTITY_ENDPOINT";
    /** App Service environment variable with the identity header value. */
    public static final String ENV_IDENTITY_HEADER = "IDENTITY_HEADER";

    /** Where tokens come from. */
    public enum Source {
        /** Azure Instance Metadata Service (VM, VMSS, AKS). */
        IMDS,
        /** App Service / Functions identity endpoint. */
        APP_SERVICE
    }

    private final String clientId;
    private final BotCloud cloud;
    private final String resource;
    private final Source source;
    private final HttpUrl url;
    private final String identityHeader;
    private final TokenErrors.Context context;
    private final TokenErrors.Kind kind;

    private ManagedIdentityCredential(Builder b, Source source, HttpUrl url, String identityHeader) {
        super(b, (b.clientId == null ? "system-assigned identity" : "managed identity '" + b.clientId + "'")
                + " (cloud '" + b.cloud.name() + "', " + source + ")", true);
        this.clientId = b.clientId;
        this.cloud = b.cloud;
        this.resource = b.resource != null ? b.resource : b.cloud.resource();
        this.source = source;
        this.identityHeader = identityHeader;
        HttpUrl.Builder u = url.newBuilder()
                .setQueryParameter("api-version", source == Source.IMDS ? "2018-02-01" : "2019-08-01")
                .setQueryParameter("resource", resource);
        if (clientId != null) {
            u.setQueryParameter("client_id", clientId);
        } else if (b.resourceId != null) {
            u.setQueryParameter(source == Source.IMDS ? "msi_res_id" : "mi_res_id", b.resourceId);
        }
        this.url = u.build();
        this.kind = source == Source.IMDS ? TokenErrors.Kind.MANAGED_IDENTITY_IMDS
                : TokenErrors.Kind.MANAGED_IDENTITY_APP_SERVICE;
        this.context = new TokenErrors.Context(kind, clientId, null, false, cloud.name(),
                cloud.loginHost(), url.newBuilder().query(null).build().toString());
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The user-assigned identity's client id, or {@code null} for the system-assigned identity.
     *
     * @return the client id or {@code null}
     */
    public String clientId() {
        return clientId;
    }

    /**
     * Which endpoint tokens come from.
     *
     * @return the source
     */
    public Source source() {
        return source;
    }

    /** The identity's own tenant issues every token; the target's tenant is not used. */
    @Override
    Target defaultTarget() {
        return new Target(null, resource);
    }

    /** A managed identity always gets tokens from its own tenant; the resource is the scope without /.default. */
    @Override
    Target target(String scope, String tenantId) {
        return new Target(null, scope.endsWith("/.default") ? scope.substring(0, scope.length() - 9) : scope);
    }

    @Override
    CompletableFuture<AccessToken> fetch(Target target) {
        HttpUrl u = target.equals(defaultTarget()) ? url
                : url.newBuilder().setQueryParameter("resource", target.scope()).build();
        TokenErrors.Context ctx = target.equals(defaultTarget()) ? context
                : new TokenErrors.Context(kind, clientId, null, false, cloud.name(), cloud.loginHost(),
                context.endpoint(), target.scope());
        return requester.fetch(() -> {
            Request.Builder r = new Request.Builder().url(u).get().header("Accept", "application/json");
            if (source == Source.IMDS) {
                r.header("Metadata", "true");
            } else {
                r.header("X-IDENTITY-HEADER", identityHeader);
            }
            return r.build();
        }, ctx);
    }

    @Override
    public String toString() {
        return "ManagedIdentityCredential[" + (clientId == null ? "system-assigned" : "clientId=" + clientId)
                + ", source=" + source + ", resource=" + resource + ", cloud=" + cloud.name() + "]";
    }

    /** Builder of {@link ManagedIdentityCredential}. */
    public static final class Builder extends CredentialBuilder<Builder> {
        private String clientId;
        private String resourceId;
        private String resource;
        private Map<String, String> env;
        private String imdsEndpoint = IMDS_ENDPOINT;

        private Builder() {
        }

        /**
         * The client id of a user-assigned managed identity; omit for the system-assigned identity.
         *
         * @param clientId the identity's client id
         * @return this builder
         */
        public Builder clientId(String clientId) {
            this.clientId = clientId == null || clientId.isBlank() ? null : clientId.trim();
            return this;
        }

        /**
         * The Azure resource id of a user-assigned managed identity
         * ({@code /subscriptions/.../providers/Microsoft.ManagedIdentity/userAssignedIdentities/...}), as an
         * alternative to {@link #clientId(String)}.
         *
         * @param resourceId the identity's resource id
         * @return this builder
         */
        public Builder resourceId(String resourceId) {
            this.resourceId = resourceId == null || resourceId.isBlank() ? null : resourceId.trim();
            return this;
        }

        /**
         * The resource to get a token for; default {@link BotCloud#resource()} of the cloud. Use
         * {@code api://AzureADTokenExchange} for an assertion of a {@link FederatedCredential}.
         *
         * @param resource the resource (without {@code /.default})
         * @return this builder
         */
        public Builder resource(String resource) {
            this.resource = resource;
            return this;
        }

        /**
         * The environment that decides between App Service ({@value ManagedIdentityCredential#ENV_IDENTITY_ENDPOINT}
         * and {@value ManagedIdentityCredential#ENV_IDENTITY_HEADER} both set) and IMDS; default the process
         * environment.
         *
         * @param env environment variables
         * @return this builder
         */
        public Builder environment(Map<String, String> env) {
            this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
            return this;
        }

        /**
         * Overrides the IMDS token endpoint (for tests and proxies); default {@value ManagedIdentityCredential#IMDS_ENDPOINT}.
         *
         * @param endpoint the endpoint URL without query
         * @return this builder
         */
        public Builder imdsEndpoint(String endpoint) {
            this.imdsEndpoint = Objects.requireNonNull(endpoint, "endpoint");
            return this;
        }

        /**
         * Builds the credential.
         *
         * @return the credential
         * @throws IllegalArgumentException when an endpoint is not a URL
         */
        public ManagedIdentityCredential build() {
            Map<String, String> e = env != null ? env : System.getenv();
            String endpoint = e.get(ENV_IDENTITY_ENDPOINT);
            String header = e.get(ENV_IDENTITY_HEADER);
            if (clientId != null && resourceId != null) {
                throw new IllegalArgumentException("ManagedIdentityCredential: set either clientId or resourceId,"
                        + " not both");
            }
            if (resource != null && resource.isBlank()) {
                throw new IllegalArgumentException("ManagedIdentityCredential: resource must not be blank");
            }
            if (endpoint != null && !endpoint.isBlank() && header != null && !header.isBlank()) {
                return new ManagedIdentityCredential(this, Source.APP_SERVICE, url(endpoint, ENV_IDENTITY_ENDPOINT),
                        header);
            }
            return new ManagedIdentityCredential(this, Source.IMDS, url(imdsEndpoint, "imdsEndpoint"), null);
        }

        private static HttpUrl url(String value, String what) {
            HttpUrl u = HttpUrl.parse(value.trim());
            if (u == null) {
                throw new IllegalArgumentException("ManagedIdentityCredential: " + what + " is not an http(s) URL: "
                        + value);
            }
            return u;
        }

        @Override
        public String toString() {
            return "ManagedIdentityCredential.Builder[clientId=" + clientId + "]";
        }
    }
}
