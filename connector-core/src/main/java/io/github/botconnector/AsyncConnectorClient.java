package io.github.botconnector;

import com.fasterxml.jackson.databind.JavaType;
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
import java.util.ArrayList;
import java.util.HashSet;
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
public final class AsyncConnectorClient {

    private static final JavaType MEMBER_LIST = Json.mapper().getTypeFactory()
            .constructCollectionType(List.class, ChannelAccount.class);

    private final ConnectorClient client;
    private final ConnectorTransport transport;

    AsyncConnectorClient(ConnectorClient client, ConnectorTransport transport) {
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

    /** {@code GET v3/conversations}; see {@link ConnectorClient#getConversations(String)}. */
    public CompletableFuture<ConversationsResult> getConversations(String continuationToken) {
        return call("GET", "v3/conversations", query("continuationToken", continuationToken), null,
                type(ConversationsResult.class));
    }

    /** {@code POST v3/conversations/{id}/activities}; see {@link ConnectorClient#sendToConversation}. */
    public CompletableFuture<ResourceResponse> sendToConversation(String conversationId, Activity activity) {
        String path = conversation(conversationId) + "/activities";
        byte[] body = Validation.activity(activity, "activity");
        return call("POST", path, null, body, type(ResourceResponse.class));
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

    /** {@code GET v3/conversations/{id}/members}; see {@link ConnectorClient#getConversationMembers}. */
    public CompletableFuture<List<ChannelAccount>> getConversationMembers(String conversationId) {
        return call("GET", conversation(conversationId) + "/members", null, null, MEMBER_LIST);
    }

    /** {@code GET v3/conversations/{id}/members/{memberId}}; see {@link ConnectorClient#getConversationMember}. */
    public CompletableFuture<ChannelAccount> getConversationMember(String conversationId, String memberId) {
        return call("GET", member(conversationId, memberId), null, null, type(ChannelAccount.class));
    }

    /** {@code GET v3/conversations/{id}/pagedmembers}; see {@link ConnectorClient#getConversationPagedMembers}. */
    public CompletableFuture<PagedMembersResult> getConversationPagedMembers(String conversationId, Integer pageSize,
                                                                           String continuationToken) {
        Map<String, String> q = query("pageSize", pageSize == null ? null : pageSize.toString());
        if (continuationToken != null && !continuationToken.isEmpty()) {
            q.put("continuationToken", continuationToken);
        }
        return call("GET", conversation(conversationId) + "/pagedmembers", q, null, type(PagedMembersResult.class));
    }

    /**
     * All members over all pages, de-duplicated by id, in the order the service returned them; the next page is
     * requested when the previous one completes. See {@link ConnectorClient#conversationMembersPaged}.
     */
    public CompletableFuture<List<ChannelAccount>> conversationMembersPaged(String conversationId, Integer pageSize) {
        conversation(conversationId);
        List<ChannelAccount> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> tokens = new HashSet<>();
        return nextPage(conversationId, pageSize, null, all, seen, tokens);
    }

    private CompletableFuture<List<ChannelAccount>> nextPage(String conversationId, Integer pageSize, String token,
                                                             List<ChannelAccount> all, Set<String> seen,
                                                             Set<String> tokens) {
        return getConversationPagedMembers(conversationId, pageSize, token).thenCompose(page -> {
            for (ChannelAccount m : page.members()) {
                if (m != null && (m.id() == null || seen.add(m.id()))) {
                    all.add(m);
                }
            }
            String next = page.continuationToken();
            if (next == null || next.isEmpty()) {
                return CompletableFuture.completedFuture(List.copyOf(all));
            }
            if (!tokens.add(next)) {
                throw new BotConnectorException("The service returned the same continuation token twice while paging"
                        + " the members of " + conversationId + "; stopping to avoid an endless loop");
            }
            return nextPage(conversationId, pageSize, next, all, seen, tokens);
        });
    }

    /** {@code DELETE v3/conversations/{id}/members/{memberId}}; see {@link ConnectorClient#deleteConversationMember}. */
    public CompletableFuture<Void> deleteConversationMember(String conversationId, String memberId) {
        return call("DELETE", member(conversationId, memberId), null, null, null);
    }

    /** {@code GET v3/conversations/{id}/activities/{activityId}/members}; see {@link ConnectorClient#getActivityMembers}. */
    public CompletableFuture<List<ChannelAccount>> getActivityMembers(String conversationId, String activityId) {
        return call("GET", activity(conversationId, activityId) + "/members", null, null, MEMBER_LIST);
    }

    /** {@code POST v3/conversations/{id}/attachments}; see {@link ConnectorClient#uploadAttachment}. */
    public CompletableFuture<ResourceResponse> uploadAttachment(String conversationId, AttachmentData attachment) {
        String path = conversation(conversationId) + "/attachments";
        return call("POST", path, null, Validation.notNull(attachment, "attachment"), type(ResourceResponse.class));
    }

    /** {@code GET v3/attachments/{attachmentId}}; see {@link ConnectorClient#getAttachmentInfo}. */
    public CompletableFuture<AttachmentInfo> getAttachmentInfo(String attachmentId) {
        return call("GET", "v3/attachments/" + PathSegments.id(attachmentId, "attachmentId"), null, null,
                type(AttachmentInfo.class));
    }

    /** {@code GET v3/attachments/{attachmentId}/views/{viewId}}; see {@link ConnectorClient#getAttachment}. */
    public CompletableFuture<InputStream> getAttachment(String attachmentId, String viewId) {
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
        Activity addressed = reference.applyTo(activity);
        ConversationAccount conv = addressed.conversation();
        String tenant = reference.tenantId();
        if (Channels.MSTEAMS.equals(reference.channelId()) && tenant != null && conv.tenantId() == null) {
            addressed = addressed.toBuilder().conversation(conv.toBuilder().tenantId(tenant).build()).build();
        }
        ConnectorClient sibling = client.sibling(reference.serviceUrl());
        AsyncConnectorClient view = transport.isBlocking() ? sibling.blockingView() : sibling.async();
        return view.sendToConversation(conv.id(), addressed);
    }

    private <T> CompletableFuture<T> call(String method, String path, Map<String, String> query, Object body,
                                          JavaType type) {
        return transport.<T>callAsync(method, path, query, body, type).thenApply(ConnectorTransport.Result::body);
    }

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

    private static String activity(String conversationId, String activityId) {
        return conversation(conversationId) + "/activities/" + PathSegments.id(activityId, "activityId");
    }

    private static String member(String conversationId, String memberId) {
        return conversation(conversationId) + "/members/" + PathSegments.id(memberId, "memberId");
    }

    @Override
    public String toString() {
        return "AsyncConnectorClient[serviceUrl=" + transport.serviceUrl() + "]";
    }
}
