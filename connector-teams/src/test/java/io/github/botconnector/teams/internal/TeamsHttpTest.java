package io.github.botconnector.teams.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.botconnector.exception.ConnectorException;
import io.github.botconnector.exception.ConnectorResponseException;
import io.github.botconnector.exception.NotFoundException;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Blocking calls rethrow the client's exceptions as is. */
class TeamsHttpTest {

    @Test
    void joinRethrowsTheClientsExceptionUnwrapped() {
        assertEquals("done", TeamsHttp.join(CompletableFuture.completedFuture("done")));
        NotFoundException notFound = new NotFoundException(new ConnectorResponseException.Details("GET", "/v3/teams/x",
                404, "NotFound", "no team", "req-1", null, 1, null, ""), "check the id");
        assertSame(notFound, assertThrows(NotFoundException.class,
                () -> TeamsHttp.join(CompletableFuture.failedFuture(new CompletionException(notFound)))));
        IOException checked = new IOException("reset");
        ConnectorException wrapped = assertThrows(ConnectorException.class,
                () -> TeamsHttp.join(CompletableFuture.failedFuture(checked)));
        assertSame(checked, wrapped.getCause());
    }
}
