package io.github.botconnector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.auth.BotCloud;
import io.github.botconnector.auth.TrustedHosts;
import io.github.botconnector.exception.BotDisabledByAdminException;
import io.github.botconnector.exception.BotNotInstalledException;
import io.github.botconnector.exception.ConnectorResponseException;
import io.github.botconnector.exception.InvalidBotApiHostException;
import io.github.botconnector.exception.UntrustedHostException;
import io.github.botconnector.internal.ErrorMapper;
import io.github.botconnector.test.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/** The proactive outcomes a sender must tell apart get their own types, and messages that say what to do. */
class ProactiveOutcomesTest {

    @Test
    void aUserWithoutThePersonalInstallGivesBotNotInstalled() {
        ConnectorResponseException e = map(403, "{\"error\":{\"code\":\"ForbiddenOperationException\","
                + "\"message\":\"Bot isn't installed in user's personal scope\"}}", BotCloud.PUBLIC);
        assertEquals(BotNotInstalledException.class, e.getClass());
        assertEquals("ForbiddenOperationException", e.errorCode());
        assertTrue(e.getMessage().contains("install the app for the user"), e.getMessage());
    }

    @Test
    void otherForbiddenOperationsStayGeneric() {
        ConnectorResponseException e = map(403, "{\"error\":{\"code\":\"ForbiddenOperationException\","
                + "\"message\":\"The bot is not allowed to send to tenant x\"}}", BotCloud.PUBLIC);
        assertEquals(ConnectorResponseException.class, e.getClass());
    }

    @Test
    void aTenantAdminBlockGivesBotDisabledByAdmin() {
        ConnectorResponseException e = map(403, Fixtures.read("connector/errors/bot-disabled-by-admin.403.json"),
                BotCloud.PUBLIC);
        assertEquals(BotDisabledByAdminException.class, e.getClass());
        assertTrue(e.getMessage().contains("stop sending to this tenant"), e.getMessage());
    }

    @Test
    void invalidBotApiHostNamesTheHostToCall() {
        InvalidBotApiHostException e = (InvalidBotApiHostException) map(403,
                Fixtures.read("connector/errors/invalid-bot-api-host.403.json"), BotCloud.PUBLIC);
        assertEquals("https://smba.infra.gcc.teams.microsoft.com", e.suggestedServiceUrl());
        assertTrue(e.getMessage().contains("update the stored serviceUrl to https://smba.infra.gcc.teams.microsoft.com"),
                e.getMessage());
        assertFalse(e.getMessage().contains("BotCloud."), "GCC is reached with the public cloud: " + e.getMessage());
    }

    @Test
    void invalidBotApiHostOfAnotherCloudNamesItsPreset() {
        InvalidBotApiHostException e = (InvalidBotApiHostException) map(403, "{\"error\":{\"code\":\"InvalidBotApiHost\","
                + "\"message\":\"Invalid bot api host. Call https://smba.infra.gov.teams.microsoft.us/gcch.\"}}",
                BotCloud.PUBLIC);
        assertEquals("https://smba.infra.gov.teams.microsoft.us/gcch", e.suggestedServiceUrl());
        assertTrue(e.getMessage().contains("BotCloud.US_GOV_GCC_HIGH"), e.getMessage());
    }

    @Test
    void invalidBotApiHostWithoutAUrlStillHasAHint() {
        InvalidBotApiHostException e = (InvalidBotApiHostException) map(403,
                "{\"error\":{\"code\":\"InvalidBotApiHost\",\"message\":\"Invalid bot api host.\"}}", BotCloud.PUBLIC);
        assertNull(e.suggestedServiceUrl());
        assertTrue(e.getMessage().contains("serviceUrl"), e.getMessage());
    }

    @Test
    void aServiceUrlOfAnotherCloudNamesThePresetNotAddHost() {
        UntrustedHostException e = assertThrows(UntrustedHostException.class,
                () -> TrustedHosts.forCloud(BotCloud.PUBLIC).check("https://smba.infra.gov.teams.microsoft.us/gcch/"));
        assertTrue(e.getMessage().contains("use BotCloud.US_GOV_GCC_HIGH"), e.getMessage());
        assertFalse(e.getMessage().contains("addHost"), e.getMessage());

        UntrustedHostException dod = assertThrows(UntrustedHostException.class,
                () -> TrustedHosts.forCloud(BotCloud.PUBLIC).check("https://smba.infra.dod.teams.microsoft.us/teams/"));
        assertTrue(dod.getMessage().contains("use BotCloud.US_GOV_DOD"), dod.getMessage());

        UntrustedHostException publicOnGov = assertThrows(UntrustedHostException.class,
                () -> TrustedHosts.forCloud(BotCloud.US_GOV_GCC_HIGH).check("https://smba.trafficmanager.net/teams/"));
        assertTrue(publicOnGov.getMessage().contains("use BotCloud.PUBLIC"), publicOnGov.getMessage());

        UntrustedHostException unknown = assertThrows(UntrustedHostException.class,
                () -> TrustedHosts.forCloud(BotCloud.PUBLIC).check("https://bots.contoso.example/"));
        assertTrue(unknown.getMessage().contains("addHost"), unknown.getMessage());
    }

    @Test
    void detailsSurviveJavaSerialization() throws Exception {
        ConnectorResponseException e = map(403, Fixtures.read("connector/errors/bot-disabled-by-admin.403.json"),
                BotCloud.PUBLIC);
        ConnectorResponseException copy = roundTrip(e);
        assertEquals(BotDisabledByAdminException.class, copy.getClass());
        assertEquals(e.details(), copy.details());
        assertEquals(403, copy.statusCode());
        assertEquals("BotDisabledByAdmin", copy.errorCode());
        assertEquals(Duration.ofSeconds(7), roundTrip(map(429, "", BotCloud.PUBLIC)).retryAfter());
        InvalidBotApiHostException host = (InvalidBotApiHostException) roundTrip(map(403,
                Fixtures.read("connector/errors/invalid-bot-api-host.403.json"), BotCloud.PUBLIC));
        assertEquals("https://smba.infra.gcc.teams.microsoft.com", host.suggestedServiceUrl());
    }

    private static ConnectorResponseException roundTrip(ConnectorResponseException e) throws IOException,
            ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(e);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (ConnectorResponseException) in.readObject();
        }
    }

    private static ConnectorResponseException map(int status, String body, BotCloud cloud) {
        return ErrorMapper.map("POST", "/v3/conversations/x/activities", status,
                Headers.of("x-ms-request-id", "req-1"), body.getBytes(StandardCharsets.UTF_8), 1, null, cloud,
                status == 429 ? Duration.ofSeconds(7) : null);
    }
}
