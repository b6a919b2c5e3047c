package io.github.botconnector.teams;

/**
 * Reaction types a bot can add to a message ({@link TeamsClient#addReaction}). Teams also accepts the ids of its
 * reactions reference, such as {@code 1f44b_wavinghand}, with skin-tone variants.
 */
public final class ReactionTypes {

    /** Thumbs up. */
    public static final String LIKE = "like";
    /** Heart. */
    public static final String HEART = "heart";
    /** Laughing face. */
    public static final String LAUGH = "laugh";
    /** Surprised face. */
    public static final String SURPRISED = "surprised";
    /** Sad face. */
    public static final String SAD = "sad";
    /** Angry face. */
    public static final String ANGRY = "angry";

    private ReactionTypes() {
    }
}
