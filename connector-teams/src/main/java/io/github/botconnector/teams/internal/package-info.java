/**
 * The implementation of connector-teams: Teams request rules, the operations behind TeamsClient and
 * TeamsAsyncClient, the Microsoft Graph requests behind GraphClient, the reaction pacer. Not public API: nothing
 * here is exported by the module, and it may change without notice in any release.
 */
package io.github.botconnector.teams.internal;
