package io.github.botconnector.teams;

/**
 * A request that Teams is known to refuse, detected before any network I/O: a 1:1 chat without a tenant id, a group
 * chat (bots cannot create one), a post to a private channel, an e-mail address or UPN used as a user id, a channel
 * thread without a first message, ... The message names the argument, the Teams rule and what to do instead.
 */
public class TeamsRuleException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the argument, the Teams rule and what to do instead
     */
    public TeamsRuleException(String message) {
        super(message);
    }
}
