package io.github.botconnector.teams;

import io.github.botconnector.exception.BotNotInConversationRosterException;
import io.github.botconnector.ConnectorClient;
import io.github.botconnector.exception.ConnectorResponseException;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.schema.Channels;
import io.github.botconnector.schema.ConversationAccount;
import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.teams.GraphException.Reason;
import io.github.botconnector.teams.ReachResult.ServiceUrlSource;
import io.github.botconnector.teams.ReachResult.Unreachable;
import io.github.botconnector.teams.internal.TeamsIds;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * One call to reach a person in Teams: from a tenant id and an e-mail address, UPN, Microsoft Entra object id or
 * Teams user id ({@code 29:...}), a {@link ConversationReference} of the 1:1 chat with the bot, ready to send to and
 * store, or a typed reason why not ({@link ReachResult.Unreachable}). With Graph ({@link Builder#graph}) it resolves
 * e-mail addresses and UPNs to the object id, checks whether the app is installed for the person, installs it first
 * only when the caller allows, and uses the installation's chat; a second call installs nothing and returns the same
 * chat. A {@code 29:} id (or an object id without Graph) goes straight to
 * {@link TeamsClient#createOrGetDirectConversation}.
 *
 * <pre>{@code
 * TeamsReach reach = TeamsReach.builder()
 *         .connector(client)                               // Bot Connector client of the bot
 *         .graph(graphClient).manifestAppId(manifestId)    // for e-mail, UPN and installs
 *         .storedServiceUrls(tenant -> store.serviceUrl(tenant))
 *         .build();
 * ReachResult result = reach.reach(tenantId, "adele@contoso.com", true);
 * if (result.isReachable()) {
 *     client.send(result.reference(), Activity.message("Your report is ready."));
 * }
 * }</pre>
 *
 * <p>Service URL: the one given, else the one stored for the tenant ({@link Builder#storedServiceUrls}), else the
 * cloud's default Teams service URL; {@link ReachResult#serviceUrlSource()} and the reference's
 * {@value ReachResult#SERVICE_URL_SOURCE_PROPERTY} property record which. Configuration problems (missing Graph
 * permission, app not in the catalog, throttling) throw {@link GraphException}; invalid arguments throw
 * {@link IllegalArgumentException} before any I/O. Thread-safe.
 */
public final class TeamsReach {

    private final ConnectorClient connector;
    private final TeamsClient teams;
    private final GraphClient graph;
    private final String manifestAppId;
    private final ChannelAccount bot;
    private final Function<String, String> storedServiceUrls;
    private final ConcurrentMap<String, String> catalogIds = new ConcurrentHashMap<>();

    private TeamsReach(Builder b) {
        this.connector = b.connector;
        this.teams = TeamsClient.of(b.connector);
        this.graph = b.graph;
        this.manifestAppId = b.manifestAppId;
        this.bot = b.bot;
        this.storedServiceUrls = b.storedServiceUrls;
    }

    /**
     * A builder; {@link Builder#connector(ConnectorClient)} is required.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reaches a person at the stored or default service URL of their tenant.
     *
     * @param tenantId       the person's Microsoft Entra tenant id
     * @param user           an e-mail address, UPN, Entra object id (GUID) or Teams user id ({@code 29:...})
     * @param installAllowed whether the app may be installed for the person when it is not
     * @return the reference, or the reason the person is unreachable
     * @throws GraphException           for configuration problems (permission, catalog, throttling)
     * @throws IllegalArgumentException for blank arguments, or an e-mail address without Graph
     */
    public ReachResult reach(String tenantId, String user, boolean installAllowed) {
        return reach(tenantId, user, null, installAllowed);
    }

    /**
     * Like {@link #reach(String, String, boolean)} at a given service URL (for example from an inbound activity of
     * the tenant); {@code null} for the stored or default one.
     *
     * @param tenantId       the person's tenant id
     * @param user           an e-mail address, UPN, Entra object id or Teams user id
     * @param serviceUrl     the service URL, or {@code null}
     * @param installAllowed whether the app may be installed for the person when it is not
     * @return the reference, or the reason the person is unreachable
     */
    public ReachResult reach(String tenantId, String user, String serviceUrl, boolean installAllowed) {
        String tenant = require(tenantId, "tenantId", "the person's Microsoft Entra tenant id");
        String who = require(user, "user", "an e-mail address, UPN, Entra object id or Teams user id (29:...)");
        boolean address = TeamsIds.looksLikeEmailOrUpn(who);
        boolean objectId = GraphClient.isEntraObjectId(who);
        if (!address && !objectId && !who.startsWith("29:")) {
            throw new IllegalArgumentException("user '" + who + "' is neither an e-mail address, a UPN, an Entra"
                    + " object id (GUID) nor a Teams user id (29:...)");
        }
        if (address && graph == null) {
            throw new IllegalArgumentException("Teams doesn't accept e-mail addresses or UPNs: configure"
                    + " TeamsReach.builder().graph(...) to resolve '" + who + "' to the Entra object id");
        }
        Address at = address(tenant, serviceUrl);
        ServiceUrlSource source = at.source();
        if (graph == null || who.startsWith("29:")) {
            return direct(tenant, ChannelAccount.of(who), at.url(), source);
        }
        GraphUser person;
        if (address) {
            try {
                person = graph.findUser(tenant, who);
            } catch (GraphException e) {
                if (e.reason() == Reason.USER_NOT_FOUND) {
                    return ReachResult.unreachable(Unreachable.USER_NOT_FOUND, e.getMessage(), source);
                }
                throw e;
            }
            if (person.isGuest()) {
                return ReachResult.unreachable(Unreachable.UNSUPPORTED_USER, who + " is a guest of tenant " + tenant
                        + "; the app cannot be installed for guests proactively", source);
            }
        } else {
            person = new GraphUser(who.toLowerCase(Locale.ROOT), null, null, null, null);
        }
        try {
            return throughGraph(tenant, person, at.url(), source, installAllowed);
        } catch (GraphException e) {
            if (e.reason() == Reason.USER_NOT_FOUND) {
                return ReachResult.unreachable(Unreachable.USER_NOT_FOUND, e.getMessage(), source);
            }
            if (e.reason() == Reason.UNSUPPORTED_USER) {
                return ReachResult.unreachable(Unreachable.UNSUPPORTED_USER, e.getMessage(), source);
            }
            throw e;
        }
    }

    /**
     * Reaches a person and sends them {@code activity} in one call: {@link #reach(String, String, boolean)}, then,
     * when reachable, {@link ConnectorClient#send} to the reference. When unreachable nothing is sent.
     *
     * @param tenantId       the person's tenant id
     * @param user           an e-mail address, UPN, Entra object id or Teams user id
     * @param activity       the message
     * @param installAllowed whether the app may be installed for the person when it is not
     * @return the result, with {@link ReachResult#sent()} when the message was sent
     */
    public ReachResult send(String tenantId, String user, Activity activity, boolean installAllowed) {
        Objects.requireNonNull(activity, "activity");
        ReachResult result = reach(tenantId, user, installAllowed);
        return result.isReachable() ? result.withSent(connector.send(result.reference(), activity)) : result;
    }

    private ReachResult throughGraph(String tenant, GraphUser person, String serviceUrl, ServiceUrlSource source,
                                     boolean installAllowed) {
        String appId = catalogIds.get(tenant);
        if (appId == null) {
            // Looked up outside the map's lock: concurrent first calls for a tenant may both ask, then agree.
            String found = graph.findCatalogApp(tenant, manifestAppId).id();
            String raced = catalogIds.putIfAbsent(tenant, found);
            appId = raced != null ? raced : found;
        }
        Optional<TeamsAppInstallation> installation = graph.findUserInstallation(tenant, person.id(), appId);
        boolean installedNow = false;
        if (installation.isEmpty()) {
            if (!installAllowed) {
                return ReachResult.unreachable(Unreachable.NOT_INSTALLED, "The app is not installed for " + person.id()
                        + " in tenant " + tenant + " and installing it was not allowed; nothing was sent", source);
            }
            installedNow = graph.installForUser(tenant, person.id(), appId);
            installation = graph.findUserInstallation(tenant, person.id(), appId);
            if (installation.isEmpty()) {
                throw new GraphException(Reason.SERVICE_ERROR, "GET", "/v1.0/users/" + person.id()
                        + "/teamwork/installedApps", 200, null, "the installation is not listed after installing",
                        null, 1, null, null, "Retry in a few seconds; Graph may not list a new installation yet.");
            }
        }
        String chatId = graph.installationChatId(tenant, person.id(), installation.get().id());
        ChannelAccount user = ChannelAccount.builder().aadObjectId(person.id()).name(person.displayName())
                .role("user").build();
        return ReachResult.reached(reference(chatId, tenant, user, serviceUrl, source),
                (installedNow ? "Installed the app for " : "The app was already installed for ") + person.id()
                        + "; 1:1 chat " + chatId, source, installedNow);
    }

    private ReachResult direct(String tenant, ChannelAccount user, String serviceUrl, ServiceUrlSource source) {
        try {
            DirectConversation chat = teams.withServiceUrl(serviceUrl).createOrGetDirectConversation(bot, user,
                    tenant);
            return ReachResult.reached(reference(chat.conversationId(), tenant, user, serviceUrl, source),
                    "1:1 chat " + chat.conversationId(), source, false);
        } catch (BotNotInConversationRosterException e) {
            return notInstalled(user, tenant, source, e);
        } catch (ConnectorResponseException e) {
            if (e.statusCode() == 403 && e.errorCode() != null && e.errorCode().startsWith("ForbiddenOperation")) {
                return notInstalled(user, tenant, source, e);
            }
            throw e;
        }
    }

    private ReachResult notInstalled(ChannelAccount user, String tenant, ServiceUrlSource source, RuntimeException e) {
        return ReachResult.unreachable(Unreachable.NOT_INSTALLED, "The app is not installed for " + user.id()
                + " in tenant " + tenant + (graph == null ? "; configure Graph to install it"
                : "; pass the Entra object id or e-mail address to install it") + " (" + e.getMessage() + ")", source);
    }

    private ConversationReference reference(String conversationId, String tenant, ChannelAccount user,
                                            String serviceUrl, ServiceUrlSource source) {
        return ConversationReference.builder()
                .serviceUrl(serviceUrl)
                .channelId(Channels.MSTEAMS)
                .conversation(ConversationAccount.builder().id(conversationId)
                        .conversationType(TeamsActivities.CONVERSATION_TYPE_PERSONAL).tenantId(tenant).build())
                .user(user)
                .bot(bot)
                .property(ReachResult.SERVICE_URL_SOURCE_PROPERTY, source.name())
                .build();
    }

    /** A service URL and where it came from. */
    private record Address(String url, ServiceUrlSource source) {
    }

    private Address address(String tenant, String given) {
        if (given != null && !given.isBlank()) {
            return new Address(given.strip(), ServiceUrlSource.GIVEN);
        }
        String stored = storedServiceUrls.apply(tenant);
        if (stored != null && !stored.isBlank()) {
            return new Address(stored.strip(), ServiceUrlSource.STORED);
        }
        return new Address(connector.cloud().defaultServiceUrl(), ServiceUrlSource.CLOUD_DEFAULT);
    }

    private static String require(String value, String name, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required: pass " + what);
        }
        return value.strip();
    }

    @Override
    public String toString() {
        return "TeamsReach[cloud=" + connector.cloud().name() + ", graph=" + (graph != null) + "]";
    }

    /** Builder of {@link TeamsReach}. Not thread-safe. */
    public static final class Builder {
        private ConnectorClient connector;
        private GraphClient graph;
        private String manifestAppId;
        private ChannelAccount bot;
        private Function<String, String> storedServiceUrls = tenant -> null;

        private Builder() {
        }

        /**
         * The bot's Bot Connector client (required); its cloud's default service URL is the last resort.
         *
         * @param connector the client
         * @return this builder
         */
        public Builder connector(ConnectorClient connector) {
            this.connector = Objects.requireNonNull(connector, "connector");
            return this;
        }

        /**
         * Microsoft Graph, to resolve e-mail addresses and UPNs and to install the app; needs
         * {@link #manifestAppId(String)}.
         *
         * @param graph the Graph client
         * @return this builder
         */
        public Builder graph(GraphClient graph) {
            this.graph = Objects.requireNonNull(graph, "graph");
            return this;
        }

        /**
         * The {@code id} of the app manifest, to find the app in each tenant's catalog (looked up once per tenant).
         *
         * @param manifestAppId the manifest id
         * @return this builder
         */
        public Builder manifestAppId(String manifestAppId) {
            this.manifestAppId = manifestAppId;
            return this;
        }

        /**
         * The bot's account ({@code 28:<appId>}) for the create-conversation body and the references; optional.
         *
         * @param bot the bot
         * @return this builder
         */
        public Builder bot(ChannelAccount bot) {
            this.bot = bot;
            return this;
        }

        /**
         * The service URL stored for a tenant (from its last authenticated inbound activity), or {@code null} when
         * the bot never heard from the tenant.
         *
         * @param storedServiceUrls tenant id to service URL or {@code null}
         * @return this builder
         */
        public Builder storedServiceUrls(Function<String, String> storedServiceUrls) {
            this.storedServiceUrls = Objects.requireNonNull(storedServiceUrls, "storedServiceUrls");
            return this;
        }

        /**
         * The reach.
         *
         * @return the reach
         * @throws IllegalArgumentException without a connector, or with Graph but no manifest id
         */
        public TeamsReach build() {
            if (connector == null) {
                throw new IllegalArgumentException("connector must be set: pass the bot's ConnectorClient");
            }
            if (graph != null && (manifestAppId == null || manifestAppId.isBlank())) {
                throw new IllegalArgumentException("manifestAppId must be set with graph(...): the id in the app"
                        + " manifest, used to find the app in the tenant's catalog");
            }
            return new TeamsReach(this);
        }
    }
}
