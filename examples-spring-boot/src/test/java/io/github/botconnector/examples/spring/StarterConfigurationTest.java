package io.github.botconnector.examples.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.auth.BotAuthenticator;
import io.github.botconnector.auth.TokenProvider;
import io.github.botconnector.broadcast.BroadcastEngine;
import io.github.botconnector.broadcast.store.ConversationReferenceStore;
import io.github.botconnector.broadcast.store.JdbcReferenceStore;
import io.github.botconnector.spring.BotConnectorAutoConfiguration;
import io.github.botconnector.spring.BotConnectorHealth;
import io.github.botconnector.spring.BroadcastClient;
import io.github.botconnector.spring.internal.MissingSettingAnalyzer;
import io.github.botconnector.teams.TeamsClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Collections;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The starter's beans from properties alone, its startup errors, and its optional parts. */
class StarterConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BotConnectorAutoConfiguration.class))
            .withPropertyValues("botconnector.app-id=805a9832-b270-4490-a35a-a726f1fc9513",
                    "botconnector.app-password=not-a-real-secret-4711",
                    "botconnector.tenant-id=c603ca06-32cc-4a8f-9a2a-a31442aeb907");

    @Test
    void theContextStartsFromPropertiesOnly() {
        runner.run(context -> {
            assertEquals(null, context.getStartupFailure());
            assertNotNull(context.getBean(TokenProvider.class));
            assertNotNull(context.getBean(ConnectorClient.class));
            assertNotNull(context.getBean(TeamsClient.class));
            assertNotNull(context.getBean(BotAuthenticator.class));
            assertNotNull(context.getBean(BotConnectorHealth.class));
            assertEquals("https://smba.trafficmanager.net/teams/",
                    context.getBean(ConnectorClient.class).serviceUrl());
            assertFalse(context.getBean(ConversationReferenceStore.class) instanceof JdbcReferenceStore);
            assertFalse(context.getBean(TokenProvider.class).toString().contains("not-a-real-secret-4711"));
        });
    }

    @Test
    void aMissingAppIdStopsStartupNamingTheProperty() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(BotConnectorAutoConfiguration.class))
                .withPropertyValues("botconnector.app-password=x")
                .run(context -> {
                    Throwable failure = context.getStartupFailure();
                    assertNotNull(failure);
                    assertTrue(rootMessage(failure).contains("botconnector.app-id"), rootMessage(failure));
                });
    }

    @Test
    void aMissingCredentialStopsStartupNamingTheProperties() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(BotConnectorAutoConfiguration.class))
                .withPropertyValues("botconnector.app-id=805a9832-b270-4490-a35a-a726f1fc9513")
                .run(context -> {
                    String message = rootMessage(context.getStartupFailure());
                    assertTrue(message.contains("botconnector.app-password"), message);
                    assertTrue(message.contains("botconnector.managed-identity-client-id"), message);
                });
    }

    @Test
    void aMissingPropertyIsReportedAsSpringBootsStartupFailureAnalysis() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(BotConnectorAutoConfiguration.class))
                .run(context -> {
                    String factories = classpathText("META-INF/spring.factories");
                    assertTrue(factories.contains(MissingSettingAnalyzer.class.getName()), factories);
                    FailureAnalysis analysis = new MissingSettingAnalyzer().analyze(context.getStartupFailure());
                    assertNotNull(analysis);
                    assertEquals("Missing property botconnector.app-id.", analysis.getDescription());
                    assertTrue(analysis.getAction().startsWith("Set botconnector.app-id to the bot's Microsoft App ID"),
                            analysis.getAction());
                });
    }

    @Test
    void aDataSourceMakesTheStoreJdbc() {
        runner.withUserConfiguration(WithDataSource.class).run(context -> {
            ConversationReferenceStore store = context.getBean(ConversationReferenceStore.class);
            assertInstanceOf(JdbcReferenceStore.class, store);
            assertEquals(0, store.count(), "the table was created");
        });
    }

    @Test
    void theBroadcastEngineKeepsItsLedgerInMemoryWithoutADataSource() {
        runner.run(context -> {
            BroadcastEngine engine = context.getBean(BroadcastEngine.class);
            assertTrue(engine.toString().contains("InMemoryLedger"), engine.toString());
            ConnectorClient engineClient = context.getBean(BroadcastClient.class).client();
            assertNotSame(context.getBean(ConnectorClient.class), engineClient, "the engine sends without retries");
            assertEquals(context.getBean(ConnectorClient.class).serviceUrl(), engineClient.serviceUrl());
        });
    }

    @Test
    void aDataSourcePutsTheBroadcastLedgerInTheDatabase() {
        runner.withUserConfiguration(WithDataSource.class).run(context -> {
            BroadcastEngine engine = context.getBean(BroadcastEngine.class);
            assertTrue(engine.toString().contains("JdbcLedger"), engine.toString());
            try (Connection c = context.getBean(DataSource.class).getConnection();
                 ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM bc_job")) {
                assertTrue(rs.next());
                assertEquals(0, rs.getInt(1), "the ledger's tables were created");
            }
        });
    }

    @Test
    void theBroadcastEngineCanBeLeftOut() {
        runner.withPropertyValues("botconnector.broadcast.enabled=false").run(context -> {
            assertEquals(null, context.getStartupFailure());
            assertFalse(context.containsBean("botConnectorBroadcastEngine"));
            assertFalse(context.containsBean("botConnectorBroadcastClient"));
            assertNotNull(context.getBean(ConnectorClient.class));
        });
    }

    @Test
    void metricsAndHealthBeansExistWhenTheirLibrariesArePresent() {
        runner.run(context -> {
            assertTrue(context.containsBean("botConnectorMetrics"));
            assertTrue(context.containsBean("botConnectorHealthIndicator"));
        });
    }

    @Test
    void nothingBreaksWithoutMicrometerOrActuator() {
        runner.withClassLoader(new FilteredClassLoader("io.micrometer", "org.springframework.boot.actuate",
                        "org.springframework.boot.health"))
                .run(context -> {
                    assertEquals(null, context.getStartupFailure());
                    assertFalse(context.containsBean("botConnectorMetrics"));
                    assertFalse(context.containsBean("botConnectorHealthIndicator"));
                    assertNotNull(context.getBean(ConnectorClient.class));
                    assertNotNull(context.getBean(BotConnectorHealth.class));
                });
    }

    @Test
    void propertiesHaveMetadataForIdeCompletion() throws IOException {
        String metadata = classpathText("META-INF/spring-configuration-metadata.json");
        for (String property : new String[] {"botconnector.app-id", "botconnector.app-password",
                "botconnector.tenant-id", "botconnector.cloud", "botconnector.endpoint-path",
                "botconnector.managed-identity-client-id", "botconnector.store.type"}) {
            assertTrue(metadata.contains("\"" + property + "\""), property);
        }
        assertTrue(metadata.contains("The bot's Microsoft App ID"), "descriptions come from the Javadoc");
        String hints = classpathText("META-INF/additional-spring-configuration-metadata.json");
        assertTrue(hints.contains("\"gcc-high\""), hints);
    }

    /** Every class path resource named {@code resource}, concatenated. */
    private static String classpathText(String resource) throws IOException {
        StringBuilder all = new StringBuilder();
        for (URL url : Collections.list(StarterConfigurationTest.class.getClassLoader().getResources(resource))) {
            try (InputStream in = url.openStream()) {
                all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            }
        }
        assertFalse(all.isEmpty(), resource);
        return all.toString();
    }

    @Configuration(proxyBeanMethods = false)
    static class WithDataSource {
        @Bean(destroyMethod = "dispose")
        JdbcConnectionPool dataSource() {
            return JdbcConnectionPool.create("jdbc:h2:mem:starter;DB_CLOSE_DELAY=-1", "sa", "");
        }
    }

    private static String rootMessage(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append('\n');
        }
        return all.toString();
    }
}
