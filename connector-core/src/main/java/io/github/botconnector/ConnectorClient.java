package io.github.botconnector;

import io.github.botconnector.auth.BotCloud;
import io.github.botconnector.auth.TokenProvider;
import io.github.botconnector.auth.TrustedHosts;
import io.github.botconnector.exception.ConnectorIOException;
import io.github.botconnector.exception.ConnectorResponseException;
import io.github.botconnector.exception.PossiblyDeliveredException;
import io.github.botconnector.exception.UntrustedHostException;
import io.github.botconnector.internal.ConnectorTransport;
import io.github.botconnector.internal.HttpPipeline;
import io.github.botconnector.internal.PathSegments;
import io.github.botconnector.internal.Validation;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.AttachmentData;
import io.github.botconnector.schema.AttachmentInfo;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.schema.ConversationParameters;
import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.schema.ConversationResourceResponse;
import io.github.botconnector.schema.ConversationsResult;
import io.github.botconnector.schema.PagedMembersResult;
import io.github.botconnector.schema.ResourceResponse;
import io.github.botconnector.schema.Transcript;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;

/**
 * Client of the Bot Connector v3 REST API, bound to one service URL: create conversations, send, reply, update and
 * delete activities, read members and attachments. Build it with {@link #builder()}; talk to another service URL
 * (Teams regions and tenants differ) with {@link #withServiceUrl(String)} or send through a stored reference with
 * {@link #send(ConversationReference, Activity)}. {@link #async()} offers the same operations without blocking.
 *
 * <pre>{@code
 * try (ConnectorClient client = ConnectorClient.builder()
 *         .credentials(tokenProvider)                      // the bot's credentials
 *         .build()) {                                      // public cloud, https://smba.trafficmanager.net/teams/
 *     ConversationReference ref = ConversationReference.fromJson(stored);
 *     client.send(ref, Activity.message("Your order shipped."));
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe; one client (and its siblings) should serve the whole application. Closing the client
 * stops what it created (its dispatcher, and its connection pool when no OkHttp client was supplied); its siblings
 * share these, so close only the client you built.
 *
 * <p>Blocking methods run every HTTP exchange on the calling thread, also after waiting for a token or for a retry
 * delay; {@link #async()} runs them on OkHttp's threads. Routes without a method here can be sent through the same
 * pipeline with {@link #rawRequest(String, String, Map, String)}.
 *
 * <p>Every request: the URL must pass the {@link TrustedHosts} policy (else {@link UntrustedHostException}, before a
 * token is requested); carries {@code Authorization: Bearer} from the {@link TokenProvider} (on 401 the token is
 * reported as rejected and the request sent once more with a new one); is retried per the {@link RetryPolicy}
 * (a POST is never written to a pooled connection the server closed while idle, see
 * {@link Builder#staleConnectionCheck(Duration)}).
 * Failures: {@link IllegalArgumentException} for invalid arguments (thrown before any I/O),
 * {@link ConnectorResponseException} and its subclasses for error answers, {@link PossiblyDeliveredException} for a
 * send that failed after it was written, {@link ConnectorIOException} for other network failures, and
 * {@link io.github.botconnector.exception.TokenAcquisitionException} when no token could be obtained.
 */
public final class ConnectorClient implements AutoCloseable {

    private static final int MAX_CACHED_SIBLINGS = 1024;

    /** What a client and its siblings share. */
    private static final class Shared {
        final HttpPipeline pipeline;
        final ConcurrentMap<String, ConnectorClient> siblings = new ConcurrentHashMap<>();

        Shared(HttpPipeline pipeline) {
            this.pipeline = pipeline;
        }
    }

    private final Shared shared;
    private final boolean owner;
    private final ConnectorTransport transport;
    private final ConnectorAsyncClient async;
    /** The same operations with each HTTP exchange on the calling thread; backs the blocking methods. */
    private final ConnectorAsyncClient blocking;

    private ConnectorClient(Shared shared, String serviceUrl, boolean owner) {
        this.shared = shared;
        this.owner = owner;
        this.transport = new ConnectorTransport(shared.pipeline, serviceUrl);
        this.async = new ConnectorAsyncClient(this, transport);
        this.blocking = new ConnectorAsyncClient(this, transport.blocking());
    }

    /** A builder; {@link Builder#credentials(TokenProvider)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The service URL this client sends to. */
    public String serviceUrl() {
        return transport.serviceUrl();
    }

    /** The non-blocking view of this client. */
    public ConnectorAsyncClient async() {
        return async;
    }

