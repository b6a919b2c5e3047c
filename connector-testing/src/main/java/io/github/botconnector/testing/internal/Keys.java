package io.github.botconnector.testing.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fake's signing keys, generated on first use: one for the bot's access tokens (Entra-like) and one for the
 * channel tokens on inbound activities, plus an untrusted key for negative tests.
 */
public final class Keys {

    /** Audience of Bot Connector access tokens. */
    public static final String CONNECTOR_AUDIENCE = "https://api.botframework.com";
    /** Audience of Microsoft Graph access tokens. */
    public static final String GRAPH_AUDIENCE = "https://graph.microsoft.com";
    /** Issuer of channel tokens. */
    public static final String CHANNEL_ISSUER = "https://api.botframework.com";

    private RSAKey entra;
    private RSAKey channel;
    private RSAKey untrusted;

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }

    synchronized RSAKey entra() {
        if (entra == null) {
            entra = generate("fake-entra-" + UUID.randomUUID());
        }
        return entra;
    }

    synchronized RSAKey channel() {
        if (channel == null) {
            channel = generate("fake-channel-" + UUID.randomUUID());
        }
        return channel;
    }

    synchronized RSAKey untrusted() {
        if (untrusted == null) {
            untrusted = generate("unused");
        }
        return untrusted;
    }

    static String sign(RSAKey key, String kid, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(JOSEObjectType.JWT)
                    .build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }

    /** An access token like Entra's for the Bot Connector. */
    String accessToken(String tenant, String appId, String audience, Instant now, long lifetimeSeconds) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .audience(audience)
                .issuer("https://sts.windows.net/" + tenant + "/")
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(lifetimeSeconds)))
                .claim("appid", appId)
                .claim("tid", tenant)
                .claim("ver", "1.0")
                .jwtID(UUID.randomUUID().toString())
                .build();
        return sign(entra(), entra().getKeyID(), claims);
    }

    /** A channel token for an inbound activity; {@code trusted=false} signs with a key the fake does not publish. */
    String channelToken(String appId, String serviceUrl, Instant now, boolean trusted) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(CHANNEL_ISSUER)
                .audience(appId)
                .claim("serviceurl", serviceUrl)
                .notBeforeTime(Date.from(now.minusSeconds(60)))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .build();
        RSAKey key = trusted ? channel() : untrusted();
        return sign(key, channel().getKeyID(), claims);
    }

    /** How many verified tokens are remembered (a client reuses one token for an hour). */
    private static final int VERIFIED_CACHE = 1024;

    /** Claims of tokens whose header and signature were verified, by the exact token text. */
    private final Map<String, JWTClaimsSet> verified = new ConcurrentHashMap<>();

    /**
     * Checks a bearer token against the fake's access-token key; returns {@code null} when valid, else the reason.
     * The signature of a token is verified once; its claims (audience, expiry on the fake's clock, app) every time.
     */
    String checkAccessToken(String token, String appId, String audience, Instant now) {
        JWTClaimsSet c = verified.get(token);
        if (c == null) {
            SignedJWT jwt;
            try {
                jwt = SignedJWT.parse(token);
            } catch (ParseException e) {
                return "not a JWT";
            }
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
                return "algorithm " + jwt.getHeader().getAlgorithm() + " is not RS256";
            }
            if (!entra().getKeyID().equals(jwt.getHeader().getKeyID())) {
                return "unknown kid " + jwt.getHeader().getKeyID();
            }
            try {
                if (!jwt.verify(new RSASSAVerifier(entra().toRSAPublicKey()))) {
                    return "bad signature";
                }
                c = jwt.getJWTClaimsSet();
            } catch (JOSEException | ParseException e) {
                return "invalid token: " + e.getMessage();
            }
            if (verified.size() >= VERIFIED_CACHE) {
                verified.clear();
            }
            verified.put(token, c);
        }
        if (c.getAudience().size() != 1 || !audience.equals(c.getAudience().get(0))) {
            return "audience " + c.getAudience() + " is not " + audience;
        }
        if (c.getExpirationTime() == null || !c.getExpirationTime().toInstant().isAfter(now)) {
            return "expired at " + (c.getExpirationTime() == null ? "?" : c.getExpirationTime().toInstant());
        }
        if (c.getNotBeforeTime() != null && c.getNotBeforeTime().toInstant().isAfter(now.plusSeconds(300))) {
            return "not valid before " + c.getNotBeforeTime().toInstant();
        }
        Object tokenApp = c.getClaim("appid");
        if (!appId.equals(tokenApp)) {
            return "appid " + tokenApp + " is not the bot " + appId;
        }
        return null;
    }

    /** The JWKS of the access-token key. */
    Map<String, Object> accessTokenJwks() {
        return jwks(entra(), null);
    }

    /** The channel JWKS with {@code endorsements}. */
    Map<String, Object> channelJwks() {
        return jwks(channel(), List.of("msteams"));
    }

    private static Map<String, Object> jwks(RSAKey key, List<String> endorsements) {
        Map<String, Object> jwk = new LinkedHashMap<>(key.toPublicJWK().toJSONObject());
        jwk.put("use", "sig");
        if (endorsements != null) {
            jwk.put("endorsements", endorsements);
        }
        List<Object> keys = new ArrayList<>();
        keys.add(jwk);
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("keys", keys);
        return set;
    }
}
