package io.github.botconnector.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import io.github.botconnector.exception.InboundAuthenticationException;
import io.github.botconnector.internal.HostNames;
import io.github.botconnector.internal.auth.ChannelKeys;
import io.github.botconnector.internal.auth.TokenErrors;
import io.github.botconnector.internal.auth.TokenRequester;
import io.github.botconnector.schema.Activity;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates the {@code Authorization} header of an inbound Bot Framework request (channel to bot) against the
 * activity it carries. Validation cannot be switched off. A request is accepted only when all of this holds:
 *
 * <ol>
 *   <li>the header is exactly {@code Bearer <token>} (case-sensitive scheme, one space, one token);</li>
 *   <li>the token is an RS256-signed JWT with a {@code kid} header and without {@code crit}; {@code jku},
 *       {@code x5u} and {@code jwk} headers are ignored (keys come only from the cloud's key document);</li>
 *   <li>{@code iss} is exactly the cloud's channel issuer (checked before any key lookup);</li>
 *   <li>the signature verifies with the key named by {@code kid} in the cloud's channel key document (loaded from
 *       its OpenID metadata, cached, and reloaded at most once per minimum refresh interval for an unknown
 *       {@code kid});</li>
 *   <li>{@code exp} is present and not more than the clock skew (5 minutes) in the past; {@code nbf}, when present,
 *       not more than the clock skew in the future;</li>
 *   <li>{@code aud} is a single value equal to the bot's app id;</li>
 *   <li>the {@code serviceurl} claim equals the activity's {@code serviceUrl}: exact, case-sensitive comparison after
 *       removing one trailing {@code /} from each;</li>
 *   <li>the activity has a channel id and the key that verified the signature is endorsed for it (403 otherwise).</li>
 * </ol>
 *
 * Skill and other Entra-issued tokens are not accepted; Bot Framework Emulator tokens only when
 * {@link Builder#emulatorTokens(boolean)} is switched on (off by default).
 *
 * <pre>{@code
 * BotAuthenticator authenticator = BotAuthenticator.builder().appId(appId).build();
 * try {
 *     BotClaims claims = authenticator.authenticate(request.header("Authorization"), activity);
 * } catch (InboundAuthenticationException e) {
 *     respond(e.statusCode());   // 401 with WWW-Authenticate: Bearer, 403 or 503; log e.getMessage()
 * }
 * }</pre>
 *
 * Thread-safe; create one per bot and reuse it (it caches the signing keys).
 */
public final class BotAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(BotAuthenticator.class);
    private static final String BEARER = "Bearer ";
    /** Longest accepted token; Bot Framework channel tokens are about 1-2 KB. */
    static final int MAX_TOKEN_CHARS = 16 * 1024;

    private final String appId;
    private final BotCloud cloud;
    private final Clock clock;
    private final long skewSeconds;
    private final ChannelKeys keys;
    private final DefaultJWTProcessor<ChannelKeys.Context> processor;
    private final Set<String> emulatorIssuers;
    private final DefaultJWTProcessor<ChannelKeys.Context> emulatorProcessor;
    private final List<Consumer<String>> onAuthenticated;

    private BotAuthenticator(Builder b) {
        this.appId = b.appId.trim();
        this.cloud = b.cloud;
        this.clock = b.clock;
        this.skewSeconds = b.clockSkew.getSeconds();
        OkHttpClient http = b.httpClient != null ? b.httpClient : TokenRequester.defaultClient();
        this.keys = new ChannelKeys(http, b.openIdMetadataUrl != null ? b.openIdMetadataUrl : cloud.openIdMetadataUrl(),
                clock, b.keyRefreshInterval, b.minKeyRefreshInterval, b.keyOutageTolerance);
        this.processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier(new ClaimsVerifier(Set.of(cloud.channelIssuer()), false));
        if (b.emulatorTokens) {
            this.emulatorIssuers = Set.copyOf(b.emulatorIssuers);
            ChannelKeys emulatorKeys = new ChannelKeys(http, b.emulatorOpenIdMetadataUrl, clock, b.keyRefreshInterval,
                    b.minKeyRefreshInterval, b.keyOutageTolerance);
            this.emulatorProcessor = new DefaultJWTProcessor<>();
            emulatorProcessor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, emulatorKeys));
            emulatorProcessor.setJWTClaimsSetVerifier(new ClaimsVerifier(emulatorIssuers, true));
        } else {
            this.emulatorIssuers = Set.of();
            this.emulatorProcessor = null;
        }
        this.onAuthenticated = List.copyOf(b.onAuthenticated);
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
     * The bot's app id, the only accepted audience.
     *
     * @return the app id
     */
    public String appId() {
        return appId;
    }

    /**
     * The cloud whose channel issuer and key document are used.
     *
     * @return the cloud
     */
    public BotCloud cloud() {
        return cloud;
    }

    /**
     * Validates {@code authorizationHeader} for {@code activity} (its {@code channelId} and {@code serviceUrl}).
     *
     * @param authorizationHeader the request's {@code Authorization} header value, or {@code null}
     * @param activity            the activity in the request body
     * @return the validated claims
     * @throws InboundAuthenticationException with {@link InboundAuthenticationException#statusCode()} 401, 403 or 503
     */
    public BotClaims authenticate(String authorizationHeader, Activity activity) {
        Objects.requireNonNull(activity, "activity");
        return authenticate(authorizationHeader, activity.channelId(), activity.serviceUrl());
    }

    /**
     * Validates {@code authorizationHeader} for an activity with the given channel id and service URL.
     *
     * @param authorizationHeader the request's {@code Authorization} header value, or {@code null}
     * @param channelId           the activity's {@code channelId}
     * @param serviceUrl          the activity's {@code serviceUrl}
     * @return the validated claims
     * @throws InboundAuthenticationException with {@link InboundAuthenticationException#statusCode()} 401, 403 or 503
     */
    public BotClaims authenticate(String authorizationHeader, String channelId, String serviceUrl) {
        try {
            BotClaims claims = validate(authorizationHeader, channelId, serviceUrl);
            LOG.debug("Authenticated inbound request: channel {}, service URL host {}, key {}",
                    safe(channelId), host(serviceUrl), claims.keyId());
            if (!claims.emulator()) {
                for (Consumer<String> hook : onAuthenticated) {
                    hook.accept(claims.serviceUrl());
                }
            }
            return claims;
        } catch (InboundAuthenticationException e) {
            LOG.debug("Rejected inbound request ({}): {}", e.statusCode(), e.getMessage());
            throw e;
        }
    }

    private BotClaims validate(String header, String channelId, String serviceUrl) {
        if (header == null || header.isEmpty()) {
            throw fail(InboundAuthenticationException.Reason.MISSING_HEADER, "no Authorization header", null);
        }
        if (!header.startsWith(BEARER)) {
            throw fail(InboundAuthenticationException.Reason.MALFORMED_HEADER, "the Authorization header does not use the"
                    + " 'Bearer' scheme", null);
        }
        String token = header.substring(BEARER.length());
        if (token.isEmpty() || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw fail(InboundAuthenticationException.Reason.MALFORMED_HEADER, "the Authorization header is not exactly"
                    + " 'Bearer <token>'", null);
        }
        if (token.length() > MAX_TOKEN_CHARS) {
            throw fail(InboundAuthenticationException.Reason.TOKEN_TOO_LARGE, "the token has " + token.length()
                    + " characters, more than " + MAX_TOKEN_CHARS, null);
        }
        JWT parsed;
        try {
            parsed = JWTParser.parse(token);
        } catch (ParseException | RuntimeException e) {
            throw fail(InboundAuthenticationException.Reason.MALFORMED_TOKEN, "the token is not a JWT", null);
        }
        if (!(parsed instanceof SignedJWT jwt)) {
            throw fail(InboundAuthenticationException.Reason.UNSUPPORTED_ALGORITHM, "the token is not signed ("
                    + parsed.getHeader().getAlgorithm() + ")", null);
        }
        JWSHeader h = jwt.getHeader();
        String kid = h.getKeyID();
        String where = "kid=" + safe(kid);
        if (!JWSAlgorithm.RS256.equals(h.getAlgorithm())) {
            throw fail(InboundAuthenticationException.Reason.UNSUPPORTED_ALGORITHM, "algorithm " + safe(h.getAlgorithm()
                    .getName()) + " is not allowed, only RS256 (" + where + ")", null);
        }
        if (kid == null || kid.isBlank()) {
            throw fail(InboundAuthenticationException.Reason.MISSING_KEY_ID, "the token header has no kid", null);
        }
        if (h.getCriticalParams() != null && !h.getCriticalParams().isEmpty()) {
            throw fail(InboundAuthenticationException.Reason.CRITICAL_HEADER, "the token header has critical parameters "
                    + safe(String.valueOf(h.getCriticalParams())) + " (" + where + ")", null);
        }
        JWTClaimsSet unverified;
        try {
            unverified = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw fail(InboundAuthenticationException.Reason.MALFORMED_TOKEN, "the token claims are malformed: "
                    + safe(e.getMessage()) + " (" + where + ")", null);
        }
        where += ", iss=" + safe(unverified.getIssuer()) + ", aud=" + safe(String.valueOf(unverified.getAudience()))
                + ", channelId=" + safe(channelId) + ", serviceUrl host=" + host(serviceUrl);
        boolean emulator = emulatorProcessor != null && emulatorIssuers.contains(unverified.getIssuer());
        if (!emulator && !cloud.channelIssuer().equals(unverified.getIssuer())) {
            throw fail(InboundAuthenticationException.Reason.UNTRUSTED_ISSUER, "the issuer is not "
                    + cloud.channelIssuer() + (emulatorProcessor != null ? " or an Emulator issuer" : "")
                    + " (" + where + ")", null);
        }

        ChannelKeys.Context context = new ChannelKeys.Context(kid);
        JWTClaimsSet claims = process(emulator ? emulatorProcessor : processor, jwt, context, where);
        if (emulator) {
            // Emulator tokens carry no serviceurl claim and their keys no endorsements; audience and app id were
            // checked by the claims verifier.
            Date nbf = claims.getNotBeforeTime();
            return new BotClaims(appId, claims.getIssuer(), serviceUrl, channelId,
                    context.selected() == null ? kid : context.selected().getKeyID(),
                    nbf == null ? null : nbf.toInstant(), claims.getExpirationTime().toInstant(), true);
        }

        Object claimedUrl = claims.getClaim("serviceurl");
        if (!(claimedUrl instanceof String claimedServiceUrl) || claimedServiceUrl.isEmpty()) {
            throw fail(InboundAuthenticationException.Reason.MISSING_SERVICE_URL, "the token has no serviceurl claim ("
                    + where + ")", null);
        }
        if (serviceUrl == null || !trimOneSlash(claimedServiceUrl).equals(trimOneSlash(serviceUrl))) {
            throw fail(InboundAuthenticationException.Reason.SERVICE_URL_MISMATCH, "the serviceurl claim (host "
                    + host(claimedServiceUrl) + ") is not the activity's service URL (" + where + ")", null);
        }
        if (channelId == null || channelId.isEmpty()) {
            throw fail(InboundAuthenticationException.Reason.MISSING_CHANNEL_ID, "the activity has no channelId ("
                    + where + ")", null);
        }
        ChannelKeys.Snapshot used = context.used();
        String verifyingKid = context.selected() == null ? null : context.selected().getKeyID();
        List<String> endorsements = used == null || verifyingKid == null ? List.of()
                : used.endorsementsOf(verifyingKid);
        if (endorsements.isEmpty()) {
            throw fail(InboundAuthenticationException.Reason.KEY_NOT_ENDORSED, "the signing key has no endorsements ("
                    + where + ")", null);
        }
        if (!endorsements.contains(channelId)) {
            throw fail(InboundAuthenticationException.Reason.CHANNEL_NOT_ENDORSED, "the signing key is not endorsed for"
                    + " channel " + safe(channelId) + " (" + where + ")", null);
        }
        Date nbf = claims.getNotBeforeTime();
        return new BotClaims(appId, claims.getIssuer(), claimedServiceUrl, channelId, verifyingKid,
                nbf == null ? null : nbf.toInstant(), claims.getExpirationTime().toInstant(), false);
    }

    private static JWTClaimsSet process(DefaultJWTProcessor<ChannelKeys.Context> processor, SignedJWT jwt,
                                        ChannelKeys.Context context, String where) {
        try {
            return processor.process(jwt, context);
        } catch (Rejected e) {
            throw fail(e.reason, e.getMessage() + " (" + where + ")", null);
        } catch (BadJWSException e) {
            throw fail(InboundAuthenticationException.Reason.BAD_SIGNATURE, "the signature does not verify (" + where + ")",
                    null);
        } catch (BadJOSEException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("typ")) {
                throw fail(InboundAuthenticationException.Reason.MALFORMED_TOKEN, safe(m) + " (" + where + ")", null);
            }
            throw fail(InboundAuthenticationException.Reason.UNKNOWN_KEY, "no signing key with this kid (" + where + ")",
                    null);
        } catch (ChannelKeys.UnavailableException e) {
            throw fail(InboundAuthenticationException.Reason.KEYS_UNAVAILABLE, e.getMessage(), e);
        } catch (JOSEException e) {
            throw fail(InboundAuthenticationException.Reason.BAD_SIGNATURE, "the signature cannot be verified: "
                    + safe(e.getMessage()) + " (" + where + ")", null);
        }
    }

    private static InboundAuthenticationException fail(InboundAuthenticationException.Reason reason, String message,
                                                Throwable cause) {
        return new InboundAuthenticationException(reason, "Inbound request refused (" + reason + "): " + message, cause);
    }

    static String trimOneSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String safe(String s) {
        return s == null ? "-" : TokenErrors.safe(s, 120);
    }

    private static String host(String url) {
        if (url == null) {
            return "-";
        }
        HttpUrl u = HttpUrl.parse(url);
        return u == null ? "(not a URL)" : safe(u.host());
    }

    /** A claims check failure with its reason. */
    private static final class Rejected extends BadJWTException {
        private static final long serialVersionUID = 1L;
        private final transient InboundAuthenticationException.Reason reason;

        Rejected(InboundAuthenticationException.Reason reason, String message) {
            super(message);
            this.reason = reason;
        }
    }

    /** exp (required), nbf, iss and a single aud; run by nimbus after the signature verified. */
    private final class ClaimsVerifier implements JWTClaimsSetVerifier<ChannelKeys.Context> {
        private final Set<String> issuers;
        private final boolean requireAppIdClaim;

        ClaimsVerifier(Set<String> issuers, boolean requireAppIdClaim) {
            this.issuers = issuers;
            this.requireAppIdClaim = requireAppIdClaim;
        }

        @Override
        public void verify(JWTClaimsSet claims, ChannelKeys.Context context) throws BadJWTException {
            long now = clock.instant().getEpochSecond();
            Date exp = claims.getExpirationTime();
            if (exp == null) {
                throw new Rejected(InboundAuthenticationException.Reason.MISSING_EXPIRY, "the token has no exp claim");
            }
            if (exp.toInstant().getEpochSecond() + skewSeconds < now) {
                throw new Rejected(InboundAuthenticationException.Reason.EXPIRED, "the token expired at " + exp.toInstant());
            }
            Date nbf = claims.getNotBeforeTime();
            if (nbf != null && nbf.toInstant().getEpochSecond() - skewSeconds > now) {
                throw new Rejected(InboundAuthenticationException.Reason.NOT_YET_VALID, "the token is not valid before "
                        + nbf.toInstant());
            }
            if (!issuers.contains(claims.getIssuer())) {
                throw new Rejected(InboundAuthenticationException.Reason.UNTRUSTED_ISSUER, "the issuer is not trusted");
            }
            List<String> aud = claims.getAudience();
            if (aud == null || aud.size() != 1 || !appId.equals(aud.get(0))) {
                throw new Rejected(InboundAuthenticationException.Reason.BAD_AUDIENCE, "the audience is not exactly the"
                        + " bot's app id " + appId);
            }
            if (requireAppIdClaim) {
                Object caller = "2.0".equals(claims.getClaim("ver")) ? claims.getClaim("azp") : claims.getClaim("appid");
                if (!appId.equals(caller)) {
                    throw new Rejected(InboundAuthenticationException.Reason.APP_ID_MISMATCH, "the token was not issued to"
                            + " the bot's app id " + appId);
                }
            }
        }
    }

    /** Builder of {@link BotAuthenticator}. */
    public static final class Builder {
        private String appId;
        private BotCloud cloud = BotCloud.PUBLIC;
        private String openIdMetadataUrl;
        private OkHttpClient httpClient;
        private Clock clock = Clock.systemUTC();
        private Duration clockSkew = Duration.ofMinutes(5);
        private Duration keyRefreshInterval = Duration.ofHours(12);
        private Duration minKeyRefreshInterval = Duration.ofMinutes(5);
        private Duration keyOutageTolerance = Duration.ofHours(48);
        private boolean emulatorTokens;
        private String emulatorOpenIdMetadataUrl;
        private Set<String> emulatorIssuers;
        private final List<Consumer<String>> onAuthenticated = new CopyOnWriteArrayList<>();

        private Builder() {
        }

        /**
         * The bot's Microsoft App ID: the only accepted audience. Required.
         *
         * @param appId the app id
         * @return this builder
         */
        public Builder appId(String appId) {
            this.appId = appId;
            return this;
        }

        /**
         * The cloud whose channel issuer and OpenID metadata are used; default {@link BotCloud#PUBLIC}.
         *
         * @param cloud the cloud
         * @return this builder
         */
        public Builder cloud(BotCloud cloud) {
            this.cloud = Objects.requireNonNull(cloud, "cloud");
            return this;
        }

        /**
         * Overrides the cloud's OpenID metadata URL (https; http only on loopback, for tests). The key document it
         * names must be on the same host.
         *
         * @param url the metadata URL
         * @return this builder
         */
        public Builder openIdMetadataUrl(String url) {
            this.openIdMetadataUrl = url;
            return this;
        }

        /**
         * The OkHttp client for the metadata and key document; default a client with realistic timeouts.
         *
         * @param httpClient the client
         * @return this builder
         */
        public Builder httpClient(OkHttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /**
         * The clock for token validity and key caching; default the system UTC clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Tolerated clock difference for {@code exp} and {@code nbf}; default and maximum 5 minutes.
         *
         * @param skew zero to 5 minutes
         * @return this builder
         */
        public Builder clockSkew(Duration skew) {
            Objects.requireNonNull(skew, "skew");
            if (skew.isNegative() || skew.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new IllegalArgumentException("clockSkew must be between 0 and 5 minutes, got " + skew);
            }
            this.clockSkew = skew;
            return this;
        }

        /**
         * How long a loaded key document is used before it is reloaded; default 12 hours, at most 24 hours.
         *
         * @param interval more than the minimum refresh interval, at most 24 hours
         * @return this builder
         */
        public Builder keyRefreshInterval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.compareTo(Duration.ofHours(24)) > 0 || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("keyRefreshInterval must be positive and at most 24 hours, got "
                        + interval);
            }
            this.keyRefreshInterval = interval;
            return this;
        }

        /**
         * Least time between key document loads caused by unknown key ids (and retries after a failed load);
         * default 5 minutes.
         *
         * @param interval positive
         * @return this builder
         */
        public Builder minKeyRefreshInterval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("minKeyRefreshInterval must be positive, got " + interval);
            }
            this.minKeyRefreshInterval = interval;
            return this;
        }

        /**
         * How long after loading the last good key document stays in use while reloading fails; default 48 hours.
         *
         * @param tolerance at least the key refresh interval
         * @return this builder
         */
        public Builder keyOutageTolerance(Duration tolerance) {
            this.keyOutageTolerance = Objects.requireNonNull(tolerance, "tolerance");
            return this;
        }

        /**
         * Whether to also accept Bot Framework Emulator tokens; default {@code false}, and keep it off in production:
         * an Emulator token is an Entra token issued to the bot's own app id, it carries no {@code serviceurl} claim
         * and its key no endorsements, so anyone holding one can post activities for any service URL. When enabled,
         * the token must come from one of the Emulator issuers of the cloud, be signed with a key of the Entra
         * OpenID metadata, have {@code aud} = the app id and {@code appid} ({@code azp} for v2.0 tokens) = the app
         * id. The {@link #onAuthenticated(Consumer)} hook is not called for Emulator tokens.
         *
         * @param enabled whether Emulator tokens are accepted
         * @return this builder
         */
        public Builder emulatorTokens(boolean enabled) {
            this.emulatorTokens = enabled;
            return this;
        }

        /**
         * Overrides the OpenID metadata URL of Emulator tokens (default: the cloud's Entra metadata for the Bot
         * Framework tenant; required for custom clouds).
         *
         * @param url the metadata URL (https; http only on localhost)
         * @return this builder
         */
        public Builder emulatorOpenIdMetadataUrl(String url) {
            this.emulatorOpenIdMetadataUrl = url;
            return this;
        }

        /**
         * Overrides the accepted Emulator token issuers (default: the Bot Framework tenant's v1 and v2 issuers of the
         * cloud; required for custom clouds).
         *
         * @param issuers exact issuer strings
         * @return this builder
         */
        public Builder emulatorIssuers(String... issuers) {
            this.emulatorIssuers = Set.of(issuers);
            return this;
        }

        /**
         * Called with the validated service URL after every successful authentication, for example to let the
         * outbound trusted-host policy learn it. Exceptions thrown by the hook propagate to the caller of
         * {@code authenticate}.
         *
         * @param hook receives the service URL of the authenticated activity
         * @return this builder
         */
        public Builder onAuthenticated(Consumer<String> hook) {
            onAuthenticated.add(Objects.requireNonNull(hook, "hook"));
            return this;
        }

        /**
         * Builds the authenticator. No network call is made until the first request.
         *
         * @return the authenticator
         * @throws IllegalArgumentException when the app id is missing or the metadata URL is not https
         */
        public BotAuthenticator build() {
            if (appId == null || appId.isBlank()) {
                throw new IllegalArgumentException("BotAuthenticator: appId must be set to the bot's Microsoft App ID");
            }
            checkMetadataUrl(openIdMetadataUrl, "openIdMetadataUrl");
            if (emulatorTokens) {
                EmulatorDefaults defaults = EmulatorDefaults.of(cloud);
                if (emulatorOpenIdMetadataUrl == null) {
                    emulatorOpenIdMetadataUrl = defaults == null ? null : defaults.metadataUrl;
                }
                if (emulatorIssuers == null) {
                    emulatorIssuers = defaults == null ? null : defaults.issuers;
                }
                if (emulatorOpenIdMetadataUrl == null || emulatorIssuers == null || emulatorIssuers.isEmpty()) {
                    throw new IllegalArgumentException("BotAuthenticator: cloud '" + cloud.name() + "' has no"
                            + " Emulator defaults; set emulatorOpenIdMetadataUrl(...) and emulatorIssuers(...)");
                }
                if (emulatorIssuers.contains(cloud.channelIssuer())) {
                    throw new IllegalArgumentException("BotAuthenticator: the channel issuer cannot be an Emulator"
                            + " issuer");
                }
                checkMetadataUrl(emulatorOpenIdMetadataUrl, "emulatorOpenIdMetadataUrl");
            }
            if (keyOutageTolerance.compareTo(keyRefreshInterval) < 0) {
                throw new IllegalArgumentException("BotAuthenticator: keyOutageTolerance must be at least"
                        + " keyRefreshInterval");
            }
            if (minKeyRefreshInterval.compareTo(keyRefreshInterval) >= 0) {
                throw new IllegalArgumentException("BotAuthenticator: minKeyRefreshInterval must be less than"
                        + " keyRefreshInterval");
            }
            return new BotAuthenticator(this);
        }

        private static void checkMetadataUrl(String url, String what) {
            if (url == null) {
                return;
            }
            HttpUrl u = HttpUrl.parse(url);
            boolean loopback = u != null && HostNames.isLoopback(u.host());
            if (u == null || !(u.isHttps() || loopback)) {
                throw new IllegalArgumentException("BotAuthenticator: " + what + " must be an https URL"
                        + " (http only on localhost), got " + url);
            }
        }
    }

    /** Emulator token issuers and metadata of the preset clouds. */
    private static final class EmulatorDefaults {
        private static final String BF_TENANT = "d6d49420-f39b-4df7-a1dc-d59a935871db";
        private static final String BF_TENANT_2 = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";
        private static final String GOV_TENANT = "cab8a31a-1906-4287-a0d8-4eef66b95f6e";

        final String metadataUrl;
        final Set<String> issuers;

        private EmulatorDefaults(String metadataUrl, Set<String> issuers) {
            this.metadataUrl = metadataUrl;
            this.issuers = issuers;
        }

        static EmulatorDefaults of(BotCloud cloud) {
            if (cloud.equals(BotCloud.PUBLIC)) {
                return new EmulatorDefaults(
                        "https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration",
                        Set.of("https://sts.windows.net/" + BF_TENANT + "/",
                                "https://login.microsoftonline.com/" + BF_TENANT + "/v2.0",
                                "https://sts.windows.net/" + BF_TENANT_2 + "/",
                                "https://login.microsoftonline.com/" + BF_TENANT_2 + "/v2.0"));
            }
            if (cloud.equals(BotCloud.US_GOV_GCC_HIGH) || cloud.equals(BotCloud.US_GOV_DOD)) {
                return new EmulatorDefaults(
                        "https://login.microsoftonline.us/" + GOV_TENANT + "/v2.0/.well-known/openid-configuration",
                        Set.of("https://sts.windows.net/" + GOV_TENANT + "/",
                                "https://login.microsoftonline.us/" + GOV_TENANT + "/v2.0"));
            }
            return null;
        }
    }

    @Override
    public String toString() {
        return "BotAuthenticator[appId=" + appId + ", cloud=" + cloud.name() + ", issuer=" + cloud.channelIssuer()
                + "]";
    }
}
