/**
 * Authentication: {@link io.github.botconnector.auth.TokenProvider} and the Azure AD credentials that implement it,
 * cloud presets, the outbound trusted-host policy, and validation of inbound JWTs.
 *
 * <h2>Outbound tokens (bot to Bot Connector)</h2>
 * <ul>
 *   <li>{@link io.github.botconnector.auth.ClientSecretCredential}: app id + client secret.</li>
 *   <li>{@link io.github.botconnector.auth.CertificateCredential}: app id + certificate (PEM or PKCS#12); signs a
 *       client assertion (PS256 or RS256, {@code x5t#S256}).</li>
 *   <li>{@link io.github.botconnector.auth.ManagedIdentityCredential}: system- or user-assigned managed identity
 *       through IMDS or the App Service identity endpoint.</li>
 *   <li>{@link io.github.botconnector.auth.FederatedCredential}: app id + an assertion from another identity
 *       provider (a supplier, or a workload-identity token file).</li>
 * </ul>
 * Every credential keeps one token cache shared by all clients that use it: one request in flight at a time,
 * tokens stop being used five minutes before they expire, a background refresh starts shortly before that while the
 * valid token keeps being served, and {@link io.github.botconnector.auth.TokenProvider#tokenRejected} forces one
 * refresh. Single-tenant bots set a tenant id; without one, tokens come from the cloud's multi-tenant authority.
 * Failures are {@link io.github.botconnector.exception.TokenAcquisitionException}s carrying the Azure AD error code
 * and a hint; no secret, assertion or token ever appears in a message, a log line or a {@code toString()}.
 *
 * <h2>Inbound requests (channel to bot)</h2>
 * {@link io.github.botconnector.auth.BotAuthenticator} validates the {@code Authorization} header against the
 * activity and returns {@link io.github.botconnector.auth.BotClaims}, or throws an
 * {@link io.github.botconnector.exception.InboundAuthenticationException} whose status code (401, 403 or 503) is the
 * answer to send.
 */
package io.github.botconnector.auth;
