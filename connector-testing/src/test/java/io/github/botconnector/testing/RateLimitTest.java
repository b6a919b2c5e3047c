package io.github.botconnector.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.testsupport.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    static final Http http = new Http();
    static final String MESSAGE = "{\"type\":\"message\",\"text\":\"hi\"}";

    @AfterAll
    static void closeHttp() {
        http.close();
    }

    @Test
    void hundredSendsInOneSecondAcceptSevenAndRetryAfterLetsEachThrough() {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-15T12:00:00Z"));
        try (FakeConnector fake = FakeConnector.builder().contoso().rateLimits(RateLimits.teams()).clock(clock).start()) {
            ConversationReference ref = fake.installBotFor(fake.user("Adele Vance"));
            String url = fake.serviceUrl() + "v3/conversations/" + Http.seg(ref.conversation().id()) + "/activities";
            int accepted = 0;
            List<Integer> throttled = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                Http.Resp r = http.post(url, MESSAGE);
                if (r.status() == 201) {
                    accepted++;
                } else {
                    assertEquals(429, r.status());
                    assertEquals("Throttled", r.errorCode());
                    throttled.add(Integer.parseInt(r.header("Retry-After")));
                }
                clock.advance(Duration.ofMillis(9));
            }
            assertEquals(7, accepted);
            assertEquals(93, throttled.size());
            assertTrue(throttled.stream().allMatch(s -> s >= 1));

            for (int i = 0; i < 93; i++) {
                Http.Resp r = http.post(url, MESSAGE);
                if (r.status() == 429) {
                    clock.advance(Duration.ofSeconds(Long.parseLong(r.header("Retry-After"))));
                    r = http.post(url, MESSAGE);
                }
                assertEquals(201, r.status(), "retry " + i + " after obeying Retry-After: " + r.body());
            }
            assertEquals(100, fake.conversation(ref.conversation().id()).activities().size());
        }
    }

    @Test
    void readsGetTwiceTheWriteLimitAndTenantRpsAppliesAcrossConversations() {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-15T12:00:00Z"));
        try (FakeConnector fake = FakeConnector.builder().contoso().clock(clock)
                .rateLimits(RateLimits.teams().perAppPerTenantPerSecond(10)).start()) {
            FakeTeam ops = fake.team("Contoso Operations");
            fake.installBotInTeam(ops);
            String members = fake.serviceUrl() + "v3/conversations/" + Http.seg(ops.id()) + "/members";
            int ok = 0;
            for (int i = 0; i < 20; i++) {
                if (http.get(members).status() == 200) {
                    ok++;
                }
            }
            assertEquals(10, ok, "tenant limit (10/s) bites before the read limit (14/s)");
            clock.advance(Duration.ofSeconds(5));
            for (FakeUser u : fake.users()) {
                fake.installBotFor(u);
            }
            int sends = 0;
            for (int i = 0; i < 12; i++) {
                FakeUser u = fake.users().get(i % 3);
                String url = fake.serviceUrl() + "v3/conversations/" + Http.seg(fake.personalConversationId(u)) + "/activities";
                if (http.post(url, MESSAGE).status() == 201) {
                    sends++;
                }
            }
            assertEquals(10, sends);
        }
    }

    @Test
    void scaledLimitsAndDisabledByDefault() {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-15T12:00:00Z"));
        assertEquals(70, RateLimits.teams().scaled(10).conversationWrites().get(0).limit());
        try (FakeConnector fake = FakeConnector.builder().contoso().clock(clock).start()) {
            ConversationReference ref = fake.installBotFor(fake.user("Lee Gu"));
            String url = fake.serviceUrl() + "v3/conversations/" + Http.seg(ref.conversation().id()) + "/activities";
            for (int i = 0; i < 30; i++) {
                assertEquals(201, http.post(url, MESSAGE).status());
            }
        }
    }
}
