package io.github.botconnector.auth;

import io.github.botconnector.exception.UntrustedHostException;
import io.github.botconnector.internal.CloudPresets;
import io.github.botconnector.internal.HostNames;
import io.github.botconnector.internal.Validation;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;

/**
 * Which URLs may receive the bot's token. A request to any other URL is refused with an
 * {@link UntrustedHostException} before a token is requested or a connection is made.
 *
 * <p>Rules: scheme {@code https}; no user info; the default port; no IP literal; the host is exactly one of the
 * cloud's {@link BotCloud#trustedHosts()}, a subdomain (on a dot boundary) of one of its
 * {@link BotCloud#trustedHostSuffixes()}, or a host added with {@link Builder#addHost(String)}. Shared namespaces
 * such as {@code *.trafficmanager.net} are never matched by suffix: anyone can register names there. Loopback
 * (exactly {@code localhost}, {@code 127.0.0.1} or {@code ::1}) over http or https on any port is allowed only with
 * {@link Builder#allowLoopback(boolean)}, or for a loopback host the cloud itself lists in
 * {@link BotCloud#trustedHosts()} (a cloud pointing at a local test server, such as the fake connector's).
 *
 * <p>A host that belongs to another preset cloud (a GCC High service URL on the public cloud, say) is refused with a
 * message naming the {@link BotCloud} preset to use.
 *
 * <p>With {@link Builder#requireRegistered(boolean)} the policy is narrowed further to hosts passed to
 * {@link #register(String)} (service URLs learned from authenticated inbound activities). Registering never widens
 * the policy: a host the rules above refuse stays refused.
 *
 * <p>The configuration is immutable; the set of registered hosts is thread-safe.
 */
public final class TrustedHosts {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1");

    private final BotCloud cloud;
    private final Set<String> hosts;
    private final Set<String> suffixes;
    private final boolean allowLoopback;
    private final boolean requireRegistered;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    private TrustedHosts(Builder b) {
        this.cloud = b.cloud;
        Set<String> h = new LinkedHashSet<>(cloud.trustedHosts());
        h.addAll(b.hosts);
        this.hosts = Set.copyOf(h);
        this.suffixes = Set.copyOf(cloud.trustedHostSuffixes());
        this.allowLoopback = b.allowLoopback;
        this.requireRegistered = b.requireRegistered;
    }

    /** The default policy of {@code cloud}: its hosts and suffixes, https only, no loopback. */
    public static TrustedHosts forCloud(BotCloud cloud) {
        return builder().cloud(cloud).build();
    }

    /** A builder, starting from {@link BotCloud#PUBLIC}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The cloud whose hosts this policy trusts. */
    public BotCloud cloud() {
        return cloud;
    }

    /** Whether {@code url} may receive the bot's token (see {@link #check(String)}). */
    public boolean isTrusted(String url) {
        try {
            check(url);
            return true;
        } catch (UntrustedHostException e) {
            return false;
        }
    }

    /**
     * Checks a URL given as text.
     *
     * @throws UntrustedHostException naming the rule the URL breaks and how to allow a legitimate host
     */
    public void check(String url) {
        if (url == null || url.isBlank()) {
            throw new UntrustedHostException(null, "Refusing to send the bot token: the service URL is empty."
                    + " Use the serviceUrl of an authenticated inbound activity or of a stored ConversationReference.");
        }
        int control = Validation.controlCharacterAt(url);
        if (control >= 0) {
            throw new UntrustedHostException(null, "Refusing to send the bot token: the service URL contains the"
                    + " control character U+" + String.format("%04X", (int) url.charAt(control)) + " at index "
                    + control + " (CR, LF, TAB and other control characters would be stripped and the request sent"
                    + " to a rewritten URL). Use the serviceUrl of an authenticated inbound activity unchanged.");
        }
        String scheme = schemeOf(url);
        HttpUrl parsed = HttpUrl.parse(url.trim());
        if (parsed == null) {
            if (scheme != null && !scheme.equals("http") && !scheme.equals("https")) {
                throw schemeError(scheme, null, "(the URL)");
            }
            throw new UntrustedHostException(null, "Refusing to send the bot token: '" + abbreviate(url)
                    + "' is not a valid https URL. Use the serviceUrl of an authenticated inbound activity.");
        }
        check(parsed);
    }

