package io.github.botconnector.examples.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.RetryPolicy;
import io.github.botconnector.broadcast.store.ConversationReferenceStore;
import io.github.botconnector.broadcast.store.StoredReference;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.spring.BotActivityEvent;
import io.github.botconnector.spring.BotEvent;
import io.github.botconnector.spring.BotInstalledEvent;
import io.github.botconnector.spring.BotMessageEvent;
import io.github.botconnector.spring.BotOptOutEvent;
import io.github.botconnector.spring.BotUninstalledEvent;
import io.github.botconnector.teams.messages.OptOut;
import io.github.botconnector.test.CapturedLogs;
import io.github.botconnector.test.Fixtures;
import io.github.botconnector.testing.AuthMode;
import io.github.botconnector.testing.FakeConnector;
import io.github.botconnector.testing.FakeUser;
import io.github.botconnector.testing.InboundResult;
import io.github.botconnector.testing.InboundSender;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The example bot on the starter, end to end against the fake connector with strict authentication: Teams posts
 * signed installs to {@code /api/messages}, the starter stores the references, {@code /api/notify} reaches everyone.
 * Runs on Spring Boot 3.5 here and on Spring Boot 4.0 in {@code spring-boot4-tests}.
 */
class NotifyBotEndToEndTest {

    private static final OkHttpClient HTTP = new OkHttpClient();
    private static final BlockingQueue<BotEvent> EVENTS = new LinkedBlockingQueue<>();
    private static final List<BotEvent> ALL_EVENTS = new CopyOnWriteArrayList<>();

    private static FakeConnector fake;
    private static ConfigurableApplicationContext app;
    private static String baseUrl;
    private static InboundSender teams;
    private static ConversationReferenceStore store;

    @BeforeAll
    static void start() {
        fake = FakeConnector.builder().auth(AuthMode.STRICT).contoso().start();
        app = new SpringApplicationBuilder(NotifyBotApplication.class, TestBeans.class)
                .listeners(new EventRecorder())
                .run("--server.port=0",
                        "--botconnector.app-id=" + fake.botAppId(),
                        "--botconnector.app-password=" + fake.botPassword(),
                        "--botconnector.tenant-id=",
                        "--botconnector.service-url=" + fake.serviceUrl(),
                        "--botconnector.endpoints.login-host=" + fake.cloud().loginHost(),
                        "--botconnector.endpoints.open-id-metadata-url=" + fake.openIdMetadataUrl(),
                        "--botconnector.endpoints.allow-loopback=true",
                        "--botconnector.inbound.event-threads=1");
        baseUrl = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        teams = fake.inbound(baseUrl + "/api/messages");
        store = app.getBean(ConversationReferenceStore.class);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (fake != null) {
            fake.close();
        }
    }

    @BeforeEach
    void clean() {
        fake.reset();
        store.findAll().forEach(e -> store.remove(e.conversationId()));
        EVENTS.clear();
        ALL_EVENTS.clear();
        CapturedLogs.clear();
    }

    /**
     * Test beans: retries without waiting (the delays are decided and logged as usual, the sleeper returns at once),
     * and a message listener that can be held until a test releases it.
     */
    @Configuration(proxyBeanMethods = false)
    static class TestBeans {
        @Bean
        RetryPolicy retryPolicy() {
            return RetryPolicy.builder().sleeper(delay -> CompletableFuture.completedFuture(null)).build();
        }

        @Bean
        HeldListener heldListener() {
            return new HeldListener();
        }
    }

    /** Blocks on {@link #gate} while a test holds it, and tells on which thread it ran. */
    static final class HeldListener {
        volatile CountDownLatch gate;
        final BlockingQueue<String> threads = new LinkedBlockingQueue<>();

        @EventListener
        public void on(BotMessageEvent event) throws InterruptedException {
            CountDownLatch g = gate;
            if (g != null) {
                threads.add(Thread.currentThread().getName());
                assertTrue(g.await(60, TimeUnit.SECONDS), "the test never released the listener");
            }
        }
    }

