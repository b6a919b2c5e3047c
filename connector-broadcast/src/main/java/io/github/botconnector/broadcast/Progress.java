package io.github.botconnector.broadcast;

import java.time.Duration;

/**
 * A snapshot of a running job.
 *
 * @param jobId         the job
 * @param done          recipients in a final state
 * @param total         recipients
 * @param ratePerSecond final outcomes per second since the job started in this engine
 * @param eta           estimated time to finish at that rate ({@code null} before any outcome)
 * @param throttled     requests answered 429 so far
 */
public record Progress(String jobId, int done, int total, double ratePerSecond, Duration eta, int throttled) {

    /** Whether every recipient is done. */
    public boolean finished() {
        return done >= total;
    }
}