    /**
     * Checks a parsed URL.
     *
     * @throws UntrustedHostException naming the rule the URL breaks and how to allow a legitimate host
     */
    public void check(HttpUrl url) {
        Objects.requireNonNull(url, "url");
        String host = url.host().toLowerCase(Locale.ROOT);
        boolean loopback = loopbackAllowed(host);
        if (!url.username().isEmpty() || !url.password().isEmpty()) {
            throw new UntrustedHostException(host, refusing(url, host)
                    + ": the URL contains user info (user@host). Remove it; Bot Connector service URLs never carry"
                    + " credentials.");
        }
        if (!loopback) {
            if (!url.isHttps()) {
                throw schemeError(url.scheme(), host, origin(url, host));
            }
            if (url.port() != 443) {
                throw new UntrustedHostException(host, refusing(url, host) + ": port "
                        + url.port() + " is not the default https port 443. Bot Connector services listen on 443;"
                        + " other ports are accepted only for loopback test servers"
                        + " (TrustedHosts.builder().allowLoopback(true)).");
            }
            if (isIpLiteral(host)) {
                throw new UntrustedHostException(host, refusing(url, host) + ": the host is"
                        + " an IP literal. Bot Connector services are reached by DNS name; IP addresses (including"
                        + " 169.254.169.254 and ::1) are refused. For a local test server use 127.0.0.1 or ::1 with"
                        + " TrustedHosts.builder().allowLoopback(true).");
            }
            if (!matchesRules(host)) {
                String preset = CloudPresets.presetTrusting(host, cloud);
                if (preset != null) {
                    throw new UntrustedHostException(host, refusing(url, host) + ": host '"
                            + host + "' is a Bot Connector host of another cloud, not of cloud '" + cloud.name()
                            + "'. The bot and this conversation live in that cloud: use " + preset + " for the"
                            + " client (ConnectorClient.builder().cloud(" + preset + ")) and for the credential and"
                            + " the authenticator, rather than trusting the host.");
                }
                throw new UntrustedHostException(host, refusing(url, host) + ": host '"
                        + host + "' is not a trusted Bot Connector host for cloud '" + cloud.name() + "' (trusted: "
                        + describe() + "). Take service URLs only from authenticated inbound activities. If this"
                        + " is a legitimate Bot Connector host, allow it with TrustedHosts.builder().cloud(...)"
                        + ".addHost(\"" + host + "\") and ConnectorClient.builder().trustedHosts(...)."
                        + " Never trust *.trafficmanager.net: anyone can register names there.");
            }
        }
        if (requireRegistered && !registered.contains(host)) {
            throw new UntrustedHostException(host, refusing(url, host) + ": host '" + host
                    + "' has not been registered. This policy only trusts hosts learned from authenticated inbound"
                    + " activities; call trustedHosts.register(activity.serviceUrl()) after validating an activity"
                    + " from that service, or build the policy without requireRegistered(true).");
        }
    }

    /**
     * Records the host of a service URL learned from an authenticated inbound activity. Only hosts the rules already
     * trust are recorded, so registering can narrow the policy (with {@link Builder#requireRegistered(boolean)}) but
     * never widen it. Thread-safe.
     *
     * @return {@code true} when the host is (now) registered, {@code false} when the rules refuse it
     */
    public boolean register(String serviceUrl) {
        HttpUrl url = serviceUrl == null || Validation.controlCharacterAt(serviceUrl) >= 0 ? null
                : HttpUrl.parse(serviceUrl.trim());
        if (url == null) {
            return false;
        }
        String host = url.host().toLowerCase(Locale.ROOT);
        boolean loopback = loopbackAllowed(host);
        boolean ok = url.username().isEmpty() && url.password().isEmpty()
                && (loopback || url.isHttps() && url.port() == 443 && !isIpLiteral(host) && matchesRules(host));
        if (ok) {
            registered.add(host);
        }
        return ok;
    }

    /** The hosts recorded with {@link #register(String)} (a snapshot). */
    public Set<String> registeredHosts() {
        return Set.copyOf(registered);
    }

