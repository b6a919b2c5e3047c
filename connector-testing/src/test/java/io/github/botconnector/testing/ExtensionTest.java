package io.github.botconnector.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.schema.ConversationReference;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

class ExtensionTest {

    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class PerClass {
        @RegisterExtension
        static FakeConnectorExtension shared = FakeConnectorExtension.builder()
                .tenant(t -> t.user("Adele Vance", u -> u.botInstalled())).build();

        static FakeConnector first;
        private final FakeConnector injected;

        PerClass(FakeConnector injected) {
            this.injected = injected;
        }

        @Test
        @Order(1)
        void constructorAndMethodInjectionGiveTheSameFake(FakeConnector fake) {
            assertSame(injected, fake);
            assertSame(shared.connector(), fake);
            first = fake;
            fake.addUser("Temporary User");
            try (Http http = new Http()) {
                http.get(fake.serviceUrl() + "v3/conversations");
            }
            assertEquals(1, fake.exchanges().size());
        }

        @Test
        @Order(2)
        void theFakeIsResetBetweenTestsButKeepsTheSeed(FakeConnector fake) {
            assertSame(first, fake);
            assertTrue(fake.exchanges().isEmpty());
            assertEquals(List.of("Adele Vance"), fake.users().stream().map(FakeUser::name).toList());
        }
    }

    @Nested
    class PerTest {
        @RegisterExtension
        FakeConnectorExtension own = FakeConnectorExtension.builder().contoso().build();

        @Test
        void eachTestGetsItsOwnFake(FakeConnector fake) {
            assertSame(own.connector(), fake);
            assertEquals(own.serviceUrl(), fake.serviceUrl());
        }
    }

    @Test
    void awaitActivitiesBlocksUntilSentAndReportsRecentExchangesOnTimeout() throws Exception {
        try (FakeConnector fake = FakeConnector.builder().contoso().start(); Http http = new Http()) {
            ConversationReference ref = fake.installBotFor(fake.user("Adele Vance"));
            String url = fake.serviceUrl() + "v3/conversations/" + Http.seg(ref.conversation().id()) + "/activities";
            CompletableFuture<List<io.github.botconnector.schema.Activity>> waiting =
                    CompletableFuture.supplyAsync(() -> fake.awaitActivities(2, Duration.ofSeconds(10)));
            http.post(url, "{\"type\":\"message\",\"text\":\"one\"}");
            http.post(url, "{\"type\":\"message\",\"text\":\"two\"}");
            assertEquals(List.of("one", "two"), waiting.get().stream().map(a -> a.text()).toList());

            http.post(fake.serviceUrl() + "v3/conversations/a%3Aunknown/activities", "{\"type\":\"message\"}");
            AssertionError e = assertThrows(AssertionError.class, () -> fake.awaitActivities(3, Duration.ofMillis(50)));
            assertTrue(e.getMessage().contains("got 2"), e.getMessage());
            assertTrue(e.getMessage().contains("a%3Aunknown/activities -> 404"), e.getMessage());
        }
    }

    @Test
    void builderValidatesTheSeed() {
        assertThrows(IllegalArgumentException.class, () -> FakeConnector.builder()
                .tenant(t -> t.team("T", team -> team.members("Nobody"))));
        assertThrows(IllegalArgumentException.class, () -> FakeConnector.builder()
                .tenant(t -> t.user("A").user("A")));
        try (FakeConnector a = FakeConnector.start(); FakeConnector b = FakeConnector.start()) {
            assertNotSame(a.port(), b.port());
            assertTrue(a.serviceUrl().matches("http://127\\.0\\.0\\.1:\\d+/amer/[0-9a-f-]{36}/"), a.serviceUrl());
        }
    }
}
