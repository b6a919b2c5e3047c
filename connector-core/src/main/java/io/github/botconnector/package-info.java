/**
 * The Bot Connector client: send proactive messages, create conversations and read rosters through the Bot
 * Connector v3 REST API.
 */
package io.github.botconnector;
