package io.github.botconnector.spring;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code botconnector.*} settings of the starter. Only {@code botconnector.app-id} and one credential are
 * required; a missing one stops the application at startup with a message naming the property.
 *
 * <pre>
 * botconnector.app-id=00000000-0000-0000-0000-000000000000
 * botconnector.app-password=${BOT_APP_PASSWORD}
 * botconnector.tenant-id=00000000-0000-0000-0000-000000000000
 * </pre>
 */
@ConfigurationProperties(prefix = "botconnector")
public class BotConnectorProperties {

    /** The bot's Microsoft App ID (required). */
    private String appId;
    /** The client secret (one credential is required: this, a certificate, a managed identity or workload identity). */
    private String appPassword;
    /** PEM file of the certificate for certificate credentials (with {@link #getPrivateKeyFile()}). */
    private String certificateFile;
    /** PEM file of the private key for certificate credentials (with {@link #getCertificateFile()}). */
    private String privateKeyFile;
    /**
     * Client id of a user-assigned managed identity (Azure App Service, Functions, VMs) for managed identity
     * credentials.
     */
    private String managedIdentityClientId;
    /**
     * Whether to use AKS workload identity ({@code AZURE_FEDERATED_TOKEN_FILE}, {@code AZURE_CLIENT_ID},
     * {@code AZURE_TENANT_ID}).
     */
    private boolean workloadIdentity;
    /** The Microsoft Entra tenant of a single-tenant bot; empty for a multi-tenant bot. */
    private String tenantId;
    /** The cloud: {@code public} (default; also GCC moderate), {@code gcc-high}, {@code dod} or {@code china}. */
    private String cloud = "public";
    /**
     * The default service URL of the {@code ConnectorClient} bean (default: the cloud's); sends through a stored
     * reference use the reference's own service URL.
     */
    private String serviceUrl;
    /** Path of the inbound endpoint Teams posts activities to (default {@code /api/messages}). */
    private String endpointPath = "/api/messages";
    private final Endpoints endpoints = new Endpoints();
    private final Inbound inbound = new Inbound();
    private final Store store = new Store();
    private final Broadcast broadcast = new Broadcast();

    /**
     * The bot's Microsoft App ID (required).
     *
     * @return the app id
     */
    public String getAppId() {
        return appId;
    }

    /**
     * Sets the bot's Microsoft App ID.
     *
     * @param appId the app id
     */
    public void setAppId(String appId) {
        this.appId = appId;
    }

    /**
     * The client secret (one credential is required: this, a certificate, a managed identity or workload identity).
     *
     * @return the secret
     */
    public String getAppPassword() {
        return appPassword;
    }

    /**
     * Sets the client secret; keep it out of source control (an environment variable or a secret store).
     *
     * @param appPassword the secret
     */
    public void setAppPassword(String appPassword) {
        this.appPassword = appPassword;
    }

    /**
     * PEM file of the certificate for certificate credentials (with {@link #getPrivateKeyFile()}).
     *
     * @return the path
     */
    public String getCertificateFile() {
        return certificateFile;
    }

    /**
     * Sets the PEM certificate file.
     *
     * @param certificateFile the path
     */
    public void setCertificateFile(String certificateFile) {
        this.certificateFile = certificateFile;
    }

    /**
     * PEM file of the private key for certificate credentials (with {@link #getCertificateFile()}).
     *
     * @return the path
     */
    public String getPrivateKeyFile() {
        return privateKeyFile;
    }

    /**
     * Sets the PEM private key file.
     *
     * @param privateKeyFile the path
     */
    public void setPrivateKeyFile(String privateKeyFile) {
        this.privateKeyFile = privateKeyFile;
    }

    /**
     * Client id of a user-assigned managed identity (Azure App Service, Functions, VMs) for managed identity
     * credentials.
     *
     * @return the client id
     */
    public String getManagedIdentityClientId() {
        return managedIdentityClientId;
    }

    /**
     * Sets the managed identity client id.
     *
     * @param managedIdentityClientId the client id
     */
    public void setManagedIdentityClientId(String managedIdentityClientId) {
        this.managedIdentityClientId = managedIdentityClientId;
    }

    /**
     * Whether to use AKS workload identity ({@code AZURE_FEDERATED_TOKEN_FILE}, {@code AZURE_CLIENT_ID},
     * {@code AZURE_TENANT_ID}).
     *
     * @return whether workload identity is on
     */
    public boolean isWorkloadIdentity() {
        return workloadIdentity;
    }

    /**
     * Switches workload identity on.
     *
     * @param workloadIdentity whether to use it
     */
    public void setWorkloadIdentity(boolean workloadIdentity) {
        this.workloadIdentity = workloadIdentity;
    }

