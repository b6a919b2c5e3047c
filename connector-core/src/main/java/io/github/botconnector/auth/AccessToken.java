package io.github.botconnector.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * A bearer token and the instant it expires. {@link #toString()} never shows the token.
 *
 * @param token     the raw access token, exactly as issued (never escape or decode it)
 * @param expiresAt when the token stops being valid
 */
public record AccessToken(String token, Instant expiresAt) {

    public AccessToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (token.isBlank()) {
            throw new IllegalArgumentException("token must not be blank");
        }
    }

    /** Whether the token is expired at {@code now}. */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "AccessToken[token=<redacted>, expiresAt=" + expiresAt + "]";
    }
}
