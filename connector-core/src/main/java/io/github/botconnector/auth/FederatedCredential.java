package io.github.botconnector.auth;

import io.github.botconnector.exception.TokenAcquisitionException;
import io.github.botconnector.internal.auth.TokenErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import okhttp3.Request;

/**
 * Federated identity credential of a bot's app registration: an assertion issued by another identity provider
 * (a managed identity token for {@code api://AzureADTokenExchange}, a Kubernetes service-account token, a CI
 * token...) sent as {@code client_assertion} in a client-credentials grant. The assertion comes from a
 * caller-supplied {@link Supplier}, called for every token request, from a file re-read for every token request
 * (AKS workload identity rotates the file), or from a {@link ManagedIdentityCredential}
 * ({@link Builder#managedIdentityAssertion(ManagedIdentityCredential)}).
 *
 * <pre>{@code
 * TokenProvider tokens = FederatedCredential.workloadIdentity()   // AZURE_FEDERATED_TOKEN_FILE, AZURE_CLIENT_ID,
 *         .build();                                              // AZURE_TENANT_ID
 * TokenProvider tokens = FederatedCredential.builder()
 *         .appId(appId).tenantId(tenantId)
 *         .assertion(() -> myIdentityProvider.currentToken())
 *         .build();
 * }</pre>
 *
 * Thread-safe. {@link #toString()} never shows an assertion.
 */
public final class FederatedCredential extends AppCredential {

    /** Environment variable with the path of the workload-identity token file. */
    public static final String ENV_TOKEN_FILE = "AZURE_FEDERATED_TOKEN_FILE";
    /** Environment variable with the client (app) id, set by AKS workload identity. */
    public static final String ENV_CLIENT_ID = "AZURE_CLIENT_ID";
    /** Environment variable with the tenant id, set by AKS workload identity. */
    public static final String ENV_TENANT_ID = "AZURE_TENANT_ID";
    /**
     * Audience (managed-identity resource) of assertions exchanged for app tokens in the public cloud; pass it to
     * {@link ManagedIdentityCredential.Builder#resource(String)} for {@link Builder#managedIdentityAssertion}.
     */
    public static final String TOKEN_EXCHANGE_AUDIENCE = "api://AzureADTokenExchange";

    private final Supplier<String> assertion;
    private final TokenProvider assertionProvider;
    private final String source;

