package io.github.botconnector.teams;

import static io.github.botconnector.test.JsonAssert.assertJsonEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.schema.Activity;
import io.github.botconnector.test.Fixtures;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every batch messaging payload in the fixtures ({@code connector/batch}): parse, serialize, compare trees. */
class BatchModelsRoundTripTest {

    private static final String TENANT = "c603ca06-32cc-4a8f-9a2a-a31442aeb907";
    private static final String TEAM = "19:xU5yQt4xbGuJMzxgOjBfG6UtfiBiE3qmNxOk8mvkTH9D@thread.tacv2";
    private static final String LEE = "29:1N_IN7S35A-J_G0-6L5vhUgc1ptdTB1HmjqSDFSDpVjwjO4fP0ryUnWdb7Fot6OtaPL-ViYHOrfPvY3gDKHOm_Q";
    private static final String TEXT = "The cafeteria in building 4 is closed today. Lunch is served in building 2.";

    /** The model that reads a batch fixture, chosen by its file name; fails for a fixture without a model. */
    static Function<String, Object> reader(String fixture) {
        String name = fixture.substring(fixture.lastIndexOf('/') + 1);
        if (name.startsWith("send-to-") && name.contains(".request")) {
            return BatchMessageRequest::fromJson;
        }
        if (name.equals("send.response.json")) {
            return BatchOperationResponse::fromJson;
        }
        if (name.startsWith("operation-state.")) {
            return BatchOperationState::fromJson;
        }
        if (name.startsWith("failed-entries.")) {
            return BatchFailedEntriesResponse::fromJson;
        }
        throw new AssertionError("No batch model mapped for fixture " + fixture);
    }

