/**
 * Implementation of the authentication package: token cache, token requests and error hints, certificate loading,
 * channel signing keys. Not public API; not exported.
 */
package io.github.botconnector.internal.auth;