    /** Records the bot events the starter publishes. */
    static final class EventRecorder implements ApplicationListener<ApplicationEvent> {
        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof BotEvent e) {
                EVENTS.add(e);
                ALL_EVENTS.add(e);
            }
        }
    }

    /** The next {@code type} event for the activity {@code activityId} (events of earlier tests are skipped). */
    static <T extends BotEvent> T awaitEvent(Class<T> type, String activityId) {
        try {
            while (true) {
                BotEvent e = EVENTS.poll(10, TimeUnit.SECONDS);
                assertNotNull(e, "no " + type.getSimpleName() + " for activity " + activityId + " within 10 s");
                if (type.isInstance(e) && activityId.equals(e.activity().id())) {
                    return type.cast(e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String post(String path, String json) {
        Request request = new Request.Builder().url(baseUrl + path)
                .post(RequestBody.create(json, MediaType.get("application/json"))).build();
        try (Response response = HTTP.newCall(request).execute()) {
            assertEquals(200, response.code(), path);
            return response.body().string();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String get(String path) {
        try (Response response = HTTP.newCall(new Request.Builder().url(baseUrl + path).build()).execute()) {
            return response.code() + " " + response.body().string();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aSignedInstallIsStoredAndPublished() {
        FakeUser adele = fake.user("Adele Vance");

        InboundResult install = teams.installPersonal(adele);
        assertEquals(200, install.status());

        StoredReference stored = store.find(fake.personalConversationId(adele)).orElseThrow();
        assertEquals(adele.id(), stored.userId());
        assertEquals(fake.serviceUrl(), stored.reference().serviceUrl());
        assertEquals(adele.tenantId(), stored.tenantId());
        BotInstalledEvent installed = awaitEvent(BotInstalledEvent.class, install.activity().id());
        assertEquals(fake.personalConversationId(adele), installed.reference().conversation().id());
    }

    @Test
    void aForgedInstallGets401AndNothingIsStored() {
        Activity install = teams.installPersonal(fake.user("Adele Vance")).activity();
        store.findAll().forEach(e -> store.remove(e.conversationId()));

        assertEquals(401, teams.sendUnsigned(install).status());
        assertEquals(401, teams.sendWithUntrustedSignature(install).status());
        assertEquals(0, store.count());
    }

    @Test
    void notifyReachesEveryStoredUser() {
        List<FakeUser> users = List.of(fake.user("Adele Vance"), fake.addUser("Nestor Wilke"),
                fake.addUser("Megan Bowen"));
        users.forEach(teams::installPersonal);
        assertEquals(3, store.count());

        String answer = post("/api/notify?text=Maintenance%20tonight", "");

        assertTrue(answer.contains("\"sent\":3"), answer);
        for (FakeUser user : users) {
            List<Activity> received = fake.activitiesSentTo(user);
            assertEquals(1, received.size(), user.name());
            assertEquals("Maintenance tonight", received.get(0).text());
        }
    }

    @Test
    void teamsRetriesOfAnActivityArePublishedOnce() {
        FakeUser adele = fake.user("Adele Vance");
        Activity install = teams.installPersonal(adele).activity();
        assertEquals(200, teams.send(install).status());
        assertEquals(200, teams.send(install).status());
        Activity message = teams.message(adele, "stop").activity();

        BotOptOutEvent optOut = awaitEvent(BotOptOutEvent.class, message.id());
        assertEquals(null, optOut.topic(), "\"stop\" opts out of everything");
        assertEquals(1, ALL_EVENTS.stream().filter(e -> e instanceof BotActivityEvent
                && e.activity().id().equals(install.id())).count(), ALL_EVENTS.toString());
        assertEquals(1, store.count());
    }

    @Test
    void anOptOutButtonClickIsPublishedWithItsTopic() {
        FakeUser adele = fake.user("Adele Vance");
        teams.installPersonal(adele);
        Activity message = teams.message(adele, "hello").activity();

        teams.send(message.toBuilder().id("1768478400000").text(null)
                .value(Map.of("action", OptOut.ACTION, "topic", "incidents")).build());

        BotOptOutEvent optOut = awaitEvent(BotOptOutEvent.class, "1768478400000");
        assertEquals("incidents", optOut.topic());
        assertEquals(fake.personalConversationId(adele), optOut.reference().conversation().id());
    }

    @Test
    void aRetryAndAFinalFailureAreLoggedWithTheRequestIdAndNoSecret() {
        FakeUser adele = fake.user("Adele Vance");
        FakeUser megan = fake.addUser("Megan Bowen");
        teams.installPersonal(adele);
        fake.faults().on("sendToConversation").next(1).respond(503);

        assertTrue(post("/api/notify", "").contains("\"sent\":1"));
        assertEquals(1, fake.activitiesSentTo(adele).size());

        teams.installPersonal(megan);
        store.remove(fake.personalConversationId(adele));
        fake.faults().on("sendToConversation").next(4).respond(503);
        assertTrue(post("/api/notify", "").contains("\"failed\":1"));

        List<CapturedLogs.Event> retries = CapturedLogs.events().stream()
                .filter(e -> e.level() == Level.INFO && e.message().startsWith("Retrying POST")).toList();
        assertTrue(retries.size() >= 4, CapturedLogs.allText());
        assertTrue(retries.get(0).message().contains("HTTP 503"), retries.get(0).message());
        assertTrue(retries.get(0).message().matches(".*x-ms-request-id: [^n,)][^,)]*.*"), retries.get(0).message());
        List<CapturedLogs.Event> finalFailure = CapturedLogs.events().stream()
                .filter(e -> e.level() == Level.WARN && e.message().contains("not retried")).toList();
        assertEquals(1, finalFailure.size(), CapturedLogs.allText());
        assertTrue(finalFailure.get(0).message().contains("x-ms-request-id: "), finalFailure.get(0).message());
        String all = CapturedLogs.allText();
        assertFalse(all.contains(fake.botPassword()), "the client secret is never logged");
        assertEquals(List.of(), all.lines().filter(l -> l.contains("eyJ")).toList(), "no JWT is ever logged");
    }

    @Test
    void metricsAndHealthAppearWithActuatorAndMicrometer() {
        teams.installPersonal(fake.user("Adele Vance"));
        post("/api/notify", "");

        MeterRegistry meters = app.getBean(MeterRegistry.class);
        Counter sends = meters.find("botconnector.calls").tag("outcome", "success").counter();
        assertNotNull(sends, meters.getMeters().toString());
        assertTrue(sends.count() >= 1);
        assertNotNull(meters.find("botconnector.tokens").tag("result", "fetched").counter());

        String health = get("/actuator/health/botConnector");
        assertTrue(health.startsWith("200 "), health);
        assertTrue(health.contains("\"status\":\"UP\""), health);
        assertTrue(health.contains("\"token\":\"obtained\""), health);
        assertTrue(health.contains("\"lastCall\":\"success\""), health);
    }

    @Test
    void requestBodyActivityKeepsItsOffsetsAndUnknownMembers() {
        String json = Fixtures.read("activities/conversation-update-team-member-added.json");

        String echoed = post("/test/echo", json);

        Activity original = Activity.fromJson(json);
        Activity back = Activity.fromJson(echoed);
        assertEquals(original, back);
        assertTrue(echoed.contains("+05:30"), echoed);
        assertEquals(original.localTimestamp(), back.localTimestamp());
    }

    @Test
    void teamsGetsItsAnswerWhileAListenerIsStillWorking() throws InterruptedException {
        HeldListener held = app.getBean(HeldListener.class);
        CountDownLatch gate = new CountDownLatch(1);
        held.gate = gate;
        try {
            FakeUser adele = fake.user("Adele Vance");
            teams.installPersonal(adele);

            assertEquals(200, teams.message(adele, "status?").status(), "answered while the listener is held");

            String thread = held.threads.poll(10, TimeUnit.SECONDS);
            assertNotNull(thread, "the listener never ran");
            assertTrue(thread.startsWith("bot-connector-events-"), thread);
        } finally {
            held.gate = null;
            gate.countDown();
        }
    }

    @Test
    void anUninstallDropsTheReference() {
        FakeUser adele = fake.user("Adele Vance");
        Activity install = teams.installPersonal(adele).activity();
        assertEquals(1, store.count());

        teams.send(install.toBuilder().id("f:uninstall-1").type("installationUpdate").action("remove")
                .membersAdded(List.of()).build());

        assertEquals(0, store.count());
        BotUninstalledEvent uninstalled = awaitEvent(BotUninstalledEvent.class, "f:uninstall-1");
        assertEquals(fake.personalConversationId(adele), uninstalled.reference().conversation().id());
    }
}
