package io.github.botconnector.broadcast;

import java.util.concurrent.CompletableFuture;

/**
 * Installs the app for a recipient who does not have it, so that the engine can create the 1:1 chat (for example
 * through Microsoft Graph's {@code users/{id}/teamwork/installedApps}; 409 means it is installed already). Called for
 * {@link Recipient.Kind#USER} recipients whose chat creation failed with 403 (not installed), once per recipient and
 * run; the engine then creates the chat again. Without an installer they end {@link FailureReason#NOT_INSTALLED}.
 */
@FunctionalInterface
public interface AppInstaller {

    /**
     * Installs the app for the user.
     *
     * @param tenantId the user's tenant
     * @param userId   the user's id as given in the recipient
     * @return completes {@code true} when the app is installed (or already was), {@code false} when it cannot be
     *         (the recipient then ends {@link FailureReason#NOT_INSTALLED}); never blocks the caller
     */
    CompletableFuture<Boolean> install(String tenantId, String userId);
}
