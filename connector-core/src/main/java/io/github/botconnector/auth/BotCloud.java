package io.github.botconnector.auth;

import io.github.botconnector.internal.HostNames;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The endpoints of one Azure / Bot Framework cloud, all-or-nothing: where tokens come from and for which scope,
 * which issuer and key document inbound tokens must match, and which Bot Connector hosts may receive the bot's token.
 * Use a preset ({@link #PUBLIC}, {@link #US_GOV_GCC_HIGH}, {@link #US_GOV_DOD}, {@link #CHINA}) or
 * {@link #builder()} for a custom cloud; presets are never mixed (a public issuer with a government scope cannot be
 * configured by accident).
 */
public final class BotCloud {

    /** Azure public cloud (commercial Teams, and GCC moderate, which uses public-cloud identity). */
    public static final BotCloud PUBLIC = builder()
            .name("public")
            .loginHost("https://login.microsoftonline.com")
            .multiTenantAuthority("botframework.com")
            .scope("https://api.botframework.com/.default")
            .channelIssuer("https://api.botframework.com")
            .openIdMetadataUrl("https://login.botframework.com/v1/.well-known/openidconfiguration")
            .defaultServiceUrl("https://smba.trafficmanager.net/teams/")
            .trustedHosts("smba.trafficmanager.net", "smba.onyx.prod.teams.trafficmanager.net",
                    "smba.infra.gcc.teams.microsoft.com")
            .trustedHostSuffixes("botframework.com", "teams.microsoft.com")
            .graphEndpoint("https://graph.microsoft.com")
            .build();

    /** Azure US Government, GCC High. */
    public static final BotCloud US_GOV_GCC_HIGH = builder()
            .name("us-gov-gcc-high")
            .loginHost("https://login.microsoftonline.us")
            .multiTenantAuthority("MicrosoftServices.onmicrosoft.us")
            .scope("https://api.botframework.us/.default")
            .channelIssuer("https://api.botframework.us")
            .openIdMetadataUrl("https://login.botframework.azure.us/v1/.well-known/openidconfiguration")
            .defaultServiceUrl("https://smba.infra.gov.teams.microsoft.us/gcch")
            .trustedHosts("smba.infra.gov.teams.microsoft.us")
            .trustedHostSuffixes("botframework.azure.us", "teams.microsoft.us")
            .graphEndpoint("https://graph.microsoft.us")
            .build();

    /** Azure US Government, DoD. */
    public static final BotCloud US_GOV_DOD = builder()
            .name("us-gov-dod")
            .loginHost("https://login.microsoftonline.us")
            .multiTenantAuthority("MicrosoftServices.onmicrosoft.us")
            .scope("https://api.botframework.us/.default")
            .channelIssuer("https://api.botframework.us")
            .openIdMetadataUrl("https://login.botframework.azure.us/v1/.well-known/openidconfiguration")
            .defaultServiceUrl("https://smba.infra.dod.teams.microsoft.us/teams")
            .trustedHosts("smba.infra.dod.teams.microsoft.us")
            .trustedHostSuffixes("botframework.azure.us", "teams.microsoft.us")
            .graphEndpoint("https://dod-graph.microsoft.us")
            .build();

    /** Azure China, operated by 21Vianet. */
    public static final BotCloud CHINA = builder()
            .name("china")
            .loginHost("https://login.partner.microsoftonline.cn")
            .multiTenantAuthority("microsoftservices.partner.onmschina.cn")
            .scope("https://api.botframework.azure.cn/.default")
            .channelIssuer("https://api.botframework.azure.cn")
            .openIdMetadataUrl("https://login.botframework.azure.cn/v1/.well-known/openidconfiguration")
            .defaultServiceUrl("https://frontend.botapi.msg.infra.teams.microsoftonline.cn/teams/")
            .trustedHosts("frontend.botapi.msg.infra.teams.microsoftonline.cn")
            .trustedHostSuffixes("botframework.azure.cn")
            .graphEndpoint("https://microsoftgraph.chinacloudapi.cn")
            .build();

    private final String name;
    private final String loginHost;
    private final String multiTenantAuthority;
    private final String scope;
    private final String channelIssuer;
    private final String openIdMetadataUrl;
    private final String defaultServiceUrl;
    private final Set<String> trustedHosts;
    private final Set<String> trustedHostSuffixes;
    private final String graphEndpoint;
    private final String graphScope;

    private BotCloud(Builder b) {
        this.name = require(b.name, "name");
        this.loginHost = trimSlash(requireHttps(b.loginHost, "loginHost"));
        this.multiTenantAuthority = require(b.multiTenantAuthority, "multiTenantAuthority");
        this.scope = require(b.scope, "scope");
        this.channelIssuer = require(b.channelIssuer, "channelIssuer");
        this.openIdMetadataUrl = requireHttps(b.openIdMetadataUrl, "openIdMetadataUrl");
        this.defaultServiceUrl = requireHttps(b.defaultServiceUrl, "defaultServiceUrl");
        this.trustedHosts = Set.copyOf(b.trustedHosts);
        this.trustedHostSuffixes = Set.copyOf(b.trustedHostSuffixes);
        this.graphEndpoint = b.graphEndpoint == null ? null : trimSlash(requireHttps(b.graphEndpoint, "graphEndpoint"));
        if (b.graphScope != null && graphEndpoint == null) {
            throw new IllegalArgumentException("BotCloud.graphScope is set without graphEndpoint; set both");
        }
        this.graphScope = graphEndpoint == null ? null
                : b.graphScope != null ? require(b.graphScope, "graphScope") : graphEndpoint + "/.default";
    }

    /** A builder for a custom cloud; every endpoint must be set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this cloud's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.loginHost = loginHost;
        b.multiTenantAuthority = multiTenantAuthority;
        b.scope = scope;
        b.channelIssuer = channelIssuer;
        b.openIdMetadataUrl = openIdMetadataUrl;
        b.defaultServiceUrl = defaultServiceUrl;
        b.trustedHosts.addAll(trustedHosts);
        b.trustedHostSuffixes.addAll(trustedHostSuffixes);
        b.graphEndpoint = graphEndpoint;
        b.graphScope = graphScope;
        return b;
    }

    /** Short name of the cloud ({@code public}, {@code us-gov-gcc-high}, ...). */
    public String name() {
        return name;
    }

    /** Azure AD login host, for example {@code https://login.microsoftonline.com}. */
    public String loginHost() {
        return loginHost;
    }

    /** Tenant used by multi-tenant bots to get tokens ({@code botframework.com} in the public cloud). */
    public String multiTenantAuthority() {
        return multiTenantAuthority;
    }

    /** Scope of the Bot Connector token, for example {@code https://api.botframework.com/.default}. */
    public String scope() {
        return scope;
    }

    /** Managed-identity resource: the scope without {@code /.default}. */
    public String resource() {
        return scope.endsWith("/.default") ? scope.substring(0, scope.length() - "/.default".length()) : scope;
    }

    /** Issuer of tokens that channels send to the bot, for example {@code https://api.botframework.com}. */
    public String channelIssuer() {
        return channelIssuer;
    }

    /** OpenID metadata URL of the channel (Bot Connector) token issuer. */
    public String openIdMetadataUrl() {
        return openIdMetadataUrl;
    }

    /** Service URL to use when none is known from an inbound activity. */
    public String defaultServiceUrl() {
        return defaultServiceUrl;
    }

    /** Bot Connector hosts that may receive the bot's token, matched exactly. */
    public Set<String> trustedHosts() {
        return trustedHosts;
    }

    /** Microsoft-owned DNS zones whose subdomains may receive the bot's token (matched on a dot boundary). */
    public Set<String> trustedHostSuffixes() {
        return trustedHostSuffixes;
    }

    /**
     * Root of the cloud's Microsoft Graph service, without version or trailing slash:
     * {@code https://graph.microsoft.com} (public), {@code https://graph.microsoft.us} (GCC High), {@code https://dod-graph.microsoft.us} (DoD),
     * {@code https://microsoftgraph.chinacloudapi.cn} (China); {@code null} for a custom cloud built without one.
     * Only this host may receive the app's Graph token.
     */
    public String graphEndpoint() {
        return graphEndpoint;
    }

    /**
     * Scope of Microsoft Graph tokens, for example {@code https://graph.microsoft.com/.default}; {@code null} when
     * the cloud has no {@link #graphEndpoint()}.
     */
    public String graphScope() {
        return graphScope;
    }

    /**
     * The OAuth 2.0 token endpoint for {@code tenant}: a tenant id for single-tenant bots, or
     * {@link #multiTenantAuthority()} for multi-tenant bots.
     */
    public String tokenEndpoint(String tenant) {
        return loginHost + "/" + require(tenant, "tenant") + "/oauth2/v2.0/token";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BotCloud c && name.equals(c.name) && loginHost.equals(c.loginHost)
                && multiTenantAuthority.equals(c.multiTenantAuthority) && scope.equals(c.scope)
                && channelIssuer.equals(c.channelIssuer) && openIdMetadataUrl.equals(c.openIdMetadataUrl)
                && defaultServiceUrl.equals(c.defaultServiceUrl) && trustedHosts.equals(c.trustedHosts)
                && trustedHostSuffixes.equals(c.trustedHostSuffixes)
                && Objects.equals(graphEndpoint, c.graphEndpoint) && Objects.equals(graphScope, c.graphScope);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, loginHost, scope, channelIssuer);
    }

    @Override
    public String toString() {
        return "BotCloud[" + name + ", login=" + loginHost + ", scope=" + scope + ", issuer=" + channelIssuer + "]";
    }

    private static String require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("BotCloud." + what + " must be set");
        }
        return value;
    }

    private static String requireHttps(String value, String what) {
        require(value, what);
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("BotCloud." + what + " is not a URL: " + value, e);
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        boolean loopbackHttp = "http".equalsIgnoreCase(uri.getScheme()) && isLoopback(uri.getHost());
        if (uri.getHost() == null || !(https || loopbackHttp)) {
            throw new IllegalArgumentException("BotCloud." + what + " must be an https URL (http only for localhost"
                    + " test servers), got " + value);
        }
        return value;
    }

    private static boolean isLoopback(String host) {
        return HostNames.isLoopback(host);
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** Builder for a custom {@link BotCloud}. */
    public static final class Builder {
        private String name;
        private String loginHost;
        private String multiTenantAuthority;
        private String scope;
        private String channelIssuer;
        private String openIdMetadataUrl;
        private String defaultServiceUrl;
        private final Set<String> trustedHosts = new LinkedHashSet<>();
        private final Set<String> trustedHostSuffixes = new LinkedHashSet<>();
        private String graphEndpoint;
        private String graphScope;

        private Builder() {
        }

        /**
         * Root of the cloud's Microsoft Graph service ({@code https://graph.microsoft.com}); optional for custom
         * clouds. The Graph scope defaults to this URL plus {@code /.default}.
         *
         * @param graphEndpoint the https URL without version
         * @return this builder
         */
        public Builder graphEndpoint(String graphEndpoint) {
            this.graphEndpoint = graphEndpoint;
            return this;
        }

        /**
         * Scope of Microsoft Graph tokens when it differs from {@code graphEndpoint + "/.default"} (for example a
         * test server on a loopback address that issues tokens for {@code https://graph.microsoft.com/.default}).
         *
         * @param graphScope the scope
         * @return this builder
         */
        public Builder graphScope(String graphScope) {
            this.graphScope = graphScope;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder loginHost(String loginHost) {
            this.loginHost = loginHost;
            return this;
        }

        public Builder multiTenantAuthority(String multiTenantAuthority) {
            this.multiTenantAuthority = multiTenantAuthority;
            return this;
        }

        public Builder scope(String scope) {
            this.scope = scope;
            return this;
        }

        public Builder channelIssuer(String channelIssuer) {
            this.channelIssuer = channelIssuer;
            return this;
        }

        public Builder openIdMetadataUrl(String openIdMetadataUrl) {
            this.openIdMetadataUrl = openIdMetadataUrl;
            return this;
        }

        public Builder defaultServiceUrl(String defaultServiceUrl) {
            this.defaultServiceUrl = defaultServiceUrl;
            return this;
        }

        /**
         * Replaces the exact trusted hosts. A loopback host listed here ({@code 127.0.0.1}, {@code localhost}) is
         * trusted over http on any port, for a cloud that points at a local test server such as the fake connector.
         */
        public Builder trustedHosts(String... hosts) {
            trustedHosts.clear();
            for (String h : hosts) {
                trustedHosts.add(normalizeHost(h));
            }
            return this;
        }

        /** Replaces the trusted DNS suffixes; never add shared namespaces such as {@code trafficmanager.net}. */
        public Builder trustedHostSuffixes(String... suffixes) {
            trustedHostSuffixes.clear();
            for (String s : suffixes) {
                String n = normalizeHost(s.startsWith(".") ? s.substring(1) : s);
                if (n.equals("trafficmanager.net") || n.endsWith(".trafficmanager.net") && !n.startsWith("smba.")) {
                    throw new IllegalArgumentException("'" + s + "' is a shared namespace that anyone can register names in;"
                            + " list exact hosts with trustedHosts(...) instead");
                }
                trustedHostSuffixes.add(n);
            }
            return this;
        }

        public BotCloud build() {
            return new BotCloud(this);
        }

        private static String normalizeHost(String h) {
            if (h == null || h.isBlank() || h.contains("/") || h.contains(":") || h.contains("@")) {
                throw new IllegalArgumentException("Not a host name: " + h);
            }
            return h.trim().toLowerCase(Locale.ROOT);
        }
    }
}