    /** The transport of this client (its pipeline and service URL). */
    ConnectorTransport transport() {
        return transport;
    }

    /** The operations of {@link #async()} with each HTTP exchange on the calling thread (backs the blocking methods). */
    ConnectorAsyncClient blockingView() {
        return blocking;
    }

    /** The trusted-host policy. */
    public TrustedHosts trustedHosts() {
        return shared.pipeline.config().trustedHosts();
    }

    /** The retry policy. */
    public RetryPolicy retryPolicy() {
        return shared.pipeline.config().retryPolicy();
    }

    /** The cloud. */
    public BotCloud cloud() {
        return shared.pipeline.config().cloud();
    }

    /**
     * A client for another service URL sharing this client's connection pool, dispatcher, token provider and
     * policies. Cheap; the URL is checked against the trusted hosts on every request.
     *
     * @throws IllegalArgumentException if {@code serviceUrl} is not an http(s) URL
     */
    public ConnectorClient withServiceUrl(String serviceUrl) {
        Objects.requireNonNull(serviceUrl, "serviceUrl");
        if (normalize(serviceUrl).equals(normalize(serviceUrl()))) {
            return this;
        }
        return new ConnectorClient(shared, serviceUrl, false);
    }

    /** A cached sibling for {@code serviceUrl} (bounded cache). */
    ConnectorClient sibling(String serviceUrl) {
        String key = normalize(serviceUrl);
        if (key.equals(normalize(serviceUrl()))) {
            return this;
        }
        ConnectorClient cached = shared.siblings.get(key);
        if (cached != null) {
            return cached;
        }
        ConnectorClient created = new ConnectorClient(shared, serviceUrl, false);
        if (shared.siblings.size() >= MAX_CACHED_SIBLINGS) {
            return created;
        }
        ConnectorClient raced = shared.siblings.putIfAbsent(key, created);
        return raced != null ? raced : created;
    }

    private static String normalize(String url) {
        String u = url.trim();
        return u.endsWith("/") ? u : u + "/";
    }

    /**
     * Creates a conversation ({@code POST v3/conversations}): on Teams a 1:1 chat (isGroup false, exactly one member,
     * tenant id; idempotent) or a channel thread (isGroup true, {@code channelData.channel.id} and a first activity).
     *
     * @throws IllegalArgumentException when the parameters break those rules (no member, several members without
     *                                  isGroup, a channel thread without activity, an activity without type)
     */
    public ConversationResourceResponse createConversation(ConversationParameters parameters) {
        return HttpPipeline.join(blocking.createConversation(parameters));
    }

    /**
     * Lists conversations the bot took part in ({@code GET v3/conversations}; Direct Line and Web Chat only, Teams
     * answers 405).
     *
     * @param continuationToken token of the previous page, or {@code null} for the first page
     */
    public ConversationsResult conversationsPage(String continuationToken) {
        return HttpPipeline.join(blocking.conversationsPage(continuationToken));
    }

    /**
     * Sends an activity to the end of a conversation ({@code POST v3/conversations/{conversationId}/activities}).
     *
     * @throws IllegalArgumentException for a blank id, an activity without type, or one larger than about 100 KB
     */
    public ResourceResponse sendToConversation(String conversationId, Activity activity) {
        return HttpPipeline.join(blocking.sendToConversation(conversationId, activity));
    }

    /** Uploads a transcript ({@code POST v3/conversations/{conversationId}/activities/history}). */
    public ResourceResponse sendConversationHistory(String conversationId, Transcript transcript) {
        return HttpPipeline.join(blocking.sendConversationHistory(conversationId, transcript));
    }

    /**
     * Replies to an activity, in a thread where the channel supports it
     * ({@code POST v3/conversations/{conversationId}/activities/{activityId}}).
     */
    public ResourceResponse replyToActivity(String conversationId, String activityId, Activity activity) {
        return HttpPipeline.join(blocking.replyToActivity(conversationId, activityId, activity));
    }

    /** Replaces an activity the bot sent ({@code PUT v3/conversations/{conversationId}/activities/{activityId}}). */
    public ResourceResponse updateActivity(String conversationId, String activityId, Activity activity) {
        return HttpPipeline.join(blocking.updateActivity(conversationId, activityId, activity));
    }

    /** Deletes an activity the bot sent ({@code DELETE v3/conversations/{conversationId}/activities/{activityId}}). */
    public void deleteActivity(String conversationId, String activityId) {
        HttpPipeline.join(blocking.deleteActivity(conversationId, activityId));
    }

