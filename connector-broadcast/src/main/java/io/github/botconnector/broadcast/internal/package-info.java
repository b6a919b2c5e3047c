/**
 * The implementation of the broadcast engine: dispatching, pacing, outcomes and the in-memory ledger. Not public
 * API: nothing here is exported by the module, and it may change without notice in any release.
 */
package io.github.botconnector.broadcast.internal;
