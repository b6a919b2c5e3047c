package io.github.botconnector.auth;

import java.time.Instant;

/**
 * What a validated inbound token says. Holds no token, so {@link #toString()} is safe to log.
 *
 * @param appId      the audience: the bot's app id
 * @param issuer     the token issuer (the cloud's channel issuer)
 * @param serviceUrl the {@code serviceurl} claim, which equals the activity's service URL
 * @param channelId  the activity's channel id, which the signing key is endorsed for
 * @param keyId      {@code kid} of the key that verified the signature
 * @param notBefore  {@code nbf}, or {@code null} when absent
 * @param expiresAt  {@code exp}
 * @param emulator   whether this is a Bot Framework Emulator token (only when enabled); its {@code serviceUrl} is
 *                   the activity's and was not vouched for by the token
 */
public record BotClaims(String appId, String issuer, String serviceUrl, String channelId, String keyId,
                        Instant notBefore, Instant expiresAt, boolean emulator) {
}
