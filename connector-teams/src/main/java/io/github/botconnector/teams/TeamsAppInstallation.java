package io.github.botconnector.teams;

/**
 * The app installed for a user or in a team, found by
 * {@link GraphClient#findUserInstallation(String, String, String)}.
 *
 * @param id         the installation id, for {@link GraphClient#installationChatId(String, String, String)}
 * @param teamsAppId the catalog id of the installed app
 */
public record TeamsAppInstallation(String id, String teamsAppId) {
}
