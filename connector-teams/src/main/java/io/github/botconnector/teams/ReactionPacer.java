package io.github.botconnector.teams;

import io.github.botconnector.RetryPolicy;
import io.github.botconnector.teams.internal.Pacer;
import java.time.Duration;
import java.time.InstantSource;

/**
 * Paces a bot's reactions below the Teams limit of {@value #REACTIONS_PER_SECOND} per second across all of the bot's
 * conversations, so they are never refused with 429 (a reaction is never retried into the limit). Share one pacer per
 * bot: {@link TeamsClient#withReactionPacer(ReactionPacer)}; the siblings of a client
 * ({@link TeamsClient#withServiceUrl(String)}) share its pacer. The clock and the sleeper are injectable so tests
 * never wait. Thread-safe.
 */
public final class ReactionPacer {

    /** Reactions Teams accepts per second from one bot, across all its conversations. */
    public static final int REACTIONS_PER_SECOND = 2;

    private final Pacer pacer;

    private ReactionPacer(InstantSource clock, RetryPolicy.Sleeper sleeper) {
        this.pacer = new Pacer(REACTIONS_PER_SECOND, Duration.ofSeconds(1), clock, sleeper);
    }

    /** A pacer on the system clock, waiting with {@link RetryPolicy.Sleeper#system()}. */
    public static ReactionPacer create() {
        return new ReactionPacer(InstantSource.system(), RetryPolicy.Sleeper.system());
    }

    /** A pacer on {@code clock}, waiting with {@code sleeper} (tests pass a manual clock and a sleeper that moves it). */
    public static ReactionPacer of(InstantSource clock, RetryPolicy.Sleeper sleeper) {
        return new ReactionPacer(clock, sleeper);
    }

    Pacer pacer() {
        return pacer;
    }

    @Override
    public String toString() {
        return "ReactionPacer[" + REACTIONS_PER_SECOND + " per second]";
    }
}