    /**
     * All members of a conversation in one call ({@code GET v3/conversations/{conversationId}/members}); for teams
     * prefer {@link #conversationMembers(String, Integer)}, this route is heavily throttled there.
     */
    public List<ChannelAccount> conversationMembers(String conversationId) {
        return HttpPipeline.join(blocking.conversationMembers(conversationId));
    }

    /**
     * One member ({@code GET v3/conversations/{conversationId}/members/{memberId}}); Teams accepts the user id, UPN or
     * Entra object id.
     */
    public ChannelAccount conversationMember(String conversationId, String memberId) {
        return HttpPipeline.join(blocking.conversationMember(conversationId, memberId));
    }

    /**
     * One page of members ({@code GET v3/conversations/{conversationId}/pagedmembers}).
     *
     * @param pageSize          suggested page size (Teams: 50 to 500), or {@code null} for the service default
     * @param continuationToken token of the previous page, or {@code null} for the first
     */
    public PagedMembersResult conversationMembersPage(String conversationId, Integer pageSize,
                                                      String continuationToken) {
        return HttpPipeline.join(blocking.conversationMembersPage(conversationId, pageSize, continuationToken));
    }

    /**
     * All members over all pages, lazily: a page is requested when the stream needs it, until the service returns no
     * (or an empty) continuation token. Members are de-duplicated by id (a continuation may repeat members).
     */
    public Stream<ChannelAccount> conversationMembers(String conversationId, Integer pageSize) {
        PathSegments.id(conversationId, "conversationId");
        return Pager.of(token -> blocking.conversationMembersPage(conversationId, pageSize, token),
                        PagedMembersResult::members, PagedMembersResult::continuationToken)
                .distinctBy(ChannelAccount::id).describedAs("the members of " + conversationId).stream();
    }

    /** Removes a member ({@code DELETE v3/conversations/{conversationId}/members/{memberId}}). */
    public void deleteConversationMember(String conversationId, String memberId) {
        HttpPipeline.join(blocking.deleteConversationMember(conversationId, memberId));
    }

    /** Members who received an activity ({@code GET v3/conversations/{conversationId}/activities/{activityId}/members}). */
    public List<ChannelAccount> activityMembers(String conversationId, String activityId) {
        return HttpPipeline.join(blocking.activityMembers(conversationId, activityId));
    }

    /** Uploads an attachment to the channel's blob store ({@code POST v3/conversations/{conversationId}/attachments}). */
    public ResourceResponse uploadAttachment(String conversationId, AttachmentData attachment) {
        return HttpPipeline.join(blocking.uploadAttachment(conversationId, attachment));
    }

    /** Name, type and views of an attachment ({@code GET v3/attachments/{attachmentId}}). */
    public AttachmentInfo attachmentInfo(String attachmentId) {
        return HttpPipeline.join(blocking.attachmentInfo(attachmentId));
    }

    /**
     * The content of an attachment view ({@code GET v3/attachments/{attachmentId}/views/{viewId}}); the caller closes
     * the stream. Redirects are followed hop by hop: each hop must pass the trusted hosts and the token is only sent
     * to the original host.
     */
    public InputStream attachmentView(String attachmentId, String viewId) {
        return HttpPipeline.join(blocking.attachmentView(attachmentId, viewId));
    }

    /**
     * Proactive send through a stored reference: to the reference's service URL (a cached sibling when it differs
     * from this client's; re-checked against the trusted hosts now, since storage may have been tampered with) and
     * conversation, with {@code from}, {@code recipient}, {@code conversation}, {@code channelId} and
     * {@code serviceUrl} filled by {@link ConversationReference#applyTo(Activity)}, and on Teams the tenant id put into
     * {@code conversation.tenantId} when missing.
     *
     * @throws IllegalArgumentException when the reference has no service URL or conversation id, or the activity is
     *                                  invalid
     * @throws UntrustedHostException   when the stored service URL is not trusted
     */
    public ResourceResponse send(ConversationReference reference, Activity activity) {
        return HttpPipeline.join(blocking.send(reference, activity));
    }

