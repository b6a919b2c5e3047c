package io.github.botconnector.testing;

import java.time.Instant;

/**
 * A request to the fake's token endpoint.
 *
 * @param at             when (fake clock)
 * @param tenant         tenant segment of the token endpoint path ({@code botframework.com} or a tenant id)
 * @param grantType      {@code grant_type}
 * @param clientId       {@code client_id}
 * @param scope          {@code scope}
 * @param credentialType {@code secret}, {@code assertion} or {@code none}
 * @param status         response status
 */
public record TokenRequest(Instant at, String tenant, String grantType, String clientId, String scope,
                           String credentialType, int status) {
}
