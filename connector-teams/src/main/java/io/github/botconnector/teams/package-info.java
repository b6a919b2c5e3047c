/**
 * Microsoft Teams on top of the Bot Connector client.
 *
 * <ul>
 *   <li>Models of the Teams payloads ({@link io.github.botconnector.teams.TeamsChannelData},
 *       {@link io.github.botconnector.teams.TeamsChannelAccount}, {@link io.github.botconnector.teams.TeamDetails},
 *       meeting types, ...), lossless like the core schema models.</li>
 *   <li>{@link io.github.botconnector.teams.TeamsActivities}: static helpers that read Teams ids and events from any
 *       {@link io.github.botconnector.schema.Activity} and build Teams-specific outgoing messages.</li>
 *   <li>{@link io.github.botconnector.teams.TeamsClient}: create-or-get 1:1 chats, channel threads, team, channel,
 *       member, meeting and batch messaging operations through a {@link io.github.botconnector.ConnectorClient}.</li>
 *   <li>{@link io.github.botconnector.teams.TeamsReach} and {@link io.github.botconnector.teams.GraphClient}: reach
 *       people by e-mail address, UPN or Entra object id, installing the app through Microsoft Graph when
 *       allowed.</li>
 * </ul>
 */
package io.github.botconnector.teams;