    /**
     * The Microsoft Entra tenant of a single-tenant bot; empty for a multi-tenant bot.
     *
     * @return the tenant id
     */
    public String getTenantId() {
        return tenantId;
    }

    /**
     * Sets the tenant id.
     *
     * @param tenantId the tenant id
     */
    public void setTenantId(String tenantId) {
        this.tenantId = tenantId;
    }

    /**
     * The cloud: {@code public} (default; also GCC moderate), {@code gcc-high}, {@code dod} or {@code china}.
     *
     * @return the cloud name
     */
    public String getCloud() {
        return cloud;
    }

    /**
     * Sets the cloud.
     *
     * @param cloud the cloud name
     */
    public void setCloud(String cloud) {
        this.cloud = cloud;
    }

    /**
     * The default service URL of the {@code ConnectorClient} bean (default: the cloud's); sends through a stored
     * reference use the reference's own service URL.
     *
     * @return the service URL
     */
    public String getServiceUrl() {
        return serviceUrl;
    }

    /**
     * Sets the default service URL.
     *
     * @param serviceUrl the service URL
     */
    public void setServiceUrl(String serviceUrl) {
        this.serviceUrl = serviceUrl;
    }

    /**
     * Path of the inbound endpoint Teams posts activities to (default {@code /api/messages}).
     *
     * @return the path
     */
    public String getEndpointPath() {
        return endpointPath;
    }

    /**
     * Sets the inbound endpoint path.
     *
     * @param endpointPath the path
     */
    public void setEndpointPath(String endpointPath) {
        this.endpointPath = endpointPath;
    }

    /**
     * Endpoint overrides for a private or test deployment of the Bot Framework services.
     *
     * @return the overrides
     */
    public Endpoints getEndpoints() {
        return endpoints;
    }

    /**
     * Settings of the inbound endpoint.
     *
     * @return the inbound settings
     */
    public Inbound getInbound() {
        return inbound;
    }

    /**
     * Settings of the conversation reference store.
     *
     * @return the store settings
     */
    public Store getStore() {
        return store;
    }

    /**
     * Settings of the broadcast engine.
     *
     * @return the broadcast settings
     */
    public Broadcast getBroadcast() {
        return broadcast;
    }

    /** The broadcast engine: paced sends to many recipients with a per-recipient ledger. */
    public static class Broadcast {
        /** Whether the broadcast engine bean is created (default {@code true}). */
        private boolean enabled = true;
        /**
         * This instance's node id when several application instances share one PostgreSQL ledger (unique per
         * instance, e.g. host name and process id); unset for a single instance.
         */
        private String node;

        /**
         * Whether the broadcast engine bean is created (default {@code true}).
         *
         * @return whether it is enabled
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets whether the broadcast engine bean is created.
         *
         * @param enabled whether it is enabled
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * This instance's node id for a shared PostgreSQL ledger, or {@code null} for a single instance.
         *
         * @return the node id
         */
        public String getNode() {
            return node;
        }

        /**
         * Sets this instance's node id for a shared PostgreSQL ledger.
         *
         * @param node the node id
         */
        public void setNode(String node) {
            this.node = node;
        }
    }

    /**
     * Endpoint overrides on top of the chosen cloud: the login host (token endpoint), the OpenID metadata of the
     * channel's signing keys, and extra trusted service hosts. Leave empty for Teams.
     */
    public static class Endpoints {
        /** The login host, for example {@code https://login.microsoftonline.com}. */
        private String loginHost;
        /** The OpenID metadata URL of the channel's token signing keys. */
        private String openIdMetadataUrl;
        /** Hosts, besides the cloud's Bot Connector hosts, that may receive the bot's token. */
        private List<String> trustedHosts = new ArrayList<>();
        /** Whether loopback hosts (plain http) are trusted: only for tests against a local fake connector. */
        private boolean allowLoopback;

        /**
         * The login host, for example {@code https://login.microsoftonline.com}.
         *
         * @return the host URL
         */
        public String getLoginHost() {
            return loginHost;
        }

        /**
         * Sets the login host.
         *
         * @param loginHost the host URL
         */
        public void setLoginHost(String loginHost) {
            this.loginHost = loginHost;
        }

        /**
         * The OpenID metadata URL of the channel's token signing keys.
         *
         * @return the URL
         */
        public String getOpenIdMetadataUrl() {
            return openIdMetadataUrl;
        }

        /**
         * Sets the OpenID metadata URL.
         *
         * @param openIdMetadataUrl the URL
         */
        public void setOpenIdMetadataUrl(String openIdMetadataUrl) {
            this.openIdMetadataUrl = openIdMetadataUrl;
        }

