/**
 * The starter's implementation: the inbound endpoint, listener fan-out, metrics and health, failure analysis. Not
 * public API: it may change without notice in any release.
 */
package io.github.botconnector.spring.internal;
