package io.github.botconnector.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.X509CertUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.botconnector.exception.TokenAcquisitionException;
import io.github.botconnector.internal.auth.CertificateLoader;
import io.github.botconnector.internal.auth.TokenErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Certificate credential of a bot's app registration: a client assertion (a JWT signed with the certificate's
 * private key, {@code private_key_jwt}) in a client-credentials grant. The assertion has header {@code alg}
 * ({@code PS256} by default, {@code RS256} on request), {@code typ JWT}, {@code x5t#S256} (SHA-256 thumbprint of
 * the certificate) and optionally {@code x5c} (the chain, for subject-name/issuer authentication); claims
 * {@code aud} = the token endpoint, {@code iss} = {@code sub} = the app id, a random {@code jti}, {@code nbf} and
 * {@code iat} = now and {@code exp} = now + 10 minutes. A new assertion is signed for every token request.
 *
 * <pre>{@code
 * TokenProvider tokens = CertificateCredential.builder()
 *         .appId(appId).tenantId(tenantId)
 *         .pemFiles(Path.of("bot.key.pem"), Path.of("bot.cert.pem"))
 *         .build();
 * }</pre>
 *
 * Thread-safe. {@link #toString()} shows the certificate thumbprint, never key material or assertions.
 */
public final class CertificateCredential extends AppCredential {

    private static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(10);

    /** Signature algorithm of the client assertion. */
    public enum Algorithm {
        /** RSASSA-PSS with SHA-256, what current Microsoft documentation shows. */
        PS256,
        /** RSASSA-PKCS1-v1_5 with SHA-256, what MSAL uses. */
        RS256
    }

    private final Clock clock;
    private final Algorithm algorithm;
    private final boolean sendChain;
    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;
    private final String thumbprint;

    private CertificateCredential(Builder b, String appId, String tenant, CertificateLoader.KeyAndChain key) {
        super(b, appId, tenant, TokenErrors.Kind.CERTIFICATE, "certificate");
        this.clock = b.clock;
        this.algorithm = b.algorithm;
        this.sendChain = b.sendCertificateChain;
        this.privateKey = key.privateKey();
        this.chain = key.chain();
        this.thumbprint = X509CertUtils.computeSHA256Thumbprint(key.certificate()).toString();
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
     * The base64url SHA-256 thumbprint of the certificate, as sent in {@code x5t#S256}.
     *
     * @return the thumbprint
     */
    public String thumbprintSha256() {
        return thumbprint;
    }

    @Override
    CompletableFuture<AccessToken> fetch(Target target, TokenErrors.Context ctx) {
        return requester.fetch(() -> assertionRequest(assertion(ctx), target, ctx), ctx);
    }

    /** Signs a new client assertion for the token endpoint of {@code ctx}. */
    private String assertion(TokenErrors.Context ctx) {
        Instant now = clock.instant();
        JWSHeader.Builder header = new JWSHeader.Builder(
                algorithm == Algorithm.PS256 ? JWSAlgorithm.PS256 : JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .x509CertSHA256Thumbprint(X509CertUtils.computeSHA256Thumbprint(chain.get(0)));
        if (sendChain) {
            List<Base64> x5c = new ArrayList<>();
            for (X509Certificate c : chain) {
                try {
                    x5c.add(Base64.encode(c.getEncoded()));
                } catch (CertificateEncodingException e) {
                    throw new TokenAcquisitionException(ctx.prefix() + ": the certificate cannot be encoded", e);
                }
            }
            header.x509CertChain(x5c);
        }
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .audience(ctx.endpoint())
                .issuer(appId)
                .subject(appId)
                .jwtID(UUID.randomUUID().toString())
                .notBeforeTime(Date.from(now))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ASSERTION_LIFETIME)))
                .build();
        SignedJWT jwt = new SignedJWT(header.build(), claims);
        try {
            jwt.sign(new RSASSASigner(privateKey));
        } catch (JOSEException e) {
            throw new TokenAcquisitionException(ctx.prefix() + ": signing the client assertion failed ("
                    + e.getClass().getSimpleName() + ")", null);
        }
        return jwt.serialize();
    }

    @Override
    public String toString() {
        return "CertificateCredential[appId=" + appId + ", tenant=" + tenant + ", cloud=" + cloud.name()
                + ", algorithm=" + algorithm + ", x5t#S256=" + thumbprint + ", privateKey=<redacted>]";
    }

    /** Builder of {@link CertificateCredential}. */
    public static final class Builder extends AppCredentialBuilder<Builder> {
        private CertificateLoader.KeyAndChain key;
        private Algorithm algorithm = Algorithm.PS256;
        private boolean sendCertificateChain;

        private Builder() {
        }

        /**
         * The certificate and its RSA private key (at least 2048 bits).
         *
         * @param certificate the certificate registered on the app
         * @param privateKey  its private key
         * @return this builder
         */
        public Builder certificate(X509Certificate certificate, PrivateKey privateKey) {
            return certificateChain(List.of(Objects.requireNonNull(certificate, "certificate")), privateKey);
        }

        /**
         * The certificate chain (leaf first) and the leaf's RSA private key.
         *
         * @param chain      leaf certificate first
         * @param privateKey the leaf's private key
         * @return this builder
         */
        public Builder certificateChain(List<X509Certificate> chain, PrivateKey privateKey) {
            return load(() -> new CertificateLoader.KeyAndChain(privateKey, chain));
        }

        /**
         * A PKCS#8 PEM private key ({@code BEGIN PRIVATE KEY}) and a PEM certificate (or chain, leaf first).
         *
         * @param privateKeyPem  the private key PEM text
         * @param certificatePem the certificate PEM text
         * @return this builder
         */
        public Builder pem(String privateKeyPem, String certificatePem) {
            return load(() -> CertificateLoader.fromPem(privateKeyPem, certificatePem));
        }

        /**
         * Reads {@link #pem(String, String)} from files.
         *
         * @param privateKeyPem  PKCS#8 PEM private key file
         * @param certificatePem PEM certificate file
         * @return this builder
         */
        public Builder pemFiles(Path privateKeyPem, Path certificatePem) {
            return load(() -> CertificateLoader.fromPem(read(privateKeyPem), read(certificatePem)));
        }

        /**
         * A PKCS#12 ({@code .pfx}/{@code .p12}) store; the first private-key entry and its chain are used.
         *
         * @param pkcs12   the store's bytes
         * @param password the store and key password (may be empty)
         * @return this builder
         */
        public Builder pkcs12(byte[] pkcs12, char[] password) {
            return load(() -> CertificateLoader.fromPkcs12(pkcs12, password));
        }

        /**
         * Reads {@link #pkcs12(byte[], char[])} from a file.
         *
         * @param pkcs12   the store file
         * @param password the store and key password (may be empty)
         * @return this builder
         */
        public Builder pkcs12(Path pkcs12, char[] password) {
            return load(() -> {
                try {
                    return CertificateLoader.fromPkcs12(Files.readAllBytes(pkcs12), password);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + pkcs12, e);
                }
            });
        }

        /**
         * The assertion's signature algorithm; default {@link Algorithm#PS256}.
         *
         * @param algorithm PS256 or RS256
         * @return this builder
         */
        public Builder algorithm(Algorithm algorithm) {
            this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
            return this;
        }

        /**
         * Whether to send the certificate chain in the {@code x5c} header (needed for subject-name/issuer
         * authentication); default {@code false}.
         *
         * @param send whether to send {@code x5c}
         * @return this builder
         */
        public Builder sendCertificateChain(boolean send) {
            this.sendCertificateChain = send;
            return this;
        }

        /**
         * Builds the credential.
         *
         * @return the credential
         * @throws IllegalArgumentException when the app id or certificate is missing, or the key does not fit the
         *                                  certificate
         */
        public CertificateCredential build() {
            String id = requireAppId("CertificateCredential");
            if (key == null) {
                throw new IllegalArgumentException("CertificateCredential: set the certificate and private key with"
                        + " pem(...), pemFiles(...), pkcs12(...) or certificate(...)");
            }
            return new CertificateCredential(this, id, tenantOrAuthority("CertificateCredential"), key);
        }

        private Builder load(java.util.function.Supplier<CertificateLoader.KeyAndChain> loader) {
            try {
                this.key = loader.get();
            } catch (IllegalArgumentException | UncheckedIOException e) {
                throw new IllegalArgumentException("CertificateCredential: " + e.getMessage(), e);
            }
            return this;
        }

        private static String read(Path file) {
            try {
                return Files.readString(Objects.requireNonNull(file, "file"), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }

        @Override
        public String toString() {
            return "CertificateCredential.Builder[appId=" + appId + ", tenantId=" + tenantId + ", privateKey=<redacted>]";
        }
    }
}