    /**
     * Any Bot Connector request through this client's full pipeline, for routes the SDK does not cover yet (and for
     * the Teams module): the URL is the service URL plus {@code encodedPath}; the request passes the trusted-host check
     * before a token is attached, carries the token (one refresh on 401), is retried per the {@link RetryPolicy} and
     * logged like every operation, and an error status fails with the same typed exceptions. Blocks for the answer;
     * {@link ConnectorAsyncClient#rawRequest} does not. Send activities checked with {@link #checkActivity(Activity)}.
     *
     * <p>The same pipeline serves another REST API that takes the credential's tokens, such as Microsoft Graph: build a
     * client whose service URL is that API's root, whose {@link TokenProvider} gets tokens for its scope
     * ({@link TokenProvider#forScope(String, String)}) and whose {@link TrustedHosts} allow only its host. Its error
     * answers are {@link ConnectorResponseException}s too, read through their status, code, request id and raw body.
     *
     * <pre>{@code
     * RawResponse team = client.rawRequest("GET", "v3/teams/" + pathSegment(teamId, "teamId"), Map.of(), null);
     * }</pre>
     *
     * @param method      GET, POST, PUT, PATCH or DELETE
     * @param encodedPath path relative to the service URL, ids percent-encoded ({@code v3/teams/19%3A...}, see
     *                    {@link #pathSegment(String, String)}); a leading {@code /} is ignored
     * @param query       query parameters (not encoded; {@code null} values skipped), or {@code null}
     * @param jsonBody    the JSON body text, or {@code null} for none
     * @return the status and body of a successful answer
     * @throws IllegalArgumentException for an unsupported method or a path that is absolute or carries a query
     */
    public RawResponse rawRequest(String method, String encodedPath, Map<String, String> query, String jsonBody) {
        return HttpPipeline.join(blocking.rawRequest(method, encodedPath, query, jsonBody));
    }

    /**
     * An id percent-encoded as one path segment of a {@link #rawRequest raw request}, as every operation of this client
     * encodes ids: every byte of its UTF-8 form except {@code A-Z a-z 0-9 - . _ ~} ({@code 19:abc@thread.tacv2}
     * becomes {@code 19%3Aabc%40thread.tacv2}, a space {@code %20}).
     *
     * <pre>{@code
     * client.rawRequest("GET", "v3/teams/" + ConnectorClient.pathSegment(teamId, "teamId"), null, null);
     * }</pre>
     *
     * @param id   the id, as received (not encoded)
     * @param name the parameter name, for the error message
     * @return the encoded segment
     * @throws IllegalArgumentException naming {@code name} when the id is {@code null}, blank, {@code "."} or
     *                                  {@code ".."}
     */
    public static String pathSegment(String id, String name) {
        return PathSegments.id(id, name);
    }

    /**
     * Checks an activity as every send of this client does, before any I/O: it is present, has a type, and its JSON is
     * within about 100 KB, not counting inline base64 images in attachments' {@code contentUrl} (Teams answers 413
     * {@code MessageSizeTooBig} above it). For activities sent through {@link #rawRequest raw requests}, or checked
     * when they are queued for a later send.
     *
     * <pre>{@code
     * client.rawRequest("POST", path, Map.of("isTargetedActivity", "true"), ConnectorClient.checkActivity(activity));
     * }</pre>
     *
     * @param activity the activity to send
     * @return its JSON text, as sent
     * @throws IllegalArgumentException when the activity is {@code null}, has no type or is too large; the message
     *                                  says what to change
     */
    public static String checkActivity(Activity activity) {
        Validation.activity(activity, "activity");
        return activity.toJson();
    }

    /**
     * Releases what this client created (dispatcher threads; the connection pool when no OkHttp client was
     * supplied). Siblings share these resources: closing a sibling does nothing, closing the built client closes
     * them all.
     */
    @Override
    public void close() {
        if (owner) {
            shared.pipeline.close();
        }
    }

    /** Shows the service URL and cloud; never a token. */
    @Override
    public String toString() {
        return "ConnectorClient[serviceUrl=" + serviceUrl() + ", cloud=" + cloud().name() + "]";
    }

    /** Builder for {@link ConnectorClient}. Not thread-safe. */
    public static final class Builder {
        private String serviceUrl;
        private TokenProvider credentials;
        private OkHttpClient httpClient;
        private Duration connectTimeout;
        private Duration readTimeout;
        private Duration callTimeout;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private TrustedHosts trustedHosts;
        private BotCloud cloud = BotCloud.PUBLIC;
        private String userAgentSuffix;
        private int maxRequestsInFlight = 256;
        private Duration staleConnectionCheck = Duration.ofMillis(100);
        private ConnectorListener listener = ConnectorListener.NONE;

        private Builder() {
        }

        /** The service URL (from the inbound activity); default: the cloud's {@link BotCloud#defaultServiceUrl()}. */
        public Builder serviceUrl(String serviceUrl) {
            this.serviceUrl = serviceUrl;
            return this;
        }

