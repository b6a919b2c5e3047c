/** The starter's implementation; not public API. */
package io.github.botconnector.spring.internal;
