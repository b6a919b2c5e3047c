package io.github.botconnector.teams;

import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.schema.ResourceResponse;
import java.util.Objects;

/**
 * The outcome of {@link TeamsReach#reach(String, String, boolean)} and {@link TeamsReach#send}: a reference ready to
 * send to and store, or the reason the person cannot be reached now (then nothing was sent).
 *
 * @param reference        the 1:1 chat, or {@code null} when unreachable
 * @param unreachable      why not, or {@code null} when reachable
 * @param detail           what happened, in words (never {@code null})
 * @param serviceUrlSource where the reference's service URL came from, or {@code null} when unreachable before one
 *                         was chosen
 * @param installedNow     whether this call installed the app for the user
 * @param sent             the answer to the message sent by {@link TeamsReach#send}, or {@code null}
 */
public record ReachResult(ConversationReference reference, Unreachable unreachable, String detail,
                          ServiceUrlSource serviceUrlSource, boolean installedNow, ResourceResponse sent) {

    /** Name of the property of {@link #reference()} that records the {@link ServiceUrlSource}. */
    public static final String SERVICE_URL_SOURCE_PROPERTY = "serviceUrlSource";

    /** Why a person cannot be reached. */
    public enum Unreachable {
        /** The app is not installed for the person and installing was not allowed (or not possible from a 29: id). */
        NOT_INSTALLED,
        /** No such user in the tenant. */
        USER_NOT_FOUND,
        /** A guest, or a user without Teams: the app cannot be installed for them by the bot. */
        UNSUPPORTED_USER
    }

    /** Where the service URL of a reference came from. */
    public enum ServiceUrlSource {
        /** Given by the caller. */
        GIVEN,
        /** The one stored for the tenant (from an inbound activity). */
        STORED,
        /**
         * The cloud's default Teams service URL ({@code https://smba.trafficmanager.net/teams/} in the public cloud),
         * for a tenant the bot never heard from; replace it with the one of the next inbound activity.
         */
        CLOUD_DEFAULT
    }

    /** Checks that exactly one of reference and reason is set. */
    public ReachResult {
        Objects.requireNonNull(detail, "detail");
        if ((reference == null) == (unreachable == null)) {
            throw new IllegalArgumentException("exactly one of reference and unreachable must be set");
        }
    }

    /**
     * Whether {@link #reference()} is ready to send to.
     *
     * @return {@code true} when reachable
     */
    public boolean isReachable() {
        return reference != null;
    }

    static ReachResult reached(ConversationReference reference, String detail, ServiceUrlSource source,
                               boolean installedNow) {
        return new ReachResult(reference, null, detail, source, installedNow, null);
    }

    ReachResult withSent(ResourceResponse response) {
        return new ReachResult(reference, null, detail, serviceUrlSource, installedNow, response);
    }

    static ReachResult unreachable(Unreachable reason, String detail, ServiceUrlSource source) {
        return new ReachResult(null, reason, detail, source, false, null);
    }
}
