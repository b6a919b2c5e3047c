package io.github.botconnector.broadcast;

import io.github.botconnector.schema.Activity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A broadcast: an id chosen by the caller (submitting the same id twice is one job), the recipients, and one message
 * for all or one per recipient. Immutable; personalised messages are rendered when the job is built, so the ledger
 * holds exactly what will be sent.
 *
 * <pre>{@code
 * BroadcastJob job = BroadcastJob.builder("release-2026-11-26")
 *         .recipients(references.stream().map(Recipient::of).toList())
 *         .message(r -> Activity.message("Hello " + r.userId()))      // or .message(Activity.message("..."))
 *         .notBefore(Instant.parse("2026-11-27T08:00:00Z"))
 *         .expiresAfter(Duration.ofHours(4))
 *         .build();
 * }</pre>
 */
public final class BroadcastJob {

    private final JobRecord record;
    private final Map<String, Recipient> recipients;
    private final Map<String, Activity> personalised;

    private BroadcastJob(JobRecord record, Map<String, Recipient> recipients, Map<String, Activity> personalised) {
        this.record = record;
        this.recipients = recipients;
        this.personalised = personalised;
    }

    /**
     * A builder for a job with {@code id}.
     *
     * @param id the caller's id for the job (e.g. a notification id); 1 to 200 characters
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** The job's id. */
    public String id() {
        return record.id();
    }

    /** The job's settings as the ledger stores them. */
    public JobRecord record() {
        return record;
    }

    /** The recipients, in submission order, each once. */
    public List<Recipient> recipients() {
        return List.copyOf(recipients.values());
    }

    /** The message for {@code recipient}: its personalised one, else the job's. */
    public Activity messageFor(Recipient recipient) {
        Activity own = personalised.get(recipient.key());
        return own != null ? own : record.message();
    }

    /** The personalised message of {@code recipient}, or {@code null} when it gets the job's message. */
    public Activity personalisedFor(Recipient recipient) {
        return personalised.get(recipient.key());
    }

    @Override
    public String toString() {
        return "BroadcastJob[id=" + id() + ", recipients=" + recipients.size() + ", notBefore=" + record.notBefore()
                + "]";
    }

    /** Builds a {@link BroadcastJob}. */
    public static final class Builder {
        private final String id;
        private final List<Recipient> recipients = new ArrayList<>();
        private Activity message;
        private Function<Recipient, Activity> messages;
        private Instant notBefore;
        private Instant expiresAt;
        private Duration expiresAfter;
        private double maxPerSecond;
        private boolean resendPossiblyDelivered;
        private int maxAttempts = 8;
        private boolean batch;

        private Builder(String id) {
            if (id == null || id.isBlank() || id.length() > 200) {
                throw new IllegalArgumentException("a job id of 1 to 200 characters is required, got " + id);
            }
            this.id = id;
        }

        /** Adds recipients (a key listed twice is sent to once). */
        public Builder recipients(List<Recipient> more) {
            for (Recipient r : more) {
                recipients.add(Objects.requireNonNull(r, "recipient"));
            }
            return this;
        }

        /** Adds one recipient. */
        public Builder recipient(Recipient recipient) {
            recipients.add(Objects.requireNonNull(recipient, "recipient"));
            return this;
        }

        /** The same message for every recipient. */
        public Builder message(Activity activity) {
            this.message = Objects.requireNonNull(activity, "activity");
            this.messages = null;
            return this;
        }

        /** A message per recipient (personalised text); called once per recipient by {@link #build()}. */
        public Builder message(Function<Recipient, Activity> perRecipient) {
            this.messages = Objects.requireNonNull(perRecipient, "perRecipient");
            this.message = null;
            return this;
        }

        /** Sends nothing before {@code time} (a scheduled message); the ledger keeps it across restarts. */
        public Builder notBefore(Instant time) {
            this.notBefore = time;
            return this;
        }

        /** Recipients not reached by {@code time} end {@link FailureReason#EXPIRED}. */
        public Builder expiresAt(Instant time) {
            this.expiresAt = time;
            this.expiresAfter = null;
            return this;
        }

