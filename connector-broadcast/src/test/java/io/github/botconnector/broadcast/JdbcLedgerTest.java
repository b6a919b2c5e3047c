package io.github.botconnector.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.broadcast.support.Databases;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.schema.ConversationAccount;
import io.github.botconnector.schema.ConversationReference;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The ledger contract on H2, embedded PostgreSQL and in memory: the same behaviour everywhere. */
class JdbcLedgerTest {

    static Stream<Object> ledgers() {
        return Stream.of("memory", Databases.h2Memory(), Databases.postgres());
    }

    private static Ledger ledger(Object db) {
        if (db instanceof Databases.Db d) {
            DataSource ds = d.dataSource();
            Ledger.jdbc(ds);                       // creating the schema twice is harmless
            return Ledger.jdbc(ds);
        }
        return Ledger.inMemory();
    }

    private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");

    private static Recipient reference(String conversationId) {
        return Recipient.of(ConversationReference.builder().serviceUrl("https://smba.trafficmanager.net/amer/")
                .channelId("msteams").bot(ChannelAccount.of("28:bot")).user(ChannelAccount.of("29:" + conversationId))
                .conversation(ConversationAccount.builder().id("a:" + conversationId).tenantId("tenant-1").build())
                .build());
    }

    private static JobRecord job(String id, int recipients) {
        return new JobRecord(id, JobRecord.Operation.SEND, null, Activity.message("Hello"), T0.plusSeconds(60),
                T0.plusSeconds(3600), null, 5.0, true, 3, recipients);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ledgers")
    void aJobIsStoredOnceWithItsSettingsAndRecipientsInOrder(Object db) {
        Ledger ledger = ledger(db);
        List<Delivery> deliveries = List.of(
                Delivery.pending("job-1", reference("1"), null, null, T0),
                Delivery.pending("job-1", Recipient.user("tenant-1", "29:user-2"), Activity.message("Hi 2"), null, T0),
                Delivery.pending("job-1", Recipient.channel("tenant-1", "19:ops@thread.tacv2"), null, null, T0));
        assertTrue(ledger.createJob(job("job-1", 3), deliveries, T0));
        assertFalse(ledger.createJob(job("job-1", 3), deliveries.subList(0, 1), T0), "same id: one job");

        JobRecord stored = ledger.job("job-1").orElseThrow();
        assertEquals("Hello", stored.message().text());
        assertEquals(T0.plusSeconds(60), stored.notBefore());
        assertEquals(T0.plusSeconds(3600), stored.expiresAt());
        assertEquals(5.0, stored.maxPerSecond());
        assertTrue(stored.resendPossiblyDelivered());
        assertEquals(3, stored.maxAttempts());
        assertEquals(List.of("job-1"), ledger.unfinishedJobs());

        List<Delivery> read = ledger.deliveries("job-1");
        assertEquals(List.of("conversation:a:1", "user:tenant-1:29:user-2", "channel:19:ops@thread.tacv2"),
                read.stream().map(Delivery::key).toList());
        assertEquals("19:ops@thread.tacv2", read.get(2).recipient().channelId());
        assertEquals("a:1", read.get(0).reference().conversation().id());
        assertNull(read.get(1).reference(), "the 1:1 chat is not created yet");
        assertEquals("Hi 2", read.get(1).message().text());
        assertEquals(DeliveryState.PENDING, read.get(1).state());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ledgers")
    void transitionsAreCompareAndSetOnStateAndAttempts(Object db) {
        Ledger ledger = ledger(db);
        Delivery pending = Delivery.pending("job-2", reference("1"), null, null, T0);
        ledger.createJob(job("job-2", 1), List.of(pending), T0);

        Delivery sending = pending.sending(T0.plusSeconds(1));
        assertTrue(ledger.transition(pending, sending));
        assertFalse(ledger.transition(pending, sending), "the stored record is SENDING now");
        Delivery retry = sending.retry(T0.plusSeconds(5), "503 request r1", T0.plusSeconds(2));
        assertTrue(ledger.transition(sending, retry));
        Delivery again = retry.sending(T0.plusSeconds(5));
        assertTrue(ledger.transition(retry, again));
        assertTrue(ledger.transition(again, again.failed(FailureReason.BLOCKED, "403 MessageWritesBlocked",
                T0.plusSeconds(6))));

        Delivery last = ledger.deliveries("job-2").get(0);
        assertEquals(DeliveryState.FAILED, last.state());
        assertEquals(FailureReason.BLOCKED, last.reason());
        assertEquals(2, last.attempts());
        assertEquals("403 MessageWritesBlocked", last.detail());

        ledger.finishJob("job-2", T0.plusSeconds(7));
        assertTrue(ledger.isFinished("job-2"));
        assertFalse(ledger.unfinishedJobs().contains("job-2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ledgers")
    void theOptOutListIsPerTenantAndUser(Object db) {
        Ledger ledger = ledger(db);
        ledger.optOut("tenant-1", "29:a", T0);
        ledger.optOut("tenant-1", "29:a", T0);
        assertTrue(ledger.isOptedOut("tenant-1", "29:a"));
        assertFalse(ledger.isOptedOut("tenant-2", "29:a"));
        ledger.optIn("tenant-1", "29:a");
        assertFalse(ledger.isOptedOut("tenant-1", "29:a"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ledgers")
    void aTenantLeaseIsHeldByOneNodeUntilItExpiresOrIsReleased(Object db) {
        Ledger ledger = ledger(db);
        if (!(db instanceof Databases.Db)) {
            assertTrue(ledger.leaseTenant("t", "a", T0, java.time.Duration.ofSeconds(10)), "one engine: always");
            return;
        }
        java.time.Duration ttl = java.time.Duration.ofSeconds(10);
        assertTrue(ledger.leaseTenant("t", "node-a", T0, ttl));
        assertFalse(ledger.leaseTenant("t", "node-b", T0.plusSeconds(5), ttl), "held by node-a");
        assertTrue(ledger.leaseTenant("t", "node-a", T0.plusSeconds(5), ttl), "renewed by its holder");
        assertFalse(ledger.leaseTenant("t", "node-b", T0.plusSeconds(14), ttl), "renewal moved the expiry");
        assertTrue(ledger.leaseTenant("t", "node-b", T0.plusSeconds(16), ttl), "expired: taken over");
        assertFalse(ledger.leaseTenant("t", "node-a", T0.plusSeconds(17), ttl));
        ledger.releaseTenant("t", "node-b");
        assertTrue(ledger.leaseTenant("t", "node-a", T0.plusSeconds(18), ttl), "released");
    }
}
