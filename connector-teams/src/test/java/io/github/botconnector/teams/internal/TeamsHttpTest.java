package io.github.botconnector.teams.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.BotConnectorException;
import io.github.botconnector.ConnectorResponseException;
import io.github.botconnector.NotFoundException;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ids are encoded as the core client encodes them, and blocking calls rethrow the client's exceptions as is. */
class TeamsHttpTest {

    @ParameterizedTest
    @CsvSource({
            "a:1R_0b, a%3A1R_0b",
            "19:abc@thread.tacv2;messageid=123, 19%3Aabc%40thread.tacv2%3Bmessageid%3D123",
            "29:1-_.~x, 29%3A1-_.~x",
            "a/b?c#d e, a%2Fb%3Fc%23d%20e",
            "a*b+c, a%2Ab%2Bc",
            "ü, %C3%BC"})
    void idsAreEncodedAsWholePathSegments(String raw, String encoded) {
        assertEquals(encoded, TeamsHttp.segment(raw, "conversationId"));
    }

    @Test
    void blankAndDotIdsAreRefusedNamingTheField() {
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> TeamsHttp.segment(" ", "teamId"));
        assertTrue(blank.getMessage().startsWith("teamId must not be blank"), blank.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TeamsHttp.segment(null, "teamId"));
        IllegalArgumentException dots = assertThrows(IllegalArgumentException.class,
                () -> TeamsHttp.segment("..", "memberId"));
        assertEquals("memberId '..' is not a valid id", dots.getMessage());
    }

    @Test
    void joinRethrowsTheClientsExceptionUnwrapped() {
        assertEquals("done", TeamsHttp.join(CompletableFuture.completedFuture("done")));
        NotFoundException notFound = new NotFoundException(new ConnectorResponseException.Details("GET", "/v3/teams/x",
                404, "NotFound", "no team", "req-1", null, 1, null, ""), "check the id");
        assertSame(notFound, assertThrows(NotFoundException.class,
                () -> TeamsHttp.join(CompletableFuture.failedFuture(new CompletionException(notFound)))));
        IOException checked = new IOException("reset");
        BotConnectorException wrapped = assertThrows(BotConnectorException.class,
                () -> TeamsHttp.join(CompletableFuture.failedFuture(checked)));
        assertSame(checked, wrapped.getCause());
    }
}