        /** Recipients not reached within {@code duration} of the job's start time end {@link FailureReason#EXPIRED}. */
        public Builder expiresAfter(Duration duration) {
            if (duration != null && (duration.isZero() || duration.isNegative())) {
                throw new IllegalArgumentException("expiresAfter must be positive, got " + duration);
            }
            this.expiresAfter = duration;
            this.expiresAt = null;
            return this;
        }

        /** At most this many requests per second for this job (below the tenant budget); 0 (default) for no cap. */
        public Builder maxPerSecond(double rate) {
            if (rate < 0 || Double.isNaN(rate)) {
                throw new IllegalArgumentException("maxPerSecond must be 0 (no cap) or positive, got " + rate);
            }
            this.maxPerSecond = rate;
            return this;
        }

        /**
         * Whether a recipient whose request may have been delivered (no answer after the request was written, or a
         * crash mid-request) is sent again, at the risk of a duplicate. Default {@code false}: it ends
         * {@link DeliveryState#UNKNOWN}.
         */
        public Builder resendPossiblyDelivered(boolean resend) {
            this.resendPossiblyDelivered = resend;
            return this;
        }

        /** Requests per recipient before transient failures end it {@link FailureReason#RETRIES_EXHAUSTED} (default 8). */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, got " + attempts);
            }
            this.maxAttempts = attempts;
            return this;
        }

        /**
         * Sends through Teams' batch API instead of one request per recipient: per tenant, one request for all its
         * {@link Recipient#user} recipients ({@code v3/batch/conversation/users}) and one for all its
         * {@link Recipient#channel} recipients ({@code v3/batch/conversation/channels}); one per
         * {@link Recipient#team} ({@code /team}) and {@link Recipient#tenant} ({@code /tenant}). Teams fans the message
         * out, the engine polls the operation and reports its failed entries per recipient: for a team or tenant, the
         * team or tenant ends {@code SENT} and each failed entry is added to the job as a {@link Recipient#user} that
         * ended {@code FAILED}. For the same message to many
         * people or channels when activity ids (update, recall) and immediate per-recipient errors do not matter.
         */
        public Builder viaBatchApi() {
            this.batch = true;
            return this;
        }

        /**
         * Builds the job, rendering personalised messages.
         *
         * @throws IllegalArgumentException without recipients or message, or when a message has no type
         */
        public BroadcastJob build() {
            if (recipients.isEmpty()) {
                throw new IllegalArgumentException("job " + id + " has no recipients: add them with recipients(...)");
            }
            if (message == null && messages == null) {
                throw new IllegalArgumentException("job " + id + " has no message: set message(Activity) or "
                        + "message(recipient -> Activity)");
            }
            Map<String, Recipient> byKey = new LinkedHashMap<>();
            for (Recipient r : recipients) {
                if (batch && (r.kind() == Recipient.Kind.REFERENCE || messages != null)) {
                    throw new IllegalArgumentException("job " + id + ": the batch API sends one message to users and"
                            + " channels: use Recipient.user(...) or Recipient.channel(...) recipients and"
                            + " message(Activity), or drop viaBatchApi()");
                }
                if (!batch && (r.kind() == Recipient.Kind.TEAM || r.kind() == Recipient.Kind.TENANT)) {
                    throw new IllegalArgumentException("job " + id + ": " + r + " is reached through Teams' batch API"
                            + " only: add viaBatchApi(), or list the members with engine.teamMembers(teamId, tenantId)");
                }
                byKey.putIfAbsent(r.key(), r);
            }
            Map<String, Activity> personalised = new LinkedHashMap<>();
            if (messages != null) {
                for (Recipient r : byKey.values()) {
                    Activity a = messages.apply(r);
                    if (a == null) {
                        throw new IllegalArgumentException("the message function returned null for " + r);
                    }
                    checkMessage(a);
                    personalised.put(r.key(), a);
                }
            } else {
                checkMessage(message);
            }
            JobRecord record = new JobRecord(id, batch ? JobRecord.Operation.SEND_BATCH : JobRecord.Operation.SEND, null, message, notBefore, expiresAt,
                    expiresAfter, maxPerSecond, resendPossiblyDelivered, maxAttempts, byKey.size());
            return new BroadcastJob(record, byKey, personalised);
        }

        private void checkMessage(Activity a) {
            if (a.type() == null || a.type().isBlank()) {
                throw new IllegalArgumentException("job " + id + ": a message needs a type (use Activity.message(...))");
            }
        }
    }
}