    private FederatedCredential(Builder b, String appId, String tenant) {
        super(b, appId, tenant, TokenErrors.Kind.FEDERATED, "federated");
        this.assertion = b.assertion;
        this.assertionProvider = b.assertionProvider;
        this.source = b.source;
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
     * A builder for AKS workload identity, filled from the process environment: the assertion file from
     * {@value #ENV_TOKEN_FILE}, the app id from {@value #ENV_CLIENT_ID} and the tenant from {@value #ENV_TENANT_ID}
     * when they are set. Any value can still be overridden.
     *
     * @return the builder
     * @throws IllegalArgumentException when {@value #ENV_TOKEN_FILE} is not set
     */
    public static Builder workloadIdentity() {
        return workloadIdentity(System.getenv());
    }

    /**
     * Like {@link #workloadIdentity()} with the given environment.
     *
     * @param env environment variables
     * @return the builder
     * @throws IllegalArgumentException when {@value #ENV_TOKEN_FILE} is not set
     */
    public static Builder workloadIdentity(Map<String, String> env) {
        Objects.requireNonNull(env, "env");
        String file = env.get(ENV_TOKEN_FILE);
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("FederatedCredential: " + ENV_TOKEN_FILE + " is not set; is workload"
                    + " identity enabled for this pod's service account?");
        }
        Builder b = new Builder().assertionFile(Path.of(file));
        String clientId = env.get(ENV_CLIENT_ID);
        if (clientId != null && !clientId.isBlank()) {
            b.appId(clientId);
        }
        String tenantId = env.get(ENV_TENANT_ID);
        if (tenantId != null && !tenantId.isBlank()) {
            b.tenantId(tenantId);
        }
        return b;
    }

    @Override
    CompletableFuture<AccessToken> fetch(Target target, TokenErrors.Context ctx) {
        if (assertionProvider != null) {
            // The managed identity's own cache and asynchronous fetch supply the assertion without blocking.
            return assertionProvider.getTokenAsync()
                    .handle((token, error) -> {
                        if (error != null) {
                            Throwable cause = error.getCause() != null ? error.getCause() : error;
                            throw new TokenAcquisitionException(ctx.prefix() + ": the managed identity assertion"
                                    + " could not be obtained: " + cause.getMessage(),
                                    cause instanceof TokenAcquisitionException t ? t.errorCode() : null,
                                    cause instanceof TokenAcquisitionException t ? t.statusCode() : 0, cause);
                        }
                        return token.token();
                    })
                    .thenCompose(value -> requester.fetch(() -> request(value, target, ctx), ctx));
        }
        return requester.fetch(() -> {
            String value;
            try {
                value = assertion.get();
            } catch (TokenAcquisitionException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new TokenAcquisitionException(ctx.prefix() + ": the assertion source (" + source
                        + ") failed: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + TokenErrors.safe(e.getMessage(), 200)), e);
            }
            if (value == null || value.isBlank()) {
                throw new TokenAcquisitionException(ctx.prefix() + ": the assertion source (" + source
                        + ") returned no assertion", null);
            }
            return request(value, target, ctx);
        }, ctx);
    }

    private Request request(String assertionValue, Target target, TokenErrors.Context ctx) {
        return assertionRequest(assertionValue.strip(), target, ctx);
    }

    @Override
    public String toString() {
        return "FederatedCredential[appId=" + appId + ", tenant=" + tenant + ", cloud=" + cloud.name()
                + ", assertion=" + source + "]";
    }

    /** Builder of {@link FederatedCredential}. */
    public static final class Builder extends AppCredentialBuilder<Builder> {
        private Supplier<String> assertion;
        private TokenProvider assertionProvider;
        private String source;

        private Builder() {
        }

        /**
         * The assertion source, called for every token request; it must return a currently valid assertion.
         *
         * @param assertion returns the assertion (a JWT)
         * @return this builder
         */
        public Builder assertion(Supplier<String> assertion) {
            this.assertion = Objects.requireNonNull(assertion, "assertion");
            this.assertionProvider = null;
            this.source = "supplier";
            return this;
        }

        /**
         * Uses a managed identity token as the assertion (a federated identity credential on the bot's app that
         * trusts the managed identity). Build the managed identity with
         * {@code .resource(FederatedCredential.TOKEN_EXCHANGE_AUDIENCE)}; its tokens are cached by that credential and
         * obtained without blocking.
         *
         * <pre>{@code
         * ManagedIdentityCredential mi = ManagedIdentityCredential.builder()
         *         .clientId(miClientId).resource(FederatedCredential.TOKEN_EXCHANGE_AUDIENCE).build();
         * TokenProvider tokens = FederatedCredential.builder()
         *         .appId(botAppId).tenantId(tenantId).managedIdentityAssertion(mi).build();
         * }</pre>
         *
         * @param managedIdentity the managed identity credential that issues the assertion
         * @return this builder
         */
        public Builder managedIdentityAssertion(ManagedIdentityCredential managedIdentity) {
            this.assertionProvider = Objects.requireNonNull(managedIdentity, "managedIdentity");
            this.assertion = null;
            this.source = managedIdentity.toString();
            return this;
        }

        /**
         * Reads the assertion from {@code file} for every token request (the file is rotated by the platform).
         *
         * @param file the token file, for example the value of {@value FederatedCredential#ENV_TOKEN_FILE}
         * @return this builder
         */
        public Builder assertionFile(Path file) {
            Objects.requireNonNull(file, "file");
            this.assertionProvider = null;
            this.assertion = () -> {
                try {
                    return Files.readString(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new TokenAcquisitionException("Cannot read the federated token file " + file + ": "
                            + e.getClass().getSimpleName(), e);
                }
            };
            this.source = "file " + file;
            return this;
        }

        /**
         * Builds the credential.
         *
         * @return the credential
         * @throws IllegalArgumentException when the app id or assertion source is missing
         */
        public FederatedCredential build() {
            String id = requireAppId("FederatedCredential");
            if (assertion == null && assertionProvider == null) {
                throw new IllegalArgumentException("FederatedCredential: set the assertion source with assertion(...),"
                        + " assertionFile(...) or managedIdentityAssertion(...)");
            }
            return new FederatedCredential(this, id, tenantOrAuthority("FederatedCredential"));
        }

        @Override
        public String toString() {
            return "FederatedCredential.Builder[appId=" + appId + ", tenantId=" + tenantId + ", assertion=" + source
                    + "]";
        }
    }
}
