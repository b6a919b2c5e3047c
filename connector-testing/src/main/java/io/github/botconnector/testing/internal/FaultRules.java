package io.github.botconnector.testing.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The armed fault rules; the first matching rule that fires wins. */
public final class FaultRules {

    /** What a rule does. */
    public enum Action {
        /** Answer with a status (and Retry-After for 429). */
        RESPOND,
        /** Handle normally, but delay the response headers. */
        DELAY,
        /** Close the connection before the request is read. */
        DISCONNECT_BEFORE_REQUEST,
        /** Read the request, do not process it, close the connection. */
        DISCONNECT_AFTER_REQUEST,
        /** Process the request, then close the connection instead of answering. */
        DROP_RESPONSE
    }

    /** One rule. {@code match} is a route name/template, a conversation id, or {@code null} for any request. */
    public static final class Rule {
        final String match;
        final boolean conversation;
        final Action action;
        final int status;
        final Duration duration;
        private int remaining;
        private final double fraction;
        private final Random random;

        /**
         * @param match        route (name or template), conversation id, or {@code null}
         * @param conversation whether {@code match} is a conversation id
         * @param remaining    fire this many times ({@code -1}: governed by {@code fraction})
         * @param fraction     probability of firing when {@code remaining} is {@code -1}
         * @param seed         random seed for {@code fraction}
         * @param action       what to do
         * @param status       status for {@link Action#RESPOND}
         * @param duration     Retry-After for 429, or the delay
         */
        public Rule(String match, boolean conversation, int remaining, double fraction, long seed, Action action,
                    int status, Duration duration) {
            this.match = match;
            this.conversation = conversation;
            this.remaining = remaining;
            this.fraction = fraction;
            this.random = new Random(seed);
            this.action = action;
            this.status = status;
            this.duration = duration;
        }

        boolean fire() {
            if (remaining > 0) {
                remaining--;
                return true;
            }
            if (remaining == 0) {
                return false;
            }
            return random.nextDouble() < fraction;
        }

        boolean exhausted() {
            return remaining == 0;
        }
    }

    private final List<Rule> rules = new ArrayList<>();

    /** Arms a rule. */
    public synchronized void add(Rule rule) {
        if (rule.action == Action.DISCONNECT_BEFORE_REQUEST && rule.match != null) {
            throw new IllegalArgumentException("A connection broken before the request is read cannot be matched on"
                    + " the request; use faults().onAnyRequest() for disconnectBeforeRequest()");
        }
        rules.add(rule);
    }

    /** Disarms all rules. */
    public synchronized void clear() {
        rules.clear();
    }

    /** The first rule matching and firing for a request, or {@code null}. */
    synchronized Rule next(Route route, String conversationId) {
        for (Rule r : rules) {
            if (r.action == Action.DISCONNECT_BEFORE_REQUEST || r.exhausted()) {
                continue;
            }
            boolean matches = r.match == null
                    || (r.conversation ? r.match.equals(conversationId) : route != null && route.matches(r.match));
            if (matches && r.fire()) {
                return r;
            }
        }
        return null;
    }

    /** Whether a rule breaking connections before the request is armed (so responses close their connection). */
    synchronized boolean armedBeforeRequest() {
        for (Rule r : rules) {
            if (r.action == Action.DISCONNECT_BEFORE_REQUEST && !r.exhausted()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the next request's connection should be broken before reading it. */
    synchronized boolean breakBeforeRequest() {
        for (Rule r : rules) {
            if (r.action == Action.DISCONNECT_BEFORE_REQUEST && !r.exhausted() && r.fire()) {
                return true;
            }
        }
        return false;
    }
}
