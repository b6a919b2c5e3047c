/**
 * The implementation of the conversation reference stores: SQL and the stored JSON form. Not public API: nothing
 * here is exported by the module, and it may change without notice in any release.
 */
package io.github.botconnector.broadcast.store.internal;