        /** Where bearer tokens come from (required). */
        public Builder credentials(TokenProvider credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /**
         * An OkHttp client to derive from (its connection pool, proxy, TLS and interceptors are kept; the dispatcher,
         * redirect settings and the SDK's interceptors are set on a derived client). The caller closes it.
         */
        public Builder httpClient(OkHttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /** Connect timeout (default 10 s, or the supplied client's). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Read timeout, also used as the write timeout (default 30 s, or the supplied client's read and write
         * timeouts). One value for both keeps OkHttp's timeout watchdog thread asleep while many sends run at once.
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Timeout of one attempt, from start to end (default none, or the supplied client's: connect and read
         * timeouts bound each attempt, and {@link RetryPolicy} bounds all attempts together). A call timeout puts
         * every request through OkHttp's shared timeout watchdog, which costs throughput under many concurrent sends.
         */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Retry rules, clock and sleeper (default {@link RetryPolicy#defaults()}). */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** Which URLs may receive the token (default {@link TrustedHosts#forCloud(BotCloud)} of the cloud). */
        public Builder trustedHosts(TrustedHosts trustedHosts) {
            this.trustedHosts = Objects.requireNonNull(trustedHosts, "trustedHosts");
            return this;
        }

        /** The cloud (default {@link BotCloud#PUBLIC}): default service URL, trusted hosts, 401 diagnostics. */
        public Builder cloud(BotCloud cloud) {
            this.cloud = Objects.requireNonNull(cloud, "cloud");
            return this;
        }

        /** Text appended to the {@code User-Agent} header, for example {@code contoso-notifier/2.1}. */
        public Builder userAgentSuffix(String suffix) {
            this.userAgentSuffix = suffix;
            return this;
        }

        /**
         * Maximum concurrent requests of the {@link #async() asynchronous view}, in total and per host (default 256;
         * OkHttp's own default of 5 per host would throttle a broadcast). Blocking calls run on the caller's threads,
         * so their concurrency is the number of calling threads; the idle connection pool keeps up to {@code max}
         * connections (at least 5), so a connection opened for a request in flight is reused, not closed and opened
         * again, when that many requests run at once.
         */
        public Builder maxRequestsInFlight(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxRequestsInFlight must be at least 1, got " + max);
            }
            this.maxRequestsInFlight = max;
            return this;
        }

        /**
         * Idle time after which a pooled HTTP/1.1 connection is checked before a POST is written to it (default
         * 100 ms; {@link Duration#ZERO} checks every reuse). Servers and proxies close idle connections after their own
         * timeout; a POST written to such a connection would fail after it was sent and be reported as possibly
         * delivered. The check reads the idle socket for up to 1 ms; a closed connection is dropped and the request
         * sent on another one. Keep it below the shortest idle timeout of any proxy in the path.
         */
        public Builder staleConnectionCheck(Duration idle) {
            Objects.requireNonNull(idle, "idle");
            if (idle.isNegative()) {
                throw new IllegalArgumentException("staleConnectionCheck must not be negative, got " + idle);
            }
            this.staleConnectionCheck = idle;
            return this;
        }

        /**
         * Receives the events of every request: attempts with status and duration, 429s, scheduled retries, final
         * outcome, token fetches and failures (default {@link ConnectorListener#NONE}). Siblings share it.
         */
        public Builder listener(ConnectorListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * The client.
         *
         * @throws IllegalArgumentException when credentials are missing or the service URL is not an http(s) URL
         */
        public ConnectorClient build() {
            if (credentials == null) {
                throw new IllegalArgumentException("credentials must be set: pass the bot's TokenProvider (for"
                        + " example its client-secret or certificate credentials) to ConnectorClient.builder()"
                        + ".credentials(...)");
            }
            String url = serviceUrl != null && !serviceUrl.isBlank() ? serviceUrl : cloud.defaultServiceUrl();
            TrustedHosts hosts = trustedHosts != null ? trustedHosts : TrustedHosts.forCloud(cloud);
            HttpPipeline pipeline = new HttpPipeline(new HttpPipeline.Config(httpClient, connectTimeout, readTimeout,
                    callTimeout, maxRequestsInFlight, credentials, hosts, retryPolicy, cloud, userAgentSuffix,
                    staleConnectionCheck, listener));
            try {
                return new ConnectorClient(new Shared(pipeline), url, true);
            } catch (RuntimeException e) {
                pipeline.close();
                throw e;
            }
        }
    }
}
