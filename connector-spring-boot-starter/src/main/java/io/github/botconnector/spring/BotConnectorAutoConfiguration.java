package io.github.botconnector.spring;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.ConnectorListener;
import io.github.botconnector.RetryPolicy;
import io.github.botconnector.auth.BotAuthenticator;
import io.github.botconnector.auth.BotCloud;
import io.github.botconnector.auth.CertificateCredential;
import io.github.botconnector.auth.ClientSecretCredential;
import io.github.botconnector.auth.FederatedCredential;
import io.github.botconnector.auth.ManagedIdentityCredential;
import io.github.botconnector.auth.TokenProvider;
import io.github.botconnector.auth.TrustedHosts;
import io.github.botconnector.broadcast.BroadcastEngine;
import io.github.botconnector.broadcast.Ledger;
import io.github.botconnector.broadcast.store.ConversationReferenceStore;
import io.github.botconnector.broadcast.store.JdbcReferenceStore;
import io.github.botconnector.spring.internal.Boot3HealthIndicator;
import io.github.botconnector.spring.internal.Boot4HealthIndicator;
import io.github.botconnector.spring.internal.InboundEndpoint;
import io.github.botconnector.spring.internal.ListenerFanOut;
import io.github.botconnector.spring.internal.MicrometerListener;
import io.github.botconnector.spring.internal.MissingSettingException;
import io.github.botconnector.teams.TeamsClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wires a bot from {@code botconnector.*} properties ({@link BotConnectorProperties}): the credential
 * ({@link TokenProvider}), {@link ConnectorClient}, {@link TeamsClient}, {@link BotAuthenticator}, the
 * {@link ConversationReferenceStore} (JDBC when the application has a {@link DataSource}, else in memory), the
 * {@link BroadcastEngine} (its ledger in the same place as the store), the inbound endpoint
 * ({@code POST /api/messages}) publishing {@link BotEvent}s, {@link BotConnectorHealth}, and, when
 * the libraries are present, Micrometer meters and an Actuator health indicator. Every bean backs off when the
 * application defines its own.
 */