        /**
         * Hosts, besides the cloud's Bot Connector hosts, that may receive the bot's token.
         *
         * @return the hosts
         */
        public List<String> getTrustedHosts() {
            return trustedHosts;
        }

        /**
         * Sets the extra trusted hosts.
         *
         * @param trustedHosts the hosts
         */
        public void setTrustedHosts(List<String> trustedHosts) {
            this.trustedHosts = trustedHosts;
        }

        /**
         * Whether loopback hosts (plain http) are trusted: only for tests against a local fake connector.
         *
         * @return whether loopback is allowed
         */
        public boolean isAllowLoopback() {
            return allowLoopback;
        }

        /**
         * Allows loopback hosts; never in production.
         *
         * @param allowLoopback whether loopback is allowed
         */
        public void setAllowLoopback(boolean allowLoopback) {
            this.allowLoopback = allowLoopback;
        }
    }

    /** Settings of the inbound endpoint. */
    public static class Inbound {
        /** Whether the inbound endpoint is registered (default {@code true}). */
        private boolean enabled = true;
        /** Threads that deliver the application events, off the request thread (default 4). */
        private int eventThreads = 4;
        /**
         * Events that may wait for a thread (default 10000); beyond it the endpoint answers 503 so Teams retries later,
         * and nothing is dropped silently.
         */
        private int eventQueueCapacity = 10_000;
        /**
         * How many recent activity ids are remembered to ignore Teams' retries of the same activity (default 10000).
         */
        private int rememberedActivityIds = 10_000;

        /**
         * Whether the inbound endpoint is registered (default {@code true}).
         *
         * @return whether it is on
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Switches the inbound endpoint on or off.
         *
         * @param enabled whether it is on
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * Threads that deliver the application events, off the request thread (default 4).
         *
         * @return the thread count
         */
        public int getEventThreads() {
            return eventThreads;
        }

        /**
         * Sets the event thread count.
         *
         * @param eventThreads the thread count
         */
        public void setEventThreads(int eventThreads) {
            this.eventThreads = eventThreads;
        }

        /**
         * Events that may wait for a thread (default 10000); beyond it the endpoint answers 503 so Teams retries
         * later, and nothing is dropped silently.
         *
         * @return the capacity
         */
        public int getEventQueueCapacity() {
            return eventQueueCapacity;
        }

        /**
         * Sets the queue capacity.
         *
         * @param eventQueueCapacity the capacity
         */
        public void setEventQueueCapacity(int eventQueueCapacity) {
            this.eventQueueCapacity = eventQueueCapacity;
        }

        /**
         * How many recent activity ids are remembered to ignore Teams' retries of the same activity (default
         * 10000).
         *
         * @return the count
         */
        public int getRememberedActivityIds() {
            return rememberedActivityIds;
        }

        /**
         * Sets how many activity ids are remembered.
         *
         * @param rememberedActivityIds the count
         */
        public void setRememberedActivityIds(int rememberedActivityIds) {
            this.rememberedActivityIds = rememberedActivityIds;
        }
    }

    /** Settings of the conversation reference store. */
    public static class Store {
        /**
         * {@code auto} (default: JDBC when the application has a {@code DataSource}, else memory), {@code jdbc} or
         * {@code memory}.
         */
        private String type = "auto";
        /** The JDBC table (default {@code bot_conversation_reference}). */
        private String tableName = "bot_conversation_reference";
        /** Whether the JDBC table is created at startup when missing (default {@code true}). */
        private boolean createSchema = true;

        /**
         * {@code auto} (default: JDBC when the application has a {@code DataSource}, else memory), {@code jdbc} or
         * {@code memory}.
         *
         * @return the type
         */
        public String getType() {
            return type;
        }

        /**
         * Sets the store type.
         *
         * @param type the type
         */
        public void setType(String type) {
            this.type = type;
        }

        /**
         * The JDBC table (default {@code bot_conversation_reference}).
         *
         * @return the table name
         */
        public String getTableName() {
            return tableName;
        }

        /**
         * Sets the JDBC table.
         *
         * @param tableName the table name
         */
        public void setTableName(String tableName) {
            this.tableName = tableName;
        }

        /**
         * Whether the JDBC table is created at startup when missing (default {@code true}).
         *
         * @return whether the schema is created
         */
        public boolean isCreateSchema() {
            return createSchema;
        }

        /**
         * Sets whether the JDBC schema is created.
         *
         * @param createSchema whether the schema is created
         */
        public void setCreateSchema(boolean createSchema) {
            this.createSchema = createSchema;
        }
    }
}
