package io.github.botconnector.broadcast.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.exception.BlockedByUserException;
import io.github.botconnector.exception.ConnectorResponseException;
import io.github.botconnector.exception.ThrottledException;
import io.github.botconnector.broadcast.store.ConversationReferenceStore.Change;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.test.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ConversationReferenceStore} has, run against each implementation (memory, H2,
 * PostgreSQL) by a subclass that supplies a fresh, empty store.
 */
abstract class ReferenceStoreContract {

    static final String TENANT = "c603ca06-32cc-4a8f-9a2a-a31442aeb907";
    static final String ADELE = "29:1rLA8axJC9icrhSQQbKQwSIrK1RtIEkowbq7wDybG9I0VGs-mpjBA6KvisxrKPpFFc-mmc1C0Q-4dYbOSAo-6TA";
    static final String ADELE_AAD = "f47efa0c-83f3-4809-9aa3-697717f94f7e";
    static final String TEAM = "19:xU5yQt4xbGuJMzxgOjBfG6UtfiBiE3qmNxOk8mvkTH9D@thread.tacv2";
    static final Instant T0 = Instant.parse("2026-01-15T12:00:00Z");
    static final Instant T1 = Instant.parse("2026-01-15T13:30:00.123Z");

    ConversationReferenceStore store;

    /** A new store with no conversations. */
    abstract ConversationReferenceStore newEmptyStore();

    @BeforeEach
    void emptyStore() {
        store = newEmptyStore();
        assertEquals(0, store.count());
    }

    static Activity activity(String name) {
        return Activity.fromJson(Fixtures.read("activities/" + name + ".json"));
    }

