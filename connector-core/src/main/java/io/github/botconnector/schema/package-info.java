/**
 * Bot Framework schema models: {@link io.github.botconnector.schema.Activity},
 * {@link io.github.botconnector.schema.ConversationReference} and the bodies of every Bot Connector v3 operation.
 *
 * <p>All models are immutable, built with {@code builder()} and changed with {@code toBuilder()}; accessors are
 * record-style ({@code activity.text()}). Reading is lenient and lossless: JSON members a model does not define are
 * kept at every depth in {@code properties()} and written back, free-form members ({@code channelData},
 * {@code value}, attachment {@code content}) are kept as JSON trees of maps and lists, timestamps are read with or
 * without fractional seconds and with any offset. Writing omits null members and adds nothing.
 */
package io.github.botconnector.schema;
