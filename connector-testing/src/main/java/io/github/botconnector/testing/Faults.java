package io.github.botconnector.testing;

import io.github.botconnector.testing.internal.FaultRules;
import java.time.Duration;
import java.util.Objects;

/**
 * Fault injection: make matching requests fail with a status, answer late, or lose their connection.
 *
 * <pre>{@code
 * fake.faults().on("sendToConversation").next(2).respond(503);
 * fake.faults().onConversation(conversationId).next(1).throttle(Duration.ofSeconds(3));
 * fake.faults().onAnyRequest().fraction(0.1, 42).respond(502);
 * fake.faults().on("POST /v3/conversations").next(1).delay(Duration.ofMillis(500));
 * fake.faults().onAnyRequest().next(1).disconnectBeforeRequest();
 * }</pre>
 *
 * Route names: {@code createConversation}, {@code getConversations}, {@code sendToConversation},
 * {@code sendConversationHistory}, {@code updateActivity}, {@code replyToActivity}, {@code deleteActivity},
 * {@code getConversationMembers}, {@code getConversationMember}, {@code getConversationPagedMembers},
 * {@code deleteConversationMember}, {@code getActivityMembers}, {@code uploadAttachment}, {@code getAttachmentInfo},
 * {@code getAttachmentView}, {@code addReaction}, {@code removeReaction}, {@code getTeamDetails},
 * {@code getTeamChannels}, {@code getMeeting}, {@code getMeetingParticipant}, {@code sendMeetingNotification},
 * {@code batchSendToUsers}, {@code batchSendToTenant}, {@code batchSendToTeam}, {@code batchSendToChannels},
 * {@code getBatchOperation}, {@code getBatchFailedEntries}, {@code cancelBatchOperation}, {@code token},
 * {@code graphUsers}, {@code graphUser}, {@code graphCatalogApps}, {@code graphUserInstalledApps},
 * {@code graphInstallForUser},
 * {@code graphInstallationChat}, {@code graphTeamInstalledApps}, {@code graphInstallInTeam}; or a route
 * template such as {@code "POST /v3/conversations/{conversationId}/activities"}.
 */
public final class Faults {

    private final FaultRules rules;

    Faults(FaultRules rules) {
        this.rules = rules;
    }

    /** Requests to a route, by name or template. */
    public Rule on(String route) {
        return new Rule(Objects.requireNonNull(route, "route"), false);
    }

    /** Requests about one conversation (its id in the path, or the target of a create). */
    public Rule onConversation(String conversationId) {
        return new Rule(Objects.requireNonNull(conversationId, "conversationId"), true);
    }

    /** Any request. */
    public Rule onAnyRequest() {
        return new Rule(null, false);
    }

    /** Disarms every rule. */
    public void clear() {
        rules.clear();
    }

    /** A rule being armed: choose how often ({@link #next(int)} by default 1), then what happens. */
    public final class Rule {
        private final String match;
        private final boolean conversation;
        private int count = 1;
        private double fraction;
        private long seed;

        private Rule(String match, boolean conversation) {
            this.match = match;
            this.conversation = conversation;
        }

        /** Fire for the next {@code n} matching requests. */
        public Rule next(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("n must be at least 1, got " + n);
            }
            this.count = n;
            return this;
        }

        /** Fire for every matching request. */
        public Rule always() {
            return fraction(1.0, 0);
        }

        /** Fire for a fraction {@code p} of matching requests, deterministically for a {@code seed}. */
        public Rule fraction(double p, long seed) {
            if (!(p > 0 && p <= 1)) {
                throw new IllegalArgumentException("p must be in (0, 1], got " + p);
            }
            this.count = -1;
            this.fraction = p;
            this.seed = seed;
            return this;
        }

        /**
         * Answer with {@code status} (e.g. 412, 500, 502, 503, 504, or 429 with {@code Retry-After: 1}) and the
         * service's error body for it.
         */
        public Faults respond(int status) {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("status must be an HTTP status code, got " + status);
            }
            return arm(FaultRules.Action.RESPOND, status, status == 429 ? Duration.ofSeconds(1) : null);
        }

        /** Answer with {@code status} and a {@code Retry-After} header of {@code retryAfter} (whole seconds). */
        public Faults respond(int status, Duration retryAfter) {
            return arm(FaultRules.Action.RESPOND, status, Objects.requireNonNull(retryAfter, "retryAfter"));
        }

        /** Answer 429 {@code Throttled} with {@code Retry-After} = {@code retryAfter} (whole seconds). */
        public Faults throttle(Duration retryAfter) {
            return arm(FaultRules.Action.RESPOND, 429, Objects.requireNonNull(retryAfter, "retryAfter"));
        }

        /** Handle the request normally but send the response headers after {@code latency}. */
        public Faults delay(Duration latency) {
            return arm(FaultRules.Action.DELAY, 0, Objects.requireNonNull(latency, "latency"));
        }

        /**
         * Reset the next new connection before any byte of its request is read (only with
         * {@link Faults#onAnyRequest()}). While such a rule is armed the fake answers with {@code Connection: close},
         * so clients open new connections; a request on a connection pooled earlier is not affected.
         */
        public Faults disconnectBeforeRequest() {
            return arm(FaultRules.Action.DISCONNECT_BEFORE_REQUEST, 0, null);
        }

        /** Read the request, ignore it, and close the connection without answering. */
        public Faults disconnectAfterRequest() {
            return arm(FaultRules.Action.DISCONNECT_AFTER_REQUEST, 0, null);
        }

        /** Process the request (e.g. deliver the message), then close the connection instead of answering. */
        public Faults dropResponse() {
            return arm(FaultRules.Action.DROP_RESPONSE, 0, null);
        }

        private Faults arm(FaultRules.Action action, int status, Duration duration) {
            rules.add(new FaultRules.Rule(match, conversation, count, fraction, seed, action, status, duration));
            return Faults.this;
        }
    }
}
