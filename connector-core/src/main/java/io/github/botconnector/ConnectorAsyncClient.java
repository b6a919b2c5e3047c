package io.github.botconnector;

import com.fasterxml.jackson.databind.JavaType;
import io.github.botconnector.exception.UntrustedHostException;
import io.github.botconnector.internal.ConnectorTransport;
import io.github.botconnector.internal.Json;
import io.github.botconnector.internal.PathSegments;
import io.github.botconnector.internal.Validation;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.AttachmentData;
import io.github.botconnector.schema.AttachmentInfo;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.schema.Channels;
import io.github.botconnector.schema.ConversationAccount;
import io.github.botconnector.schema.ConversationParameters;
import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.schema.ConversationResourceResponse;
import io.github.botconnector.schema.ConversationsResult;
import io.github.botconnector.schema.PagedMembersResult;
import io.github.botconnector.schema.ResourceResponse;
import io.github.botconnector.schema.Transcript;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The non-blocking view of a {@link ConnectorClient} ({@link ConnectorClient#async()}): the same operations, returning
 * {@link CompletableFuture}s driven by OkHttp's {@code enqueue}; no thread is parked per request and retry delays use
 * the {@link RetryPolicy}'s sleeper. Argument errors are thrown immediately as {@link IllegalArgumentException}; every
 * other failure completes the future exceptionally with the exceptions described on {@link ConnectorClient}.
 * Cancelling a future cancels its HTTP call. Thread-safe.
 */
public final class ConnectorAsyncClient {

    private static final Set<String> RAW_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final JavaType MEMBER_LIST = Json.mapper().getTypeFactory()
            .constructCollectionType(List.class, ChannelAccount.class);

    private final ConnectorClient client;
    private final ConnectorTransport transport;

    ConnectorAsyncClient(ConnectorClient client, ConnectorTransport transport) {
        this.client = client;
        this.transport = transport;
    }

    /** The blocking client this view belongs to. */
    public ConnectorClient sync() {
        return client;
    }

    /** {@code POST v3/conversations}; see {@link ConnectorClient#createConversation(ConversationParameters)}. */
    public CompletableFuture<ConversationResourceResponse> createConversation(ConversationParameters parameters) {
        Validation.conversationParameters(parameters);
        return call("POST", "v3/conversations", null, parameters, type(ConversationResourceResponse.class));
    }

    /** {@code GET v3/conversations}; see {@link ConnectorClient#conversationsPage(String)}. */
    public CompletableFuture<ConversationsResult> conversationsPage(String continuationToken) {
        return call("GET", "v3/conversations", query("continuationToken", continuationToken), null,
                type(ConversationsResult.class));
    }

    /** {@code POST v3/conversations/{id}/activities}; see {@link ConnectorClient#sendToConversation}. */
    public CompletableFuture<ResourceResponse> sendToConversation(String conversationId, Activity activity) {
        String path = activities(conversationId);
        return call("POST", path, null, Validation.activity(activity, "activity"), RESOURCE_RESPONSE);
    }

    /** {@code POST v3/conversations/{id}/activities/history}; see {@link ConnectorClient#sendConversationHistory}. */
    public CompletableFuture<ResourceResponse> sendConversationHistory(String conversationId, Transcript transcript) {
        String path = conversation(conversationId) + "/activities/history";
        return call("POST", path, null, Validation.notNull(transcript, "transcript"), type(ResourceResponse.class));
    }

    /** {@code POST v3/conversations/{id}/activities/{activityId}}; see {@link ConnectorClient#replyToActivity}. */
    public CompletableFuture<ResourceResponse> replyToActivity(String conversationId, String activityId,
                                                               Activity activity) {
        String path = activity(conversationId, activityId);
        byte[] body = Validation.activity(activity, "activity");
        return call("POST", path, null, body, type(ResourceResponse.class));
    }

    /** {@code PUT v3/conversations/{id}/activities/{activityId}}; see {@link ConnectorClient#updateActivity}. */
    public CompletableFuture<ResourceResponse> updateActivity(String conversationId, String activityId,
                                                              Activity activity) {
        String path = activity(conversationId, activityId);
        byte[] body = Validation.activity(activity, "activity");
        return call("PUT", path, null, body, type(ResourceResponse.class));
    }

    /** {@code DELETE v3/conversations/{id}/activities/{activityId}}; see {@link ConnectorClient#deleteActivity}. */
    public CompletableFuture<Void> deleteActivity(String conversationId, String activityId) {
        return call("DELETE", activity(conversationId, activityId), null, null, null);
    }

    /** {@code GET v3/conversations/{id}/members}; see {@link ConnectorClient#conversationMembers}. */
    public CompletableFuture<List<ChannelAccount>> conversationMembers(String conversationId) {
        return call("GET", conversation(conversationId) + "/members", null, null, MEMBER_LIST);
    }

    /** {@code GET v3/conversations/{id}/members/{memberId}}; see {@link ConnectorClient#conversationMember}. */
    public CompletableFuture<ChannelAccount> conversationMember(String conversationId, String memberId) {
        return call("GET", member(conversationId, memberId), null, null, type(ChannelAccount.class));
    }

    /** {@code GET v3/conversations/{id}/pagedmembers}; see {@link ConnectorClient#conversationMembersPage}. */
    public CompletableFuture<PagedMembersResult> conversationMembersPage(String conversationId, Integer pageSize,
                                                                           String continuationToken) {
        Map<String, String> q = query("pageSize", pageSize == null ? null : pageSize.toString());
        if (continuationToken != null && !continuationToken.isEmpty()) {
            q.put("continuationToken", continuationToken);
        }
        return call("GET", conversation(conversationId) + "/pagedmembers", q, null, type(PagedMembersResult.class));
    }

    /**
     * All members over all pages, de-duplicated by id, in the order the service returned them; the next page is
     * requested when the previous one completes. See {@link ConnectorClient#conversationMembers}.
     */
    public CompletableFuture<List<ChannelAccount>> conversationMembers(String conversationId, Integer pageSize) {
        conversation(conversationId);
        return Pager.of(token -> conversationMembersPage(conversationId, pageSize, token),
                        PagedMembersResult::members, PagedMembersResult::continuationToken)
                .distinctBy(ChannelAccount::id).describedAs("the members of " + conversationId).all();
    }

    /** {@code DELETE v3/conversations/{id}/members/{memberId}}; see {@link ConnectorClient#deleteConversationMember}. */
    public CompletableFuture<Void> deleteConversationMember(String conversationId, String memberId) {
        return call("DELETE", member(conversationId, memberId), null, null, null);
    }

    /** {@code GET v3/conversations/{id}/activities/{activityId}/members}; see {@link ConnectorClient#activityMembers}. */
    public CompletableFuture<List<ChannelAccount>> activityMembers(String conversationId, String activityId) {
        return call("GET", activity(conversationId, activityId) + "/members", null, null, MEMBER_LIST);
    }

    /** {@code POST v3/conversations/{id}/attachments}; see {@link ConnectorClient#uploadAttachment}. */
    public CompletableFuture<ResourceResponse> uploadAttachment(String conversationId, AttachmentData attachment) {
        String path = conversation(conversationId) + "/attachments";
        return call("POST", path, null, Validation.notNull(attachment, "attachment"), type(ResourceResponse.class));
    }

    /** {@code GET v3/attachments/{attachmentId}}; see {@link ConnectorClient#attachmentInfo}. */
    public CompletableFuture<AttachmentInfo> attachmentInfo(String attachmentId) {
        return call("GET", "v3/attachments/" + PathSegments.id(attachmentId, "attachmentId"), null, null,
                type(AttachmentInfo.class));
    }

    /** {@code GET v3/attachments/{attachmentId}/views/{viewId}}; see {@link ConnectorClient#attachmentView}. */
    public CompletableFuture<InputStream> attachmentView(String attachmentId, String viewId) {
        return transport.streamAsync("v3/attachments/" + PathSegments.id(attachmentId, "attachmentId") + "/views/"
                + PathSegments.id(viewId, "viewId"));
    }

    /** Proactive send through a stored reference; see {@link ConnectorClient#send(ConversationReference, Activity)}. */
    public CompletableFuture<ResourceResponse> send(ConversationReference reference, Activity activity) {
        Objects.requireNonNull(reference, "reference");
        if (reference.serviceUrl() == null || reference.serviceUrl().isBlank()) {
            throw new IllegalArgumentException("reference.serviceUrl must be set; store the reference taken from an"
                    + " inbound activity (activity.conversationReference())");
        }
        if (reference.conversation() == null || reference.conversation().id() == null
                || reference.conversation().id().isBlank()) {
            throw new IllegalArgumentException("reference.conversation.id must be set; store the reference taken from"
                    + " an inbound activity, or create the conversation first (createConversation)");
        }
        Validation.typed(activity, "activity");
        try {
            client.trustedHosts().check(reference.serviceUrl());
        } catch (UntrustedHostException e) {
            return CompletableFuture.failedFuture(e);
        }
        ConversationAccount conv = reference.conversation();
        String tenant = reference.tenantId();
        if (Channels.MSTEAMS.equals(reference.channelId()) && tenant != null && conv.tenantId() == null) {
            conv = conv.toBuilder().tenantId(tenant).build();
        }
        ConnectorClient sibling = client.sibling(reference.serviceUrl());
        if (!transport.isBlocking()) {
            byte[] body = addressedJson(reference, activity, conv);
            if (body != null) {
                return sibling.async().call("POST", activities(conv.id()), null, body, RESOURCE_RESPONSE);
            }
        }
        Activity addressed = reference.applyTo(activity);
        if (addressed.conversation() != conv) {
            addressed = addressed.toBuilder().conversation(conv).build();
        }
        ConnectorAsyncClient view = transport.isBlocking() ? sibling.blockingView() : sibling.async();
        return view.sendToConversation(conv.id(), addressed);
    }

    /** What {@link ConversationReference#applyTo} sets: an activity with none of these is addressed by appending. */
    private static final Set<String> ADDRESS_MEMBERS = Set.of("serviceUrl", "channelId", "from", "conversation",
            "recipient", "locale");

    /**
     * The JSON of {@code activity} addressed by {@code reference} (what {@code reference.applyTo(activity)} with
     * {@code conversation} writes, members in another order), built from the activity's memoized JSON and the
     * address members, so one activity sent to many references is serialized once and not copied per reference.
     * {@code null} when the activity carries an address member of its own (the reference replaces it) or is over the
     * size limit (the full check explains why).
     */
    private static byte[] addressedJson(ConversationReference reference, Activity activity,
                                        ConversationAccount conversation) {
        if (activity.serviceUrl() != null || activity.channelId() != null || activity.from() != null
                || activity.conversation() != null || activity.recipient() != null) {
            return null;
        }
        Map<String, Object> properties = activity.properties();
        if (!properties.isEmpty() && !java.util.Collections.disjoint(properties.keySet(), ADDRESS_MEMBERS)) {
            return null;
        }
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("serviceUrl", reference.serviceUrl());
        if (reference.channelId() != null) {
            address.put("channelId", reference.channelId());
        }
        if (reference.bot() != null) {
            address.put("from", reference.bot());
        }
        address.put("conversation", conversation);
        if (reference.user() != null) {
            address.put("recipient", reference.user());
        }
        if (activity.locale() == null && reference.locale() != null) {
            address.put("locale", reference.locale());
        }
        byte[] body = Json.withMembers(Json.writeBytes(activity), address);
        return body.length > Validation.MAX_ACTIVITY_BYTES ? null : body;
    }


    /**
     * Any Bot Connector request through this client's full pipeline, for routes this SDK does not cover yet: trusted
     * hosts, token, retries, logging and typed errors as for every operation. See
     * {@link ConnectorClient#rawRequest(String, String, Map, String)}.
     *
     * @throws IllegalArgumentException for an unsupported method or a path that is absolute or carries a query
     */
    public CompletableFuture<RawResponse> rawRequest(String method, String encodedPath, Map<String, String> query,
                                                     String jsonBody) {
        String m = Validation.notNull(method, "method").toUpperCase(java.util.Locale.ROOT);
        if (!RAW_METHODS.contains(m)) {
            throw new IllegalArgumentException("method must be one of " + RAW_METHODS + ", got '" + method + "'");
        }
        Validation.notNull(encodedPath, "encodedPath");
        if (encodedPath.contains("://") || encodedPath.startsWith("//") || encodedPath.indexOf('?') >= 0
                || encodedPath.indexOf('#') >= 0 || encodedPath.isBlank()) {
            throw new IllegalArgumentException("encodedPath must be a path relative to the service URL such as"
                    + " v3/teams/19%3A...%40thread.tacv2 (ids percent-encoded, query parameters in the query map),"
                    + " got '" + encodedPath + "'");
        }
        byte[] body = jsonBody == null ? null : jsonBody.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return transport.<String>callAsync(m, encodedPath, query, body, type(String.class))
                .thenApply(r -> new RawResponse(r.statusCode(), r.body()));
    }

    private <T> CompletableFuture<T> call(String method, String path, Map<String, String> query, Object body,
                                          JavaType type) {
        if (transport.isBlocking()) {
            // The blocking client: the answer is here when the call returns, so no stage is chained to wait for it.
            try {
                return CompletableFuture.completedFuture(transport.<T>call(method, path, query, body, type).body());
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        return transport.<T>callAsync(method, path, query, body, type).thenApply(ConnectorTransport.Result::body);
    }

    private static final JavaType RESOURCE_RESPONSE = type(ResourceResponse.class);

    private static JavaType type(Class<?> c) {
        return Json.mapper().constructType(c);
    }

    private static Map<String, String> query(String name, String value) {
        Map<String, String> q = new LinkedHashMap<>();
        if (value != null && !value.isEmpty()) {
            q.put(name, value);
        }
        return q;
    }

    private static String conversation(String conversationId) {
        return "v3/conversations/" + PathSegments.id(conversationId, "conversationId");
    }

    private static String activities(String conversationId) {
        return conversation(conversationId) + "/activities";
    }

    private static String activity(String conversationId, String activityId) {
        return conversation(conversationId) + "/activities/" + PathSegments.id(activityId, "activityId");
    }

    private static String member(String conversationId, String memberId) {
        return conversation(conversationId) + "/members/" + PathSegments.id(memberId, "memberId");
    }

    @Override
    public String toString() {
        return "ConnectorAsyncClient[serviceUrl=" + transport.serviceUrl() + "]";
    }
}
