package io.github.botconnector.testing;

import io.github.botconnector.schema.Activity;

/**
 * What the bot's endpoint answered to an inbound activity.
 *
 * @param status   HTTP status
 * @param body     response body text
 * @param activity the activity that was posted
 */
public record InboundResult(int status, String body, Activity activity) {
}