    static String resource(String path) {
        try (InputStream in = ReferenceStoreContract.class.getResourceAsStream("/fixtures-broadcast/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anInstallIsSavedWithItsIdsAndAReferenceThatSends() {
        Activity install = activity("installation-update-add-personal");
        assertEquals(Change.SAVED, store.onActivity(install, T0));

        StoredReference saved = store.find(install.conversation().id()).orElseThrow();
        assertEquals(TENANT, saved.tenantId());
        assertEquals(install.from().id(), saved.userId());
        assertEquals("personal", saved.conversationType());
        assertEquals(T0, saved.firstSeen());
        assertEquals(T0, saved.lastSeen());
        ConversationReference ref = saved.reference();
        assertEquals(install.serviceUrl(), ref.serviceUrl());
        assertEquals(install.recipient().id(), ref.bot().id());
        assertEquals(TENANT, ref.tenantId());
        assertEquals(1, store.count());
    }

    @Test
    void aLaterActivityRefreshesServiceUrlAndLastSeenAndKeepsFirstSeen() {
        Activity install = activity("installation-update-add-personal");
        store.onActivity(install, T0);
        String moved = "https://smba.trafficmanager.net/emea/" + TENANT + "/";
        Activity message = activity("message-personal").toBuilder().serviceUrl(moved)
                .conversation(install.conversation()).build();

        assertEquals(Change.REFRESHED, store.onActivity(message, T1));

        StoredReference refreshed = store.find(install.conversation().id()).orElseThrow();
        assertEquals(moved, refreshed.reference().serviceUrl());
        assertEquals(T0, refreshed.firstSeen());
        assertEquals(T1, refreshed.lastSeen());
        assertEquals(1, store.count());
    }

    @Test
    void anUninstallDropsTheConversation() {
        store.onActivity(activity("installation-update-add-personal"), T0);
        Activity remove = activity("installation-update-remove-personal");
        assertEquals(Change.REMOVED, store.onActivity(remove, T1));
        assertTrue(store.find(remove.conversation().id()).isEmpty());
        assertEquals(0, store.count());
    }

    @Test
    void removingTheBotFromATeamDropsEveryConversationOfTheTeam() {
        assertEquals(Change.SAVED, store.onActivity(activity("conversation-update-team-bot-added"), T0));
        assertEquals(Change.SAVED, store.onActivity(activity("message-channel-mention"), T0));
        store.onActivity(activity("installation-update-add-personal"), T0);
        assertEquals(2, store.findByTeam(TEAM).size(), store.findAll().toString());

        assertEquals(Change.REMOVED, store.onActivity(activity("conversation-update-team-bot-removed"), T1));

        assertEquals(List.of(), store.findByTeam(TEAM));
        assertEquals(1, store.count());
    }

    @Test
    void aThreadReplyIsStoredUnderItsChannel() {
        Activity reply = activity("message-channel-mention");
        store.onActivity(reply, T0);
        String channel = reply.conversation().id().substring(0, reply.conversation().id().indexOf(';'));
        StoredReference saved = store.find(reply.conversation().id()).orElseThrow();
        assertEquals(channel, saved.conversationId());
        assertEquals(channel, saved.reference().conversation().id());
        assertEquals(saved, store.find(channel).orElseThrow());
        assertEquals(TEAM, saved.teamId());
    }

    @Test
    void findsByTenantUserAadObjectIdTeamAndConversation() {
        store.onActivity(activity("installation-update-add-personal"), T0);
        store.onActivity(activity("conversation-update-team-bot-added"), T0);
        store.onActivity(activity("message-group-chat"), T0);

        assertEquals(3, store.findByTenant(TENANT).size());
        assertEquals(List.of(), store.findByTenant("00000000-0000-0000-0000-000000000000"));
        List<String> ids = store.findAll().stream().map(StoredReference::conversationId).toList();
        assertEquals(ids.stream().sorted().toList(), ids, "ordered by conversation id");

        Activity install = activity("installation-update-add-personal");
        StoredReference personal = store.find(install.conversation().id()).orElseThrow();
        assertTrue(store.findByUser(install.from().id()).contains(personal));
        if (install.from().aadObjectId() != null) {
            assertTrue(store.findByUser(install.from().aadObjectId().toUpperCase()).contains(personal));
        }
        assertEquals(1, store.findByTeam(TEAM).size());
        assertTrue(store.find("a:unknown").isEmpty());
    }

    @Test
    void readsReferencesStoredByMicrosoftSdksWithBotOrAgent() {
        ConversationReference botbuilder = StoredReference.parseReference(Fixtures.read(
                "connector/conversation-reference.personal.json"));
        ConversationReference agents = StoredReference.parseReference(resource("conversation-reference.agents-sdk.json"));
        assertEquals("28:805a9832-b270-4490-a35a-a726f1fc9513", agents.bot().id());
        assertTrue(agents.toJson().contains("\"agent\""), "the agent member is written back");

        assertTrue(store.save(StoredReference.of(botbuilder, null, T0)));
        assertTrue(store.save(StoredReference.of(agents, null, T0)));

        StoredReference lee = store.findByUser("29:1N_IN7S3ocDnVsyrmYxHJPcoV6YQHBL9-rAfDvTsdBIoHKpB34X9nNV5BjyEI5mI8XCKmVZ3Z4DmvHnlHKHOm_Q")
                .get(0);
        assertEquals("Contoso Notifier", lee.reference().bot().name());
        assertEquals(agents, lee.reference());
        assertEquals(botbuilder, store.findByUser(ADELE_AAD).get(0).reference());
    }

    static ConnectorResponseException.Details failure(int status, String code) {
        return new ConnectorResponseException.Details("POST", "/v3/conversations/a:1/activities", status, code,
                code, "r-1", null, 1, null, "{}");
    }

    @Test
    void aBlockedUserIsDroppedAndAThrottledSendKeepsTheReference() {
        Activity install = activity("installation-update-add-personal");
        store.onActivity(install, T0);
        String id = install.conversation().id();

        assertFalse(store.dropIfGone(id, new ThrottledException(failure(429, "Throttled"), "wait")));
        assertTrue(store.find(id).isPresent());
        assertTrue(store.dropIfGone(id, new BlockedByUserException(
                failure(403, "ConversationBlockedByUser"), "stop sending")));
        assertTrue(store.find(id).isEmpty());
    }

    @Test
    void anActivityWithoutAConversationIsIgnoredAndBadEntriesAreRefused() {
        assertEquals(Change.IGNORED, store.onActivity(Activity.message("hi"), T0));
        ConversationReference noUrl = ConversationReference.fromJson("{\"conversation\":{\"id\":\"a:1\"}}");
        assertThrows(IllegalArgumentException.class, () -> StoredReference.of(noUrl, null, T0));
        assertEquals(0, store.count());
    }

    @Test
    void concurrentSavesOfOneConversationKeepOneRow() throws Exception {
        Activity install = activity("installation-update-add-personal");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Change>> saves = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                Instant at = T0.plusSeconds(i);
                saves.add(() -> store.onActivity(install, at));
            }
            long created = 0;
            for (Future<Change> f : pool.invokeAll(saves)) {
                created += f.get() == Change.SAVED ? 1 : 0;
            }
            assertEquals(1, created);
        } finally {
            pool.shutdown();
        }
        assertEquals(1, store.count());
    }
}
