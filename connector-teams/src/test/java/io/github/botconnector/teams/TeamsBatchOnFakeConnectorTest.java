package io.github.botconnector.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.exception.ConnectorResponseException;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.teams.support.TestClients;
import io.github.botconnector.testing.FakeConnector;
import io.github.botconnector.testing.FakeConnectorExtension;
import io.github.botconnector.testing.FakeUser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Teams batch messaging against the stateful fake Bot Connector of connector-testing (the Contoso world). */
class TeamsBatchOnFakeConnectorTest {

    @RegisterExtension
    static final FakeConnectorExtension FAKE = FakeConnectorExtension.builder().contoso().build();

    @Test
    void sendToUsersThenStateThenFailedEntries(FakeConnector fake) {
        FakeUser adele = fake.user("Adele Vance");
        FakeUser alex = fake.user("Alex Wilber");
        FakeUser lee = fake.user("Lee Gu");
        fake.installBotFor(adele);
        fake.installBotFor(alex);
        String tenantId = fake.tenantIds().get(0);
        String text = "The cafeteria in building 4 is closed today. Lunch is served in building 2.";
        try (ConnectorClient client = TestClients.connector(fake.serviceUrl())) {
            TeamsClient teams = TeamsClient.of(client);

            String operationId = teams.sendToUsers(List.of(adele.id(), alex.id(), lee.id()), Activity.message(text), tenantId);

            BatchOperationState state = teams.batchOperationState(operationId);
            assertEquals(BatchOperationState.COMPLETED, state.state());
            assertEquals(3, state.totalEntriesCount());
            assertEquals(2, state.statusCount(201));

            List<BatchFailedEntry> failed = teams.batchFailedEntries(operationId);
            assertEquals(List.of(lee.id()), failed.stream().map(BatchFailedEntry::entryId).toList(),
                    "Lee has not installed the app");
            assertTrue(failed.get(0).error() != null && !failed.get(0).error().isBlank());

            assertEquals(List.of(text), fake.activitiesSentTo(adele).stream().map(Activity::text).toList());
            assertEquals(List.of(text), fake.activitiesSentTo(alex).stream().map(Activity::text).toList());
            assertEquals(List.of(), fake.activitiesSentTo(lee));

            teams.cancelBatchOperation(operationId);
            assertEquals(BatchOperationState.COMPLETED, teams.batchOperationState(operationId).state(),
                    "a completed operation keeps its state when cancelled");

            ConnectorResponseException notAGuid = assertThrows(ConnectorResponseException.class,
                    () -> teams.batchOperationState("operation-1"));
            assertEquals(400, notAGuid.statusCode());
        }
    }
}
