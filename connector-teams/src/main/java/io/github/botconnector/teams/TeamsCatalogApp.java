package io.github.botconnector.teams;

/**
 * A Teams app in a tenant's app catalog, found by {@link GraphClient#findCatalogApp(String, String)}.
 *
 * @param id                 the catalog id ({@code teamsAppId}) used to install the app; for Teams Store apps it
 *                           equals the manifest id
 * @param externalId         the manifest id, or {@code null} for Store apps
 * @param displayName        the app's name
 * @param distributionMethod {@code organization}, {@code store} or {@code sideloaded}
 */
public record TeamsCatalogApp(String id, String externalId, String displayName, String distributionMethod) {
}
