package io.github.botconnector.examples;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.RetryPolicy;
import io.github.botconnector.auth.BotAuthenticator;
import io.github.botconnector.auth.BotCloud;
import io.github.botconnector.auth.CertificateCredential;
import io.github.botconnector.auth.ClientSecretCredential;
import io.github.botconnector.auth.ManagedIdentityCredential;
import io.github.botconnector.auth.TokenProvider;
import io.github.botconnector.auth.TrustedHosts;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.teams.GraphClient;
import io.github.botconnector.testing.FakeConnector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the examples send: the embedded fake connector (no settings) or real Teams (environment variables).
 *
 * <table>
 *   <caption>Environment variables</caption>
 *   <tr><th>Variable</th><th>Meaning</th></tr>
 *   <tr><td>{@code BOT_APP_ID}</td><td>the bot's Microsoft App ID; without it the examples use the fake</td></tr>
 *   <tr><td>{@code BOT_APP_PASSWORD}</td><td>client secret of the app registration</td></tr>
 *   <tr><td>{@code BOT_CERTIFICATE_PEM}, {@code BOT_PRIVATE_KEY_PEM}</td><td>certificate and PKCS#8 private key
 *       (PEM text or file paths) instead of a secret</td></tr>
 *   <tr><td>{@code BOT_MANAGED_IDENTITY_CLIENT_ID}</td><td>client id of the user-assigned managed identity of the
 *       bot, instead of a secret</td></tr>
 *   <tr><td>{@code BOT_TENANT_ID}</td><td>the Microsoft Entra tenant of the bot (single-tenant app) and of the
 *       users it messages</td></tr>
 *   <tr><td>{@code BOT_SERVICE_URL}</td><td>the service URL of the tenant, from an inbound activity (default: the
 *       cloud's global URL, for example {@code https://smba.trafficmanager.net/teams/})</td></tr>
 *   <tr><td>{@code BOT_CLOUD}</td><td>{@code public} (default), {@code gcc-high}, {@code dod} or
 *       {@code china}</td></tr>
 *   <tr><td>{@code BOT_MANIFEST_ID}</td><td>the {@code id} of the Teams app manifest, for the Microsoft Graph
 *       examples (default: {@code BOT_APP_ID})</td></tr>
 * </table>
 *
 * Secrets are never printed: {@link #toString()} shows only which kind of credential is configured.
 */
public final class ExampleConfig implements AutoCloseable {

    private final String appId;
    private final String tenantId;
    private final String serviceUrl;
    private final BotCloud cloud;
    private final TokenProvider credentials;
    private final String credentialKind;
    private final String manifestAppId;
    private final FakeConnector fake;
    private final boolean ownsFake;

    private ExampleConfig(String appId, String tenantId, String serviceUrl, BotCloud cloud, TokenProvider credentials,
                          String credentialKind, String manifestAppId, FakeConnector fake, boolean ownsFake) {
        this.appId = appId;
        this.manifestAppId = manifestAppId;
        this.tenantId = tenantId;
        this.serviceUrl = serviceUrl;
        this.cloud = cloud;
        this.credentials = credentials;
        this.credentialKind = credentialKind;
        this.fake = fake;
        this.ownsFake = ownsFake;
    }

    /**
     * Reads the process environment: real Teams when {@code BOT_APP_ID} is set, otherwise a freshly started embedded
     * fake connector with the sample tenant (stopped again by {@link #close()}).
     */
    public static ExampleConfig fromEnvironment() {
        return from(System.getenv());
    }

    /**
     * Like {@link #fromEnvironment()} with the given variables.
     *
     * @throws IllegalArgumentException when {@code BOT_APP_ID} is set but the rest is incomplete
     */
    public static ExampleConfig from(Map<String, String> env) {
        if (isBlank(env.get("BOT_APP_ID"))) {
            return forFake(SampleTenant.startFakeConnector(), true);
        }
        return forTeams(env);
    }

    /**
     * Settings for a running fake connector: the fake's bot, first tenant, service URL and cloud, and the real
     * client-credentials flow against the fake's token endpoint. The caller keeps ownership of the fake.
     */
    public static ExampleConfig forFakeConnector(FakeConnector fake) {
        return forFake(fake, false);
    }

    private static ExampleConfig forFake(FakeConnector fake, boolean ownsFake) {
        TokenProvider credentials = ClientSecretCredential.builder()
                .appId(fake.botAppId())
                .secret(fake.botPassword())
                .cloud(fake.cloud())            // login host, scope and key document of the fake
                .build();
        return new ExampleConfig(fake.botAppId(), fake.tenantIds().get(0), fake.serviceUrl(), fake.cloud(),
                credentials, "client secret (fake connector)", fake.botAppId(), fake, ownsFake);
    }

    private static ExampleConfig forTeams(Map<String, String> env) {
        String appId = env.get("BOT_APP_ID").trim();
        String tenantId = require(env, "BOT_TENANT_ID",
                "the Microsoft Entra tenant id (GUID); Teams needs it to create 1:1 chats");
        BotCloud cloud = cloud(env.getOrDefault("BOT_CLOUD", "public"));
        String serviceUrl = isBlank(env.get("BOT_SERVICE_URL")) ? cloud.defaultServiceUrl()
                : env.get("BOT_SERVICE_URL").trim();
        String manifest = isBlank(env.get("BOT_MANIFEST_ID")) ? appId : env.get("BOT_MANIFEST_ID").trim();
        if (!isBlank(env.get("BOT_APP_PASSWORD"))) {
            TokenProvider credentials = ClientSecretCredential.builder()
                    .appId(appId).tenantId(tenantId).cloud(cloud)
                    .secret(env.get("BOT_APP_PASSWORD"))
                    .build();
            return new ExampleConfig(appId, tenantId, serviceUrl, cloud, credentials, "client secret", manifest, null,
                    false);
        }
        if (!isBlank(env.get("BOT_CERTIFICATE_PEM"))) {
            String key = require(env, "BOT_PRIVATE_KEY_PEM", "the PKCS#8 private key of the certificate (PEM)");
            TokenProvider credentials = CertificateCredential.builder()
                    .appId(appId).tenantId(tenantId).cloud(cloud)
                    .pem(pemText(key), pemText(env.get("BOT_CERTIFICATE_PEM")))
                    .build();
            return new ExampleConfig(appId, tenantId, serviceUrl, cloud, credentials, "certificate", manifest, null,
                    false);
        }
        if (!isBlank(env.get("BOT_MANAGED_IDENTITY_CLIENT_ID"))) {
            TokenProvider credentials = ManagedIdentityCredential.builder()
                    .clientId(env.get("BOT_MANAGED_IDENTITY_CLIENT_ID").trim())
                    .cloud(cloud)
                    .build();
            return new ExampleConfig(appId, tenantId, serviceUrl, cloud, credentials, "managed identity", manifest,
                    null, false);
        }
        throw new IllegalArgumentException("BOT_APP_ID is set but no credential is: set BOT_APP_PASSWORD, or"
                + " BOT_CERTIFICATE_PEM and BOT_PRIVATE_KEY_PEM, or BOT_MANAGED_IDENTITY_CLIENT_ID");
    }

    /** The cloud preset named by {@code BOT_CLOUD}. */
    static BotCloud cloud(String name) {
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "public":
                return BotCloud.PUBLIC;
            case "gcc-high":
                return BotCloud.US_GOV_GCC_HIGH;
            case "dod":
                return BotCloud.US_GOV_DOD;
            case "china":
                return BotCloud.CHINA;
            default:
                throw new IllegalArgumentException("BOT_CLOUD must be public, gcc-high, dod or china, got '" + name
                        + "' (GCC moderate uses public)");
        }
    }

    /**
     * A client for the configured service URL. Against the fake, loopback hosts are trusted; against Teams only the
     * cloud's Bot Connector hosts may ever receive the bot's token.
     */
    public ConnectorClient newClient() {
        TrustedHosts trustedHosts = TrustedHosts.builder()
                .cloud(cloud)
                .allowLoopback(usesFakeConnector())
                .build();
        return ConnectorClient.builder()
                .serviceUrl(serviceUrl)
                .cloud(cloud)
                .credentials(credentials)
                .trustedHosts(trustedHosts)
                .build();
    }

    /**
     * A client for a {@code BroadcastEngine}: like {@link #newClient()}, but without retries of its own, since the
     * engine makes the retry decisions (a 429 pauses every sender of the tenant).
     */
    public ConnectorClient newBroadcastClient() {
        return ConnectorClient.builder()
                .serviceUrl(serviceUrl)
                .cloud(cloud)
                .credentials(credentials)
                .trustedHosts(TrustedHosts.builder().cloud(cloud).allowLoopback(usesFakeConnector()).build())
                .retryPolicy(RetryPolicy.none())
                .build();
    }

    /**
     * A Microsoft Graph client with the bot's credentials (Graph tokens for the cloud's Graph scope). Against the
     * fake, its loopback Graph is trusted; against Teams only the cloud's Graph host may receive the token.
     */
    public GraphClient newGraphClient() {
        return GraphClient.builder()
                .credentials(credentials)
                .cloud(cloud)
                .allowLoopback(usesFakeConnector())
                .build();
    }

    /**
     * The team the broadcast examples message: the sample team on the embedded fake, else {@code args[index]}.
     *
     * @return empty when Teams is configured and the argument is missing
     */
    public Optional<String> teamId(String[] args, int index) {
        if (fake != null) {
            return Optional.of(fake.team(SampleTenant.FIELD_SERVICE_TEAM).id());
        }
        return args.length > index ? Optional.of(args[index]) : Optional.empty();
    }

    /**
     * Where an example keeps its JDBC ledger (H2 adds {@code .mv.db}): {@code name} in the working directory against
     * Teams, so that a second run resumes the job; a new temporary directory against the embedded fake, which starts
     * empty on every run.
     */
    public Path ledgerFile(String name) {
        if (fake == null) {
            return Path.of(name);
        }
        try {
            return Files.createTempDirectory("ledger").resolve(name);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory for the ledger", e);
        }
    }

    /** The {@code id} of the Teams app manifest ({@code BOT_MANIFEST_ID}, default the app id). */
    public String manifestAppId() {
        return manifestAppId;
    }

    /** Validates the JWT on every inbound activity: issuer, signature, audience (the app id), service URL. */
    public BotAuthenticator newAuthenticator() {
        return BotAuthenticator.builder()
                .appId(appId)
                .cloud(cloud)                     // the fake's cloud points at its OpenID metadata
                .build();
    }

    /** The bot's account, {@code 28:<appId>}. */
    public ChannelAccount bot() {
        return ChannelAccount.of("28:" + appId);
    }

    /** The bot's Microsoft App ID. */
    public String appId() {
        return appId;
    }

    /** The tenant the examples send to. */
    public String tenantId() {
        return tenantId;
    }

    /** The service URL the examples send to. */
    public String serviceUrl() {
        return serviceUrl;
    }

    /** The cloud. */
    public BotCloud cloud() {
        return cloud;
    }

    /** The bot's credentials. */
    public TokenProvider credentials() {
        return credentials;
    }

    /** Whether the examples talk to a fake connector instead of Teams. */
    public boolean usesFakeConnector() {
        return fake != null;
    }

    /** The fake connector, when the examples talk to one. */
    public Optional<FakeConnector> fakeConnector() {
        return Optional.ofNullable(fake);
    }

    /** Stops the embedded fake connector if this configuration started it. */
    @Override
    public void close() {
        if (ownsFake) {
            fake.close();
        }
    }

    /** The settings without any secret. */
    @Override
    public String toString() {
        return "ExampleConfig[" + (usesFakeConnector() ? "fake connector" : "Teams") + ", appId=" + appId
                + ", tenantId=" + tenantId + ", serviceUrl=" + serviceUrl + ", cloud=" + cloud.name()
                + ", credentials=" + credentialKind + "]";
    }

    private static String require(Map<String, String> env, String name, String what) {
        String value = env.get(name);
        if (isBlank(value)) {
            throw new IllegalArgumentException(name + " must be set: " + what);
        }
        return value.trim();
    }

    /** PEM text as given, or read from the file the value names. */
    private static String pemText(String textOrPath) {
        if (textOrPath.contains("-----BEGIN")) {
            return textOrPath;
        }
        try {
            return Files.readString(Path.of(textOrPath.trim()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the PEM file " + textOrPath.trim(), e);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
