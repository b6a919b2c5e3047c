package io.github.botconnector.broadcast;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a job achieved: counts per outcome, each failure with its reason and remedy, duration and rate. Exportable as
 * JSON ({@link #toJson()}) and CSV ({@link #toCsv()}, one line per recipient that was not sent).
 *
 * @param jobId         the job
 * @param total         recipients
 * @param states        recipients per state (final and, for a job still running, the others)
 * @param reasons       failed recipients per reason
 * @param notSent       every recipient not {@link DeliveryState#SENT}, with its state, reason and last error
 * @param duration      from the job's first request to its last outcome in this engine ({@link Duration#ZERO} when
 *                      the engine sent nothing)
 * @param requests      requests the engine made for the job (creates, sends, retries)
 * @param throttled     requests answered 429
 * @param achievedRate  final outcomes per second over {@code duration}
 * @param allowedRate   the per-tenant rate the limits allow, times the tenants the job reached
 */
public record BroadcastReport(String jobId, int total, Map<DeliveryState, Integer> states,
                              Map<FailureReason, Integer> reasons, List<Delivery> notSent, Duration duration,
                              long requests, long throttled, double achievedRate, double allowedRate) {

    /** Copies. */
    public BroadcastReport {
        states = Map.copyOf(states);
        reasons = Map.copyOf(reasons);
        notSent = List.copyOf(notSent);
    }

    /**
     * Builds a report from the ledger's records and the engine's counters.
     *
     * @param jobId       the job
     * @param deliveries  its records
     * @param duration    first request to last outcome
     * @param requests    requests made
     * @param throttled   requests answered 429
     * @param allowedRate the rate the limits allow for the job
     */
    public static BroadcastReport of(String jobId, List<Delivery> deliveries, Duration duration, long requests,
                              long throttled, double allowedRate) {
        Map<DeliveryState, Integer> states = new EnumMap<>(DeliveryState.class);
        Map<FailureReason, Integer> reasons = new EnumMap<>(FailureReason.class);
        List<Delivery> notSent = new ArrayList<>();
        int done = 0;
        for (Delivery d : deliveries) {
            states.merge(d.state(), 1, Integer::sum);
            if (d.reason() != null) {
                reasons.merge(d.reason(), 1, Integer::sum);
            }
            if (d.state() != DeliveryState.SENT) {
                notSent.add(d);
            }
            if (d.state().isFinal()) {
                done++;
            }
        }
        double seconds = duration.toNanos() / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        return new BroadcastReport(jobId, deliveries.size(), states, reasons, notSent, duration, requests, throttled,
                rate, allowedRate);
    }

    /** Recipients in {@code state}. */
    public int count(DeliveryState state) {
        return states.getOrDefault(state, 0);
    }

    /** Failed recipients for {@code reason}. */
    public int count(FailureReason reason) {
        return reasons.getOrDefault(reason, 0);
    }

    /** Whether every recipient is in a final state. */
    public boolean finished() {
        int open = 0;
        for (Map.Entry<DeliveryState, Integer> e : states.entrySet()) {
            if (!e.getKey().isFinal()) {
                open += e.getValue();
            }
        }
        return open == 0;
    }

    /** The report as one JSON object. */
    public String toJson() {
        StringBuilder b = new StringBuilder(256 + notSent.size() * 160);
        b.append("{\"jobId\":").append(quote(jobId)).append(",\"total\":").append(total).append(",\"states\":{");
        appendCounts(b, states);
        b.append("},\"reasons\":{");
        appendCounts(b, reasons);
        b.append("},\"durationMillis\":").append(duration.toMillis())
                .append(",\"requests\":").append(requests)
                .append(",\"throttled\":").append(throttled)
                .append(",\"achievedRate\":").append(round(achievedRate))
                .append(",\"allowedRate\":").append(Double.isInfinite(allowedRate) ? "null" : round(allowedRate))
                .append(",\"notSent\":[");
        for (int i = 0; i < notSent.size(); i++) {
            Delivery d = notSent.get(i);
            b.append(i == 0 ? "" : ",").append("{\"recipient\":").append(quote(d.key()))
                    .append(",\"state\":").append(quote(d.state().name()))
                    .append(",\"reason\":").append(d.reason() == null ? "null" : quote(d.reason().name()))
                    .append(",\"remedy\":").append(d.reason() == null ? "null" : quote(d.reason().remedy()))
                    .append(",\"attempts\":").append(d.attempts())
                    .append(",\"detail\":").append(d.detail() == null ? "null" : quote(d.detail())).append('}');
        }
        return b.append("]}").toString();
    }

    /** A CSV with a header line and one line per recipient not sent: recipient, state, reason, remedy, attempts, detail. */
    public String toCsv() {
        StringBuilder b = new StringBuilder("recipient,state,reason,remedy,attempts,detail\n");
        for (Delivery d : notSent) {
            b.append(csv(d.key())).append(',').append(d.state()).append(',')
                    .append(d.reason() == null ? "" : d.reason().name()).append(',')
                    .append(d.reason() == null ? "" : csv(d.reason().remedy())).append(',')
                    .append(d.attempts()).append(',').append(d.detail() == null ? "" : csv(d.detail())).append('\n');
        }
        return b.toString();
    }

    private static <K extends Enum<K>> void appendCounts(StringBuilder b, Map<K, Integer> counts) {
        boolean first = true;
        for (Map.Entry<K, Integer> e : new java.util.TreeMap<>(counts).entrySet()) {
            b.append(first ? "" : ",").append(quote(e.getKey().name())).append(':').append(e.getValue());
            first = false;
        }
    }

    private static String round(double v) {
        return String.valueOf(Math.round(v * 100) / 100.0);
    }

    private static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    @Override
    public String toString() {
        return "BroadcastReport[jobId=" + jobId + ", total=" + total + ", states=" + states + ", reasons=" + reasons
                + ", duration=" + duration + ", requests=" + requests + ", throttled=" + throttled + "]";
    }
}
