package io.github.botconnector.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.github.botconnector.internal.Json;
import java.io.IOException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channel signing keys: OpenID metadata, then the key document it names, with each key's Bot Framework
 * {@code endorsements} kept next to the key from the same document version (nimbus drops unknown key members).
 *
 * <ul>
 *   <li>Loaded on first use and again after {@code refreshInterval}; one load at a time.</li>
 *   <li>An unknown {@code kid} causes at most one extra load per {@code minRefreshInterval} (any load counts), so
 *       a flood of made-up key ids cannot turn into a flood of downloads.</li>
 *   <li>When a load fails (endpoint down, HTML, oversized, no usable keys) the last good keys keep being used for
 *       up to {@code maxStale} after they were loaded; before the first success every request fails closed.</li>
 *   <li>{@code jwks_uri} must be on the metadata document's host and scheme; bodies are size-capped; redirects are
 *       not followed.</li>
 * </ul>
 * Not public API.
 */
public final class ChannelKeys implements JWKSource<ChannelKeys.Context> {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelKeys.class);
    private static final long MAX_METADATA_BYTES = 64 * 1024;
    private static final long MAX_KEYS_BYTES = 256 * 1024;
    private static final Duration RETRY_BEFORE_FIRST_SUCCESS = Duration.ofSeconds(30);

    /** Per-request context: which key id the token names and which key document version answered. */
    public static final class Context implements SecurityContext {
        private final String keyId;
        private Snapshot used;
        private JWK selected;

        /** @param keyId the token's {@code kid} header */
        public Context(String keyId) {
            this.keyId = keyId;
        }

        /** The key document version the signature was checked against, or {@code null}. */
        public Snapshot used() {
            return used;
        }

        /** The only key that could verify the signature, or {@code null} when none matched. */
        public JWK selected() {
            return selected;
        }
    }

    /**
     * One version of the key document.
     *
     * @param keys         the usable RSA signing keys, unique by {@code kid}
     * @param endorsements channel ids per {@code kid} (empty when the key has no {@code endorsements} member)
     * @param loadedAt     when it was loaded
     */
    public record Snapshot(JWKSet keys, Map<String, List<String>> endorsements, Instant loadedAt) {
        /** The channel ids the key {@code kid} is endorsed for; empty when none. */
        public List<String> endorsementsOf(String kid) {
            return endorsements.getOrDefault(kid, List.of());
        }
    }

    /** The key document could not be loaded and no usable earlier version exists. */
    public static final class UnavailableException extends KeySourceException {
        private static final long serialVersionUID = 1L;

        UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final OkHttpClient http;
    private final HttpUrl metadataUrl;
    private final Clock clock;
    private final Duration refreshInterval;
    private final Duration minRefreshInterval;
    private final Duration maxStale;

    private final Object lock = new Object();
    private volatile Snapshot snapshot;
    private Instant lastAttempt = Instant.MIN;
    private Instant nextAttemptAfterFailure = Instant.MIN;
    private String lastFailure;

    /**
     * @param http               client (redirects disabled here; a 10 s call timeout is applied)
     * @param metadataUrl        OpenID metadata URL
     * @param clock              time source
     * @param refreshInterval    age after which keys are reloaded
     * @param minRefreshInterval least time between loads caused by unknown key ids or after failures
     * @param maxStale           how long after loading keys may still be used when reloading fails
     */
    public ChannelKeys(OkHttpClient http, String metadataUrl, Clock clock, Duration refreshInterval,
                       Duration minRefreshInterval, Duration maxStale) {
        this.http = Objects.requireNonNull(http, "http").newBuilder().followRedirects(false)
                .followSslRedirects(false).callTimeout(10, TimeUnit.SECONDS).build();
        this.metadataUrl = HttpUrl.parse(Objects.requireNonNull(metadataUrl, "metadataUrl"));
        if (this.metadataUrl == null) {
            throw new IllegalArgumentException("openIdMetadataUrl is not an http(s) URL: " + metadataUrl);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refreshInterval = Objects.requireNonNull(refreshInterval, "refreshInterval");
        this.minRefreshInterval = Objects.requireNonNull(minRefreshInterval, "minRefreshInterval");
        this.maxStale = Objects.requireNonNull(maxStale, "maxStale");
    }

    @Override
    public List<JWK> get(JWKSelector selector, Context context) throws KeySourceException {
        Snapshot s = current();
        List<JWK> matches = selector.select(s.keys());
        if (matches.isEmpty() && context != null && context.keyId != null
                && s.keys().getKeyByKeyId(context.keyId) == null) {
            Snapshot refreshed = refreshForUnknownKey(s, context.keyId);
            if (refreshed != s) {
                s = refreshed;
                matches = selector.select(s.keys());
            }
        }
        if (context != null) {
            context.used = s;
            context.selected = matches.size() == 1 ? matches.get(0) : null;
        }
        // Key ids are unique per document, so at most one key can verify the signature; never offer several.
        return matches.size() <= 1 ? matches : List.of();
    }

    /** The current key document, loading it when missing or due. */
    public Snapshot current() throws UnavailableException {
        Instant now = clock.instant();
        Snapshot s = snapshot;
        if (s != null && now.isBefore(s.loadedAt().plus(refreshInterval))) {
            return s;
        }
        synchronized (lock) {
            s = snapshot;
            if (s != null && now.isBefore(s.loadedAt().plus(refreshInterval))) {
                return s;
            }
            if (now.isBefore(nextAttemptAfterFailure)) {
                return staleOrFail(s, now, null);
            }
            try {
                return load(now);
            } catch (IOException | RuntimeException e) {
                failed(now, s, e);
                return staleOrFail(s, now, e);
            }
        }
    }

    private Snapshot refreshForUnknownKey(Snapshot seen, String kid) {
        synchronized (lock) {
            Snapshot s = snapshot;
            if (s != seen) {
                return s;
            }
            Instant now = clock.instant();
            if (now.isBefore(lastAttempt.plus(minRefreshInterval)) || now.isBefore(nextAttemptAfterFailure)) {
                LOG.debug("Unknown signing key id '{}'; key document reloads are rate-limited, not reloading",
                        TokenErrors.safe(kid, 80));
                return seen;
            }
            LOG.debug("Unknown signing key id '{}'; reloading the key document", TokenErrors.safe(kid, 80));
            try {
                return load(now);
            } catch (IOException | RuntimeException e) {
                failed(now, seen, e);
                return seen;
            }
        }
    }

    private void failed(Instant now, Snapshot s, Exception e) {
        lastFailure = e.getMessage();
        nextAttemptAfterFailure = now.plus(s == null ? min(RETRY_BEFORE_FIRST_SUCCESS, minRefreshInterval)
                : minRefreshInterval);
        LOG.warn("Loading the channel signing keys from {} failed ({}); {}", metadataUrl, e.getMessage(),
                s == null ? "no keys are available, inbound requests are rejected"
                        : "keeping the keys loaded at " + s.loadedAt());
    }

    private Snapshot staleOrFail(Snapshot s, Instant now, Exception cause) throws UnavailableException {
        if (s != null && now.isBefore(s.loadedAt().plus(maxStale))) {
            return s;
        }
        throw new UnavailableException("The channel signing keys are unavailable ("
                + (cause != null ? cause.getMessage() : lastFailure) + ")", cause);
    }

    private Snapshot load(Instant now) throws IOException {
        lastAttempt = now;
        JsonNode metadata = getJson(metadataUrl, MAX_METADATA_BYTES, "OpenID metadata");
        JsonNode jwksUriNode = metadata.get("jwks_uri");
        if (jwksUriNode == null || !jwksUriNode.isTextual()) {
            throw new IOException("the OpenID metadata has no jwks_uri");
        }
        HttpUrl jwksUri = HttpUrl.parse(jwksUriNode.asText());
        if (jwksUri == null || !jwksUri.scheme().equals(metadataUrl.scheme())
                || !jwksUri.host().equalsIgnoreCase(metadataUrl.host()) || jwksUri.port() != metadataUrl.port()) {
            throw new IOException("the OpenID metadata names jwks_uri '" + TokenErrors.safe(jwksUriNode.asText(), 200)
                    + "', which is not on " + metadataUrl.scheme() + "://" + metadataUrl.host());
        }
        JsonNode algs = metadata.get("id_token_signing_alg_values_supported");
        if (algs != null && algs.isArray() && !algs.toString().contains("\"RS256\"")) {
            LOG.warn("The OpenID metadata at {} does not list RS256; only RS256 tokens are accepted", metadataUrl);
        }
        JsonNode document = getJson(jwksUri, MAX_KEYS_BYTES, "key document");
        JsonNode keys = document.get("keys");
        if (keys == null || !keys.isArray()) {
            throw new IOException("the key document has no keys array");
        }
        List<JWK> parsed = new ArrayList<>();
        Map<String, List<String>> endorsements = new LinkedHashMap<>();
        Set<String> duplicates = new HashSet<>();
        for (JsonNode key : keys) {
            RSAKey rsa = parseKey(key);
            if (rsa == null) {
                continue;
            }
            String kid = rsa.getKeyID();
            if (endorsements.containsKey(kid)) {
                duplicates.add(kid);
                continue;
            }
            List<String> channels = new ArrayList<>();
            JsonNode e = key.get("endorsements");
            if (e != null && e.isArray()) {
                for (JsonNode c : e) {
                    if (c.isTextual()) {
                        channels.add(c.asText());
                    }
                }
            }
            parsed.add(rsa);
            endorsements.put(kid, List.copyOf(channels));
        }
        if (!duplicates.isEmpty()) {
            // A key id listed twice is ambiguous: which entry's endorsements apply? Use neither.
            LOG.warn("The key document lists key ids {} more than once; those keys are ignored", duplicates);
            parsed.removeIf(k -> duplicates.contains(k.getKeyID()));
            endorsements.keySet().removeAll(duplicates);
        }
        if (parsed.isEmpty()) {
            throw new IOException("the key document holds no usable RSA signing keys");
        }
        Snapshot s = new Snapshot(new JWKSet(parsed), Map.copyOf(endorsements), now);
        snapshot = s;
        nextAttemptAfterFailure = Instant.MIN;
        lastFailure = null;
        LOG.debug("Loaded {} channel signing keys from {}", parsed.size(), jwksUri);
        return s;
    }

    private static RSAKey parseKey(JsonNode key) {
        if (key == null || !key.isObject() || !"RSA".equals(key.path("kty").asText())) {
            return null;
        }
        try {
            JWK jwk = JWK.parse(key.toString());
            if (!(jwk instanceof RSAKey rsa) || rsa.getKeyID() == null || rsa.getKeyID().isBlank()
                    || rsa.isPrivate()) {
                return null;
            }
            if (rsa.getKeyUse() != null && !KeyUse.SIGNATURE.equals(rsa.getKeyUse())) {
                return null;
            }
            return rsa;
        } catch (ParseException e) {
            LOG.warn("Ignoring a key that cannot be parsed in the key document: {}", e.getMessage());
            return null;
        }
    }

    private JsonNode getJson(HttpUrl url, long maxBytes, String what) throws IOException {
        Request request = new Request.Builder().url(url).get().header("Accept", "application/json").build();
        try (Response response = http.newCall(request).execute()) {
            if (response.code() != 200) {
                throw new IOException(what + " answered HTTP " + response.code());
            }
            BufferedSource source = response.body().source();
            if (source.request(maxBytes + 1)) {
                throw new IOException(what + " is larger than " + maxBytes + " bytes");
            }
            String body = source.getBuffer().readUtf8();
            JsonNode node;
            try {
                node = Json.mapper().readTree(body);
            } catch (IOException | RuntimeException e) {
                throw new IOException(what + " is not JSON");
            }
            if (node == null || !node.isObject()) {
                throw new IOException(what + " is not a JSON object");
            }
            return node;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
