/**
 * Implementation of the authentication package: token cache, token requests and error hints, certificate loading,
 * channel signing keys. Not public API: not exported by the module, and it may change without notice in any release.
 */
package io.github.botconnector.internal.auth;
