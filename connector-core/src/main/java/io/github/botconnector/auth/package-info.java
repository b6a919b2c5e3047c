/**
 * Authentication: {@link io.github.botconnector.auth.TokenProvider} and the Azure AD credentials that implement it,
 * cloud presets, the outbound trusted-host policy, and validation of inbound JWTs.
 */
package io.github.botconnector.auth;
