/**
 * The implementation of the fake connector: its server, routes, Teams rules and state. Not public API: nothing
 * here is exported by the module, and it may change without notice in any release.
 */
package io.github.botconnector.testing.internal;
