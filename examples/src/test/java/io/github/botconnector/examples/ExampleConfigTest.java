package io.github.botconnector.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.auth.BotCloud;
import io.github.botconnector.testing.FakeConnector;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExampleConfigTest {

    private static final String TENANT = "c603ca06-32cc-4a8f-9a2a-a31442aeb907";

    @Test
    void withoutSettingsTheEmbeddedFakeIsUsed() {
        FakeConnector fake;
        try (ExampleConfig config = ExampleConfig.from(Map.of())) {
            assertTrue(config.usesFakeConnector());
            fake = config.fakeConnector().orElseThrow();
            assertEquals(fake.botAppId(), config.appId());
            assertEquals(fake.serviceUrl(), config.serviceUrl());
            assertFalse(config.toString().contains(fake.botPassword()));
        }
    }

    @Test
    void teamsSettingsWithASecret() {
        String secret = "s3cr3t-Value~never-printed";
        try (ExampleConfig config = ExampleConfig.from(Map.of("BOT_APP_ID", "805a9832-b270-4490-a35a-a726f1fc9513",
                "BOT_APP_PASSWORD", secret, "BOT_TENANT_ID", TENANT))) {
            assertFalse(config.usesFakeConnector());
            assertEquals(BotCloud.PUBLIC, config.cloud());
            assertEquals(BotCloud.PUBLIC.defaultServiceUrl(), config.serviceUrl());
            assertEquals("28:805a9832-b270-4490-a35a-a726f1fc9513", config.bot().id());
            assertEquals(TENANT, config.tenantId());
            assertTrue(config.toString().contains("client secret"), config.toString());
            assertFalse(config.toString().contains(secret), config.toString());
            assertFalse(config.credentials().toString().contains(secret));
        }
    }

    @Test
    void serviceUrlAndCloudFromTheEnvironment() {
        try (ExampleConfig config = ExampleConfig.from(Map.of("BOT_APP_ID", "app", "BOT_APP_PASSWORD", "x",
                "BOT_TENANT_ID", TENANT, "BOT_CLOUD", "gcc-high",
                "BOT_SERVICE_URL", "https://smba.infra.gov.teams.microsoft.us/gcch/"))) {
            assertEquals(BotCloud.US_GOV_GCC_HIGH, config.cloud());
            assertEquals("https://smba.infra.gov.teams.microsoft.us/gcch/", config.serviceUrl());
        }
        assertEquals(BotCloud.US_GOV_DOD, ExampleConfig.cloud("dod"));
        assertEquals(BotCloud.CHINA, ExampleConfig.cloud("China"));
        assertThrows(IllegalArgumentException.class, () -> ExampleConfig.cloud("gcc"));
    }

    @Test
    void managedIdentity() {
        try (ExampleConfig config = ExampleConfig.from(Map.of("BOT_APP_ID", "app", "BOT_TENANT_ID", TENANT,
                "BOT_MANAGED_IDENTITY_CLIENT_ID", "3f2b9a4c-0000-4000-8000-000000000001"))) {
            assertTrue(config.toString().contains("managed identity"), config.toString());
        }
    }

    @Test
    void incompleteTeamsSettingsSayWhatIsMissing() {
        IllegalArgumentException noCredential = assertThrows(IllegalArgumentException.class,
                () -> ExampleConfig.from(Map.of("BOT_APP_ID", "app", "BOT_TENANT_ID", TENANT)));
        assertTrue(noCredential.getMessage().contains("BOT_APP_PASSWORD"));
        IllegalArgumentException noTenant = assertThrows(IllegalArgumentException.class,
                () -> ExampleConfig.from(Map.of("BOT_APP_ID", "app", "BOT_APP_PASSWORD", "x")));
        assertTrue(noTenant.getMessage().contains("BOT_TENANT_ID"));
        assertThrows(IllegalArgumentException.class, () -> ExampleConfig.from(Map.of("BOT_APP_ID", "app",
                "BOT_TENANT_ID", TENANT, "BOT_CERTIFICATE_PEM", "-----BEGIN CERTIFICATE-----")));
    }
}
