/**
 * The exceptions of the SDK. All are unchecked. {@link io.github.botconnector.exception.ConnectorException} is the
 * base of every failure of the Bot Connector service, of token acquisition and of pre-flight checks: an error answer
 * ({@link io.github.botconnector.exception.ConnectorResponseException} and its subclasses, chosen by error code,
 * then status), a request that got no answer ({@link io.github.botconnector.exception.ConnectorIOException},
 * {@link io.github.botconnector.exception.PossiblyDeliveredException}), a host the token must not go to
 * ({@link io.github.botconnector.exception.UntrustedHostException}), the bot's own credential failing
 * ({@link io.github.botconnector.exception.TokenAcquisitionException}) and an inbound request whose token is
 * refused ({@link io.github.botconnector.exception.InboundAuthenticationException}). Each carries what the caller
 * needs to act (status, error code, request id, attempts, {@code Retry-After}) and its message says what to do.
 * Argument errors are {@link java.lang.IllegalArgumentException}s, among them
 * {@link io.github.botconnector.exception.JsonFormatException} for JSON that is not an activity or a reference.
 */
package io.github.botconnector.exception;
