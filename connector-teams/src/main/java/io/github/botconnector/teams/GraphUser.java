package io.github.botconnector.teams;

/**
 * A user as Microsoft Graph describes them, resolved by {@link GraphClient#findUser(String, String)}.
 *
 * @param id                the Microsoft Entra object id (GUID); Teams accepts it as the member of a 1:1 chat once
 *                          the app is installed for the user
 * @param displayName       the display name, or {@code null}
 * @param userPrincipalName the UPN, or {@code null}
 * @param mail              the primary e-mail address, or {@code null}
 * @param userType          {@code Member}, {@code Guest}, or {@code null} when Graph did not say
 */
public record GraphUser(String id, String displayName, String userPrincipalName, String mail, String userType) {

    /**
     * Whether the user is a guest of the tenant (guests cannot get the app installed proactively).
     *
     * @return {@code true} for {@code userType} {@code Guest} or a {@code #EXT#} UPN
     */
    public boolean isGuest() {
        return "Guest".equalsIgnoreCase(userType)
                || userPrincipalName != null && userPrincipalName.toUpperCase(java.util.Locale.ROOT).contains("#EXT#");
    }
}