    static Stream<String> batchFixtures() {
        List<String> all = Fixtures.list("connector/batch");
        assertFalse(all.isEmpty(), "the batch fixtures are on the class path");
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("batchFixtures")
    void batchPayloadRoundTrip(String fixture) {
        String json = Fixtures.read(fixture);
        Function<String, Object> reader = reader(fixture);
        Object model = reader.apply(json);
        String written = model.toString();
        assertJsonEquals(json, written);
        assertEquals(model, reader.apply(written), "parse(serialize(x)) equals x");
        assertEquals(model.hashCode(), reader.apply(written).hashCode());
    }

    @Test
    void everyBatchFixtureIsExpected() {
        assertEquals(List.of(
                "connector/batch/failed-entries.response.id-variant.json",
                "connector/batch/failed-entries.response.last.json",
                "connector/batch/failed-entries.response.page1.json",
                "connector/batch/operation-state.completed.response.json",
                "connector/batch/operation-state.ongoing.response.json",
                "connector/batch/send-to-channels.request.json",
                "connector/batch/send-to-team.request.json",
                "connector/batch/send-to-team.request.pascal-case.json",
                "connector/batch/send-to-tenant.request.json",
                "connector/batch/send-to-users.request.json",
                "connector/batch/send-to-users.request.pascal-case.json",
                "connector/batch/send.response.json"), Fixtures.list("connector/batch"));
    }

    @Test
    void pascalCaseRequestsReadLikeCamelCaseAndStayPascalCase() {
        BatchMessageRequest camel = BatchMessageRequest.fromJson(Fixtures.read("connector/batch/send-to-users.request.json"));
        BatchMessageRequest pascal = BatchMessageRequest.fromJson(
                Fixtures.read("connector/batch/send-to-users.request.pascal-case.json"));
        assertEquals(camel.members(), pascal.members());
        assertEquals(3, pascal.members().size());
        assertEquals(LEE, pascal.members().get(2).id());
        assertEquals(camel.activity(), pascal.activity());
        assertEquals(TEXT, pascal.activity().text());
        assertEquals(TENANT, pascal.tenantId());
        assertTrue(pascal.properties().containsKey("Members"), "kept as received");
        assertTrue(pascal.toJson().contains("\"TenantId\""));
        assertTrue(!camel.equals(pascal), "the two spellings are different JSON");

        BatchMessageRequest team = BatchMessageRequest.fromJson(Fixtures.read("connector/batch/send-to-team.request.pascal-case.json"));
        assertEquals(TEAM, team.teamId());
        assertEquals(TENANT, team.tenantId());
        assertEquals(List.of(), team.members());

        // Setting a value replaces both spellings: no duplicate keys on the wire.
        BatchMessageRequest changed = team.toBuilder().tenantId(TENANT).activity(Activity.message("x")).build();
        assertJsonEquals("{\"TeamId\": \"" + TEAM + "\", \"tenantId\": \"" + TENANT
                + "\", \"activity\": {\"type\": \"message\", \"text\": \"x\"}}", changed.toJson());
        assertEquals(team, team.toBuilder().build(), "toBuilder keeps everything");
    }

    @Test
    void memberIdReadsEitherSpelling() {
        BatchMember pascal = BatchMember.fromJson("{\"Id\": \"" + LEE + "\"}");
        assertEquals(LEE, pascal.id());
        assertJsonEquals("{\"Id\": \"" + LEE + "\"}", pascal.toJson());
        assertJsonEquals("{\"id\": \"" + LEE + "\"}", pascal.toBuilder().id(LEE).build().toJson());
        assertEquals(BatchMember.of(LEE), BatchMember.fromJson("{\"id\": \"" + LEE + "\"}"));
    }

    @Test
    void operationStateAccessors() {
        BatchOperationState ongoing = BatchOperationState.fromJson(
                Fixtures.read("connector/batch/operation-state.ongoing.response.json"));
        assertEquals(BatchOperationState.ONGOING, ongoing.state());
        assertTrue(ongoing.isOngoing());
        assertEquals(610, ongoing.statusCount(201));
        assertEquals(40, ongoing.statusCount(429));
        assertEquals(0, ongoing.statusCount(403));
        assertEquals(Instant.parse("2026-01-15T12:05:30Z"), ongoing.retryAfter().toInstant());
        assertEquals(1500, ongoing.totalEntriesCount());

        BatchOperationState completed = BatchOperationState.fromJson(
                Fixtures.read("connector/batch/operation-state.completed.response.json"));
        assertEquals(BatchOperationState.COMPLETED, completed.state());
        assertFalse(completed.isOngoing());
        assertNull(completed.retryAfter());
        assertEquals(List.of("201", "403", "404"), List.copyOf(completed.statusMap().keySet()), "keys kept as received");

        BatchOperationState failed = BatchOperationState.fromJson(
                "{\"state\": \"Failed\", \"statusMap\": {\"400\": 2}}");
        assertEquals(2, failed.statusCount(400));
        assertJsonEquals("{\"state\": \"Failed\", \"statusMap\": {\"400\": 2}}", failed.toJson());
        assertEquals(failed, BatchOperationState.fromJson(failed.toJson()));
    }

    @Test
    void failedEntryIdReadsEverySpelling() {
        BatchFailedEntriesResponse variant = BatchFailedEntriesResponse.fromJson(
                Fixtures.read("connector/batch/failed-entries.response.id-variant.json"));
        assertNull(variant.continuationToken());
        assertEquals(LEE, variant.failedEntryResponses().get(0).entryId());
        assertEquals("UserNotFound", variant.failedEntryResponses().get(0).error());
        assertEquals("29:x", BatchFailedEntry.fromJson("{\"Id\": \"29:x\", \"error\": \"e\"}").entryId());
        assertEquals("29:y", BatchFailedEntry.fromJson("{\"entryId\": \"29:y\", \"id\": \"29:x\"}").entryId());

        BatchFailedEntriesResponse page1 = BatchFailedEntriesResponse.fromJson(
                Fixtures.read("connector/batch/failed-entries.response.page1.json"));
        assertEquals("MTAwO2JmOWFkNDJiLTcxNzYtNDkzMS05NThkLTI1MjlmNjVhM2EzYw", page1.continuationToken());
        assertEquals(List.of("BotNotInConversationRoster", "ConversationBlockedByUser"),
                page1.failedEntryResponses().stream().map(BatchFailedEntry::error).toList());
    }
}
