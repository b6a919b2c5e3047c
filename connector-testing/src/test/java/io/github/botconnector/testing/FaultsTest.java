package io.github.botconnector.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.schema.ConversationReference;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultsTest {

    @RegisterExtension
    static FakeConnectorExtension ext = FakeConnectorExtension.builder().contoso().build();

    static final Http http = new Http();
    static final String MESSAGE = "{\"type\":\"message\",\"text\":\"hi\"}";

    @AfterAll
    static void closeHttp() {
        http.close();
    }

    private static String sendUrl(FakeConnector fake) {
        ConversationReference ref = fake.installBotFor(fake.user("Adele Vance"));
        return fake.serviceUrl() + "v3/conversations/" + Http.seg(ref.conversation().id()) + "/activities";
    }

    @Test
    void nextNRespondWithStatusThenRecover(FakeConnector fake) {
        String url = sendUrl(fake);
        fake.faults().on("sendToConversation").next(2).respond(503);
        assertEquals(503, http.post(url, MESSAGE).status());
        assertEquals(503, http.post(url, MESSAGE).status());
        assertEquals(201, http.post(url, MESSAGE).status());
        assertEquals(1, fake.sentActivities().size());
        assertTrue(fake.exchanges().get(0).note().contains("fault"));
    }

    @Test
    void everyRetryableStatusHasTheServiceShape(FakeConnector fake) {
        String url = sendUrl(fake);
        fake.faults().on("POST /v3/conversations/{conversationId}/activities").next(1).throttle(Duration.ofSeconds(3));
        Http.Resp throttled = http.post(url, MESSAGE);
        assertEquals(429, throttled.status());
        assertEquals("3", throttled.header("Retry-After"));
        assertEquals("Throttled", throttled.errorCode());
        for (int status : List.of(412, 500, 502, 504, 429)) {
            fake.faults().onConversation(fake.personalConversationId(fake.user("Adele Vance"))).next(1).respond(status);
            Http.Resp r = http.post(url, MESSAGE);
            assertEquals(status, r.status());
            if (status == 412) {
                assertEquals("PreconditionFailed", r.errorCode());
            }
            if (status == 429) {
                assertEquals("1", r.header("Retry-After"));
            }
        }
        fake.faults().on("sendToConversation").next(1).respond(503, Duration.ofSeconds(7));
        assertEquals("7", http.post(url, MESSAGE).header("Retry-After"));
        assertThrows(IllegalArgumentException.class, () -> fake.faults().onAnyRequest().respond(42));
    }

    @Test
    void fractionIsDeterministicForASeed(FakeConnector fake) {
        String url = sendUrl(fake);
        List<Integer> first = new ArrayList<>();
        fake.faults().onAnyRequest().fraction(0.5, 42).respond(502);
        for (int i = 0; i < 40; i++) {
            first.add(http.post(url, MESSAGE).status());
        }
        fake.faults().clear();
        fake.faults().onAnyRequest().fraction(0.5, 42).respond(502);
        List<Integer> second = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            second.add(http.post(url, MESSAGE).status());
        }
        assertEquals(first, second);
        long failures = first.stream().filter(s -> s == 502).count();
        assertTrue(failures > 5 && failures < 35, "about half fail: " + failures);
    }

    @Test
    void delayUsesTheServerSideHeadersDelay(FakeConnector fake) {
        String url = sendUrl(fake);
        fake.faults().on("sendToConversation").next(1).delay(Duration.ofMillis(300));
        long start = System.nanoTime();
        assertEquals(201, http.post(url, MESSAGE).status());
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(300).toNanos());
    }

    @Test
    void disconnectBeforeRequestLosesTheRequest(FakeConnector fake) {
        String url = sendUrl(fake);
        fake.faults().onAnyRequest().next(1).disconnectBeforeRequest();
        try (Http fresh = new Http()) {
            assertThrows(UncheckedIOException.class, () -> fresh.post(url, MESSAGE));
            assertEquals(0, fake.sentActivities().size());
            assertEquals(201, fresh.post(url, MESSAGE).status());
        }
        assertTrue(fake.exchanges().get(0).note().contains("before the request"));
        assertThrows(IllegalArgumentException.class,
                () -> fake.faults().on("sendToConversation").disconnectBeforeRequest());
    }

    @Test
    void disconnectAfterRequestDoesNotProcessButDropResponseDoes(FakeConnector fake) {
        String url = sendUrl(fake);
        fake.faults().on("sendToConversation").next(1).disconnectAfterRequest();
        assertThrows(UncheckedIOException.class, () -> http.post(url, MESSAGE));
        assertEquals(0, fake.sentActivities().size());
        fake.faults().on("sendToConversation").next(1).dropResponse();
        assertThrows(UncheckedIOException.class, () -> http.post(url, MESSAGE));
        assertEquals(1, fake.sentActivities().size(), "the message was delivered although the response was lost");
        List<Exchange> journal = fake.exchanges();
        assertEquals(-1, journal.get(journal.size() - 1).status());
        assertEquals(MESSAGE, journal.get(journal.size() - 2).requestBody());
    }
}
