package io.github.botconnector.testing;

import io.github.botconnector.schema.ChannelAccount;

/**
 * A user of the fake's world.
 *
 * @param id                Teams user id ({@code 29:...}), unique to the fake's bot
 * @param aadObjectId       Entra object id (GUID)
 * @param name              display name
 * @param givenName         given name
 * @param surname           surname
 * @param email             email address
 * @param userPrincipalName UPN
 * @param tenantId          the user's tenant
 */
public record FakeUser(String id, String aadObjectId, String name, String givenName, String surname, String email,
                       String userPrincipalName, String tenantId) {

    /** The user as a {@link ChannelAccount} ({@code id}, {@code name}, {@code aadObjectId}). */
    public ChannelAccount toChannelAccount() {
        return ChannelAccount.builder().id(id).name(name).aadObjectId(aadObjectId).role("user").build();
    }
}
