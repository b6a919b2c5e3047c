package io.github.botconnector.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.broadcast.support.Fakes;
import io.github.botconnector.testing.FakeConnector;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The ledger failing now and then (a database restart): no request leaves before its SENDING is written, outcomes
 * that could not be written are written later, and every recipient still ends in one final state, sent once.
 */
class LedgerOutageTest {

    /** A ledger whose every third transition fails, for the first 30 transitions. */
    private static final class FlakyLedger implements Ledger {
        private final Ledger delegate = Ledger.inMemory();
        private final AtomicInteger transitions = new AtomicInteger();

        @Override
        public boolean transition(Delivery expected, Delivery next) {
            int n = transitions.incrementAndGet();
            if (n <= 30 && n % 3 == 0) {
                throw new LedgerException("database unavailable", new SQLException("connection refused", "08001"));
            }
            return delegate.transition(expected, next);
        }

        @Override
        public boolean createJob(JobRecord job, List<Delivery> deliveries, Instant now) {
            return delegate.createJob(job, deliveries, now);
        }

        @Override
        public int addDeliveries(String jobId, List<Delivery> deliveries) {
            return delegate.addDeliveries(jobId, deliveries);
        }

        @Override
        public Optional<JobRecord> job(String jobId) {
            return delegate.job(jobId);
        }

        @Override
        public List<String> unfinishedJobs() {
            return delegate.unfinishedJobs();
        }

        @Override
        public void finishJob(String jobId, Instant at) {
            delegate.finishJob(jobId, at);
        }

        @Override
        public boolean isFinished(String jobId) {
            return delegate.isFinished(jobId);
        }

        @Override
        public List<Delivery> deliveries(String jobId) {
            return delegate.deliveries(jobId);
        }

        @Override
        public void optOut(String tenantId, String userId, Instant at) {
            delegate.optOut(tenantId, userId, at);
        }

        @Override
        public void optIn(String tenantId, String userId) {
            delegate.optIn(tenantId, userId);
        }

        @Override
        public boolean isOptedOut(String tenantId, String userId) {
            return delegate.isOptedOut(tenantId, userId);
        }
    }

    @Test
    void transitionsTheLedgerRefusedAreWrittenLaterAndNothingIsSentTwice() {
        FlakyLedger ledger = new FlakyLedger();
        try (FakeConnector fake = Fakes.start(1, 20); ConnectorClient client = Fakes.client(fake);
             BroadcastEngine engine = BroadcastEngine.builder().client(client).ledger(ledger)
                     .limits(Fakes.limits()).build()) {
            engine.submit(BroadcastJob.builder("outage").recipients(Fakes.installForAll(fake))
                    .message(Fakes.message("outage")).build());
            BroadcastReport report = engine.awaitCompletion("outage", Duration.ofMinutes(1));

            assertEquals(20, report.count(DeliveryState.SENT), report::toString);
            assertTrue(ledger.transitions.get() > 40, "some transitions failed and were written again");
            Map<String, Integer> delivered = Fakes.deliveredPerConversationAndText(fake);
            assertEquals(20, delivered.size());
            assertTrue(delivered.values().stream().allMatch(n -> n == 1), "nothing delivered twice");
        }
    }
}
