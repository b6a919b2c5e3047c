package io.github.botconnector.internal.auth;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Loads an RSA private key and its certificate chain from PEM (PKCS#8 key) or PKCS#12, and checks that they belong
 * together. Error messages never contain key material. Not public API.
 */
public final class CertificateLoader {

    private CertificateLoader() {
    }

    /**
     * A private key and the certificate chain (leaf first).
     *
     * @param privateKey the RSA private key
     * @param chain      leaf certificate first
     */
    public record KeyAndChain(PrivateKey privateKey, List<X509Certificate> chain) {

        /** Checks the pair: RSA, at least 2048 bits, and the leaf certificate's public key matches the private key. */
        public KeyAndChain {
            Objects.requireNonNull(privateKey, "privateKey");
            chain = List.copyOf(chain);
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("no certificate found");
            }
            if (!(privateKey instanceof RSAPrivateKey rsa)) {
                throw new IllegalArgumentException("the private key is " + privateKey.getAlgorithm()
                        + ", an RSA key is required");
            }
            if (!(chain.get(0).getPublicKey() instanceof RSAPublicKey pub)) {
                throw new IllegalArgumentException("the certificate does not hold an RSA public key");
            }
            if (!pub.getModulus().equals(rsa.getModulus())) {
                throw new IllegalArgumentException("the private key does not belong to the certificate "
                        + chain.get(0).getSubjectX500Principal().getName());
            }
            if (pub.getModulus().bitLength() < 2048) {
                throw new IllegalArgumentException("the RSA key has " + pub.getModulus().bitLength()
                        + " bits; at least 2048 are required");
            }
        }

        /** The leaf certificate. */
        public X509Certificate certificate() {
            return chain.get(0);
        }
    }

    /** Parses a PKCS#8 ({@code BEGIN PRIVATE KEY}) PEM key and PEM certificates (leaf first). */
    public static KeyAndChain fromPem(String privateKeyPem, String certificatePem) {
        return new KeyAndChain(privateKey(privateKeyPem), certificates(certificatePem));
    }

    /** Parses a PKCS#8 PEM RSA private key. */
    public static PrivateKey privateKey(String pem) {
        if (pem == null || pem.isBlank()) {
            throw new IllegalArgumentException("the private key PEM is empty");
        }
        if (pem.contains("BEGIN RSA PRIVATE KEY")) {
            throw new IllegalArgumentException("the private key is PKCS#1 ('BEGIN RSA PRIVATE KEY'); convert it to"
                    + " PKCS#8 with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key.pkcs8.pem");
        }
        if (pem.contains("BEGIN ENCRYPTED PRIVATE KEY")) {
            throw new IllegalArgumentException("the private key PEM is encrypted; decrypt it to an unencrypted"
                    + " PKCS#8 PEM or use a PKCS#12 file with its password");
        }
        String begin = "-----BEGIN PRIVATE KEY-----";
        String end = "-----END PRIVATE KEY-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("no '" + begin + "' block found in the private key PEM");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the private key PEM is not valid base64");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the private key PEM is not an RSA PKCS#8 key");
        }
    }

    /** Parses one or more PEM (or DER) X.509 certificates, leaf first. */
    public static List<X509Certificate> certificates(String pem) {
        if (pem == null || pem.isBlank()) {
            throw new IllegalArgumentException("the certificate PEM is empty");
        }
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : cf.generateCertificates(
                    new ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException("no certificate found in the certificate PEM");
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the certificate PEM cannot be parsed: " + e.getMessage());
        }
    }

    /** Loads the first key entry of a PKCS#12 store. */
    public static KeyAndChain fromPkcs12(byte[] data, char[] password) {
        Objects.requireNonNull(data, "data");
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(data), password);
            for (String alias : Collections.list(ks.aliases())) {
                if (!ks.isKeyEntry(alias)) {
                    continue;
                }
                Key key = ks.getKey(alias, password);
                Certificate[] chain = ks.getCertificateChain(alias);
                if (key instanceof PrivateKey pk && chain != null && chain.length > 0) {
                    List<X509Certificate> certs = new ArrayList<>();
                    for (Certificate c : chain) {
                        certs.add((X509Certificate) c);
                    }
                    return new KeyAndChain(pk, certs);
                }
            }
            throw new IllegalArgumentException("the PKCS#12 store holds no private key with a certificate");
        } catch (IOException e) {
            throw new IllegalArgumentException("the PKCS#12 store cannot be read (wrong password or not PKCS#12)");
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the PKCS#12 store cannot be read: " + e.getClass().getSimpleName());
        }
    }
}