@AutoConfiguration(afterName = {"org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
@EnableConfigurationProperties(BotConnectorProperties.class)
public class BotConnectorAutoConfiguration {

    /** Created by Spring Boot. */
    public BotConnectorAutoConfiguration() {
    }

    /**
     * The cloud: {@code botconnector.cloud} with the {@code botconnector.endpoints.*} overrides.
     *
     * @param properties the settings
     * @return the cloud
     */
    @Bean
    @ConditionalOnMissingBean
    public BotCloud botConnectorCloud(BotConnectorProperties properties) {
        BotCloud cloud = switch (String.valueOf(properties.getCloud()).toLowerCase(Locale.ROOT)) {
            case "public" -> BotCloud.PUBLIC;
            case "gcc-high" -> BotCloud.US_GOV_GCC_HIGH;
            case "dod" -> BotCloud.US_GOV_DOD;
            case "china" -> BotCloud.CHINA;
            default -> throw new MissingSettingException("botconnector.cloud is '" + properties.getCloud() + "'",
                    "Set botconnector.cloud to public, gcc-high, dod or china (GCC moderate uses public)");
        };
        BotConnectorProperties.Endpoints endpoints = properties.getEndpoints();
        if (blank(endpoints.getLoginHost()) && blank(endpoints.getOpenIdMetadataUrl())
                && blank(properties.getServiceUrl())) {
            return cloud;
        }
        BotCloud.Builder custom = cloud.toBuilder().name(cloud.name() + "-custom");
        if (!blank(endpoints.getLoginHost())) {
            custom.loginHost(endpoints.getLoginHost());
        }
        if (!blank(endpoints.getOpenIdMetadataUrl())) {
            custom.openIdMetadataUrl(endpoints.getOpenIdMetadataUrl());
        }
        if (!blank(properties.getServiceUrl())) {
            custom.defaultServiceUrl(properties.getServiceUrl());
        }
        return custom.build();
    }

    /**
     * The bot's credential, from whichever of {@code botconnector.app-password}, {@code certificate-file} +
     * {@code private-key-file}, {@code managed-identity-client-id} or {@code workload-identity} is set.
     *
     * @param properties the settings
     * @param cloud      the cloud
     * @return the credential
     * @throws IllegalStateException naming the missing property and what to set
     */
    @Bean
    @ConditionalOnMissingBean
    public TokenProvider botConnectorCredential(BotConnectorProperties properties, BotCloud cloud) {
        String appId = properties.getAppId();
        if (blank(appId)) {
            throw missingAppId();
        }
        String tenant = properties.getTenantId();
        if (!blank(properties.getAppPassword())) {
            ClientSecretCredential.Builder b = ClientSecretCredential.builder().appId(appId)
                    .secret(properties.getAppPassword()).cloud(cloud);
            return (blank(tenant) ? b.multiTenant() : b.tenantId(tenant)).build();
        }
        if (!blank(properties.getCertificateFile()) || !blank(properties.getPrivateKeyFile())) {
            if (blank(properties.getCertificateFile()) || blank(properties.getPrivateKeyFile())) {
                throw new MissingSettingException("Missing property botconnector."
                        + (blank(properties.getCertificateFile()) ? "certificate-file" : "private-key-file"),
                        "Certificate credentials need both botconnector.certificate-file and"
                        + " botconnector.private-key-file (PEM files)");
            }
            CertificateCredential.Builder b = CertificateCredential.builder().appId(appId).cloud(cloud)
                    .pemFiles(Path.of(properties.getPrivateKeyFile()), Path.of(properties.getCertificateFile()));
            return (blank(tenant) ? b.multiTenant() : b.tenantId(tenant)).build();
        }
        if (!blank(properties.getManagedIdentityClientId())) {
            return ManagedIdentityCredential.builder().clientId(properties.getManagedIdentityClientId())
                    .resource(cloud.resource()).build();
        }
        if (properties.isWorkloadIdentity()) {
            return FederatedCredential.workloadIdentity().cloud(cloud).build();
        }
        throw new MissingSettingException("Missing credential property for app " + appId,
                "Set botconnector.app-password (client secret), botconnector.certificate-file and"
                + " botconnector.private-key-file, botconnector.managed-identity-client-id, or"
                + " botconnector.workload-identity=true");
    }

    /**
     * Health of the bot: a token can be obtained; the last call's outcome.
     *
     * @param tokens the credential
     * @return the health check
     */
    @Bean
    @ConditionalOnMissingBean
    public BotConnectorHealth botConnectorHealth(TokenProvider tokens) {
        return new BotConnectorHealth(tokens);
    }

    /**
     * The client, reporting to every {@link ConnectorListener} bean (health, metrics, the application's own), with
     * the application's {@link RetryPolicy} bean if it has one.
     *
     * @param properties  the settings
     * @param cloud       the cloud
     * @param tokens      the credential
     * @param listeners   the listener beans
     * @param retryPolicy the application's retry policy, if any
     * @return the client
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public ConnectorClient botConnectorClient(BotConnectorProperties properties, BotCloud cloud, TokenProvider tokens,
                                              ObjectProvider<ConnectorListener> listeners,
                                              ObjectProvider<RetryPolicy> retryPolicy) {
        return clientBuilder(properties, cloud, tokens, listeners)
                .retryPolicy(retryPolicy.getIfAvailable(RetryPolicy::defaults))
                .build();
    }

    private static ConnectorClient.Builder clientBuilder(BotConnectorProperties properties, BotCloud cloud,
                                                         TokenProvider tokens,
                                                         ObjectProvider<ConnectorListener> listeners) {
        TrustedHosts.Builder hosts = TrustedHosts.builder().cloud(cloud)
                .allowLoopback(properties.getEndpoints().isAllowLoopback());
        properties.getEndpoints().getTrustedHosts().forEach(hosts::addHost);
        return ConnectorClient.builder()
                .cloud(cloud)
                .credentials(tokens)
                .trustedHosts(hosts.build())
                .listener(ListenerFanOut.of(listeners.orderedStream().toList()));
    }

    /**
     * The client the broadcast engine sends with: the same credential, cloud, trusted hosts and listeners as the
     * {@link ConnectorClient} bean, but without retries of its own (the engine retries, and pauses every sender of a
     * tenant on a 429). Kept apart from the {@code ConnectorClient} bean so that injection by type stays unambiguous.
     *
     * @param properties the settings
     * @param cloud      the cloud
     * @param tokens     the credential
     * @param listeners  the listener beans
     * @return the engine's client, closed with the context
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(BroadcastEngine.class)
    @ConditionalOnProperty(prefix = "botconnector.broadcast", name = "enabled", matchIfMissing = true)
    public BroadcastClient botConnectorBroadcastClient(BotConnectorProperties properties, BotCloud cloud,
                                                       TokenProvider tokens,
                                                       ObjectProvider<ConnectorListener> listeners) {
        return new BroadcastClient(clientBuilder(properties, cloud, tokens, listeners)
                .retryPolicy(RetryPolicy.none()).build());
    }

    /**
     * The broadcast engine: its ledger is JDBC over the application's {@link DataSource} when the reference store is
     * (the same {@code botconnector.store.type} choice), else in memory. Unfinished jobs of a JDBC ledger resume when
     * the application starts. Set {@code botconnector.broadcast.node} to run several application instances as nodes
     * of one PostgreSQL ledger; {@code botconnector.broadcast.enabled=false} leaves the engine out.
     *
     * @param properties  the settings
     * @param client      the engine's client
     * @param store       the reference store (its kind picks the ledger's)
     * @param dataSources the application's data source, if any
     * @return the engine, closed with the context (in-flight sends are settled as after a crash)
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "botconnector.broadcast", name = "enabled", matchIfMissing = true)
    public BroadcastEngine botConnectorBroadcastEngine(BotConnectorProperties properties, BroadcastClient client,
                                                       ConversationReferenceStore store,
                                                       ObjectProvider<DataSource> dataSources) {
        DataSource dataSource = store instanceof JdbcReferenceStore ? dataSources.getIfAvailable() : null;
        BroadcastEngine.Builder engine = BroadcastEngine.builder().client(client.client())
                .ledger(dataSource == null ? Ledger.inMemory() : Ledger.jdbc(dataSource));
        String node = properties.getBroadcast().getNode();
        if (!blank(node)) {
            engine.node(node);
        }
        return engine.build();
    }

    /**
     * The Teams client over the {@link ConnectorClient}.
     *
     * @param client the client
     * @return the Teams client
     */
    @Bean
    @ConditionalOnMissingBean
    public TeamsClient botConnectorTeamsClient(ConnectorClient client) {
        return TeamsClient.of(client);
    }

    /**
     * Validates inbound JWTs for {@code botconnector.app-id}.
     *
     * @param properties the settings
     * @param cloud      the cloud
     * @return the authenticator
     */
    @Bean
    @ConditionalOnMissingBean
    public BotAuthenticator botConnectorAuthenticator(BotConnectorProperties properties, BotCloud cloud) {
        if (blank(properties.getAppId())) {
            throw missingAppId();
        }
        return BotAuthenticator.builder().appId(properties.getAppId()).cloud(cloud).build();
    }

    /**
     * The reference store: JDBC over the application's {@link DataSource} when there is one (or
     * {@code botconnector.store.type=jdbc}), else in memory.
     *
     * @param properties  the settings
     * @param dataSources the application's data source, if any
     * @return the store
     */
    @Bean
    @ConditionalOnMissingBean
    public ConversationReferenceStore conversationReferenceStore(BotConnectorProperties properties,
                                                                 ObjectProvider<DataSource> dataSources) {
        BotConnectorProperties.Store settings = properties.getStore();
        String type = String.valueOf(settings.getType()).toLowerCase(Locale.ROOT);
        if (!List.of("auto", "jdbc", "memory").contains(type)) {
            throw new MissingSettingException("botconnector.store.type is '" + settings.getType() + "'",
                    "Set botconnector.store.type to auto, jdbc or memory");
        }
        DataSource dataSource = type.equals("memory") ? null : dataSources.getIfAvailable();
        if (dataSource == null) {
            if (type.equals("jdbc")) {
                throw new MissingSettingException("botconnector.store.type=jdbc but the application has no"
                        + " DataSource", "Add spring-boot-starter-jdbc and spring.datasource.url, or set"
                        + " botconnector.store.type=auto");
            }
            return ConversationReferenceStore.inMemory();
        }
        return JdbcReferenceStore.builder().dataSource(dataSource).tableName(settings.getTableName())
                .createSchema(settings.isCreateSchema()).build();
    }

    /** Micrometer meters, when Micrometer is on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    static class Metrics {

        @Bean
        @ConditionalOnMissingBean
        MicrometerListener botConnectorMetrics() {
            return new MicrometerListener();
        }
    }

    /** The health indicator on Spring Boot 3 Actuator. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    @ConditionalOnMissingClass("org.springframework.boot.health.contributor.HealthIndicator")
    static class Boot3Health {

        @Bean
        @ConditionalOnMissingBean(name = "botConnectorHealthIndicator")
        Boot3HealthIndicator botConnectorHealthIndicator(BotConnectorHealth health) {
            return new Boot3HealthIndicator(health);
        }
    }

    /** The health indicator on Spring Boot 4. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class Boot4Health {

        @Bean
        @ConditionalOnMissingBean(name = "botConnectorHealthIndicator")
        Boot4HealthIndicator botConnectorHealthIndicator(BotConnectorHealth health) {
            return new Boot4HealthIndicator(health);
        }
    }

    /** The inbound endpoint and model binding, in a Spring MVC application. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
    static class Web {

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnProperty(prefix = "botconnector.inbound", name = "enabled", matchIfMissing = true)
        InboundEndpoint botConnectorInboundEndpoint(BotConnectorProperties properties, BotAuthenticator authenticator,
                                                    ConversationReferenceStore store,
                                                    ApplicationEventPublisher publisher) {
            BotConnectorProperties.Inbound inbound = properties.getInbound();
            return new InboundEndpoint(authenticator, store, publisher, inbound.getEventThreads(),
                    inbound.getEventQueueCapacity(), inbound.getRememberedActivityIds());
        }

        @Bean
        WebMvcConfigurer botConnectorModelBinding() {
            return new WebMvcConfigurer() {
                @Override
                public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
                    converters.add(0, new BotConnectorHttpMessageConverter());
                }
            };
        }
    }

    private static MissingSettingException missingAppId() {
        return new MissingSettingException("Missing property botconnector.app-id", "Set botconnector.app-id to the"
                + " bot's Microsoft App ID (Azure Bot resource > Configuration), in application.properties or as the"
                + " environment variable BOTCONNECTOR_APP_ID");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
