/**
 * The implementation of connector-core: the HTTP pipeline, the JSON mapper, error mapping, argument checks and
 * paging. Not public API: nothing here is exported by the module, and it may change without notice in any release.
 */
package io.github.botconnector.internal;