    private boolean loopbackAllowed(String host) {
        return LOOPBACK.contains(host) && (allowLoopback || cloud.trustedHosts().contains(host));
    }

    private boolean matchesRules(String host) {
        return CloudPresets.matches(host, hosts, suffixes);
    }

    private static boolean isIpLiteral(String host) {
        return HostNames.isIpLiteral(host);
    }

    /** {@code scheme://host[:port]} of {@code url}, for messages (built only when a check fails). */
    private static String origin(HttpUrl url, String host) {
        return url.scheme() + "://" + (host.contains(":") ? "[" + host + "]" : host)
                + (url.port() == HttpUrl.defaultPort(url.scheme()) ? "" : ":" + url.port());
    }

    private static String refusing(HttpUrl url, String host) {
        return "Refusing to send the bot token to " + origin(url, host);
    }

    private static UntrustedHostException schemeError(String scheme, String host, String origin) {
        return new UntrustedHostException(host, "Refusing to send the bot token to " + origin + ": scheme '" + scheme
                + "' is not allowed; the bot token is only sent over https (http only to loopback test servers with"
                + " TrustedHosts.builder().allowLoopback(true)).");
    }

    private static String schemeOf(String url) {
        try {
            String s = URI.create(url.trim()).getScheme();
            return s == null ? null : s.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String abbreviate(String s) {
        String t = s.replaceAll("//[^/@]*@", "//");
        return t.length() > 100 ? t.substring(0, 100) + "..." : t;
    }

    private String describe() {
        Set<String> all = new TreeSet<>(hosts);
        for (String s : suffixes) {
            all.add("*." + s);
        }
        return String.join(", ", all);
    }

    @Override
    public String toString() {
        return "TrustedHosts[cloud=" + cloud.name() + ", hosts=" + describe() + ", allowLoopback=" + allowLoopback
                + ", requireRegistered=" + requireRegistered + "]";
    }

    /** Builder for {@link TrustedHosts}. Not thread-safe. */
    public static final class Builder {
        private BotCloud cloud = BotCloud.PUBLIC;
        private final Set<String> hosts = new LinkedHashSet<>();
        private boolean allowLoopback;
        private boolean requireRegistered;

        private Builder() {
        }

        /** The cloud whose Bot Connector hosts and suffixes are trusted (default {@link BotCloud#PUBLIC}). */
        public Builder cloud(BotCloud cloud) {
            this.cloud = Objects.requireNonNull(cloud, "cloud");
            return this;
        }

        /**
         * Trusts one more host, matched exactly (no wildcards; subdomains are not included).
         *
         * @throws IllegalArgumentException if {@code host} is not a plain host name, is a wildcard, or is an IP address
         *                                  in any form ({@code 10.0.0.1}, {@code 2130706433}, {@code 127.1},
         *                                  {@code 0177.0.0.1}, {@code 0x7f.0.0.1})
         */
        public Builder addHost(String host) {
            if (host == null || host.isBlank() || host.contains("*") || host.contains("/") || host.contains("@")
                    || host.contains(":") || host.startsWith(".") || host.endsWith(".")) {
                throw new IllegalArgumentException("addHost expects an exact host name such as"
                        + " 'smba.example.microsoft.com' (no scheme, port, path or wildcard), got '" + host + "'");
            }
            String h = host.trim().toLowerCase(Locale.ROOT);
            if (h.equals("trafficmanager.net") || isIpLiteral(h)) {
                throw new IllegalArgumentException("'" + host + "' cannot be trusted: list exact Bot Connector host"
                        + " names (IP literals and shared namespaces are refused)");
            }
            hosts.add(h);
            return this;
        }

        /** Allows {@code localhost}, {@code 127.0.0.1} and {@code ::1} over http or https on any port (tests only). */
        public Builder allowLoopback(boolean allowLoopback) {
            this.allowLoopback = allowLoopback;
            return this;
        }

        /** Narrows the policy to hosts passed to {@link TrustedHosts#register(String)}. */
        public Builder requireRegistered(boolean requireRegistered) {
            this.requireRegistered = requireRegistered;
            return this;
        }

        /** The immutable policy. */
        public TrustedHosts build() {
            return new TrustedHosts(this);
        }
    }
}
