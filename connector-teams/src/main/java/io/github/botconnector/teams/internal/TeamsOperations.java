package io.github.botconnector.teams.internal;

import io.github.botconnector.ConnectorClient;
import io.github.botconnector.Pager;
import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.schema.ConversationParameters;
import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.schema.ConversationResourceResponse;
import io.github.botconnector.schema.ResourceResponse;
import io.github.botconnector.teams.BatchFailedEntriesResponse;
import io.github.botconnector.teams.BatchFailedEntry;
import io.github.botconnector.teams.BatchMessageRequest;
import io.github.botconnector.teams.BatchOperationState;
import io.github.botconnector.teams.ChannelInfo;
import io.github.botconnector.teams.ChannelThread;
import io.github.botconnector.teams.ConversationList;
import io.github.botconnector.teams.DirectConversation;
import io.github.botconnector.teams.MeetingInfo;
import io.github.botconnector.teams.MeetingNotificationResponse;
import io.github.botconnector.teams.TargetedMeetingNotification;
import io.github.botconnector.teams.TeamDetails;
import io.github.botconnector.teams.TeamsChannelAccount;
import io.github.botconnector.teams.TeamsMeetingParticipant;
import io.github.botconnector.teams.TeamsPagedMembersResult;
import io.github.botconnector.teams.TeamsRuleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The Teams operations over a {@link TeamsHttp}: one implementation for {@code TeamsClient} (blocking
 * {@link TeamsHttp}, futures complete on return) and {@code TeamsAsyncClient}. Teams rules are checked here, before
 * any I/O; conversations and activities then go through the core client's operations, so they get exactly its
 * validation (type, size), tenant fill-in, errors and retries. Not public API.
 */
public final class TeamsOperations {

    /** Page size used when walking all members: the service maximum. */
    public static final int ALL_MEMBERS_PAGE_SIZE = 500;

    /** Prefix of the batch messaging routes. */
    private static final String BATCH = "v3/batch/conversation/";

    private final TeamsHttp http;

    public TeamsOperations(TeamsHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    public TeamsHttp http() {
        return http;
    }

    // ------------------------------------------------------------------------------------------------ 1:1 chats

    public CompletableFuture<DirectConversation> createOrGetDirectConversation(ChannelAccount bot, ChannelAccount user,
                                                                            String tenantId, Activity firstMessage) {
        ConversationParameters body = TeamsRequests.directConversation(bot, user, tenantId, firstMessage);
        return createConversation(body)
                .thenApply(r -> TeamsRequests.directConversationResult(http.serviceUrl(), r, bot, user, tenantId));
    }

    public CompletableFuture<ConversationResourceResponse> createConversation(ConversationParameters body) {
        TeamsRequests.checkCreateConversation(body);
        return http.createConversation(body);
    }

    // ------------------------------------------------------------------------------------------- channel threads

    public CompletableFuture<ChannelThread> createChannelThread(ChannelAccount bot, String channelId, Activity firstMessage,
                                                                String tenantId) {
        ConversationParameters body = TeamsRequests.channelThread(bot, channelId, firstMessage, tenantId);
        return createConversation(body)
                .thenApply(r -> TeamsRequests.channelThreadResult(http.serviceUrl(), r, bot, channelId, tenantId));
    }

    public CompletableFuture<ChannelThread> createChannelThread(ChannelAccount bot, ChannelInfo channel, Activity firstMessage,
                                                                String tenantId) {
        TeamsRequests.requirePostableChannel(channel);
        return createChannelThread(bot, channel.id(), firstMessage, tenantId);
    }

    public CompletableFuture<ResourceResponse> replyInThread(String threadConversationId, Activity activity) {
        requireThreadId(threadConversationId);
        return http.sendToConversation(threadConversationId, activity);
    }

    public CompletableFuture<ResourceResponse> replyInThread(ConversationReference reference, Activity activity) {
        Objects.requireNonNull(reference, "reference");
        String conversationId = reference.conversation() == null ? null : reference.conversation().id();
        if (conversationId == null || TeamsIds.rootMessageIdOfThread(conversationId) == null) {
            String root = reference.activityId();
            if (conversationId == null || root == null) {
                throw new TeamsRuleException("reference must point to a channel thread: its conversation.id must be "
                        + "'<channelId>;messageid=<rootId>' or it must carry the root message id in activityId "
                        + "(use the reference of a ChannelThread or of an inbound channel message)");
            }
            conversationId = TeamsIds.threadConversationId(conversationId, root);
        }
        requireThreadId(conversationId);
        ConversationReference thread = reference.toBuilder()
                .conversation(reference.conversation().toBuilder().id(conversationId).build())
                .build();
        return http.send(thread, activity);
    }

    private static void requireThreadId(String threadConversationId) {
        if (threadConversationId == null || TeamsIds.rootMessageIdOfThread(threadConversationId) == null) {
            throw new TeamsRuleException("threadConversationId '" + threadConversationId + "' is not a thread id: pass "
                    + "'<channelId>;messageid=<rootMessageId>' (ChannelThread.conversationId() or "
                    + "TeamsActivities.threadConversationId(channelId, rootMessageId))");
        }
        TeamsIds.requireMessageId(TeamsIds.rootMessageIdOfThread(threadConversationId), "the root message id of threadConversationId");
    }

    public CompletableFuture<ResourceResponse> send(ConversationReference reference, Activity activity) {
        return http.send(reference, activity);
    }

    // ----------------------------------------------------------------------------------------- team and members

    public CompletableFuture<TeamDetails> teamDetails(String teamId) {
        return get("v3/teams/" + segment(teamId, "teamId"), Map.of(), TeamDetails::fromJson);
    }

    public CompletableFuture<List<ChannelInfo>> channels(String teamId) {
        return get("v3/teams/" + segment(teamId, "teamId") + "/conversations", Map.of(), ConversationList::fromJson)
                .thenApply(ConversationList::conversations);
    }

    public CompletableFuture<TeamsPagedMembersResult> membersPage(String conversationId, Integer pageSize, String continuationToken) {
        if (pageSize != null && pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive (Teams uses 50 to 500), or null for the service default");
        }
        Map<String, String> query = new LinkedHashMap<>();
        if (pageSize != null) {
            query.put("pageSize", Integer.toString(pageSize));
        }
        if (continuationToken != null && !continuationToken.isEmpty()) {
            query.put("continuationToken", continuationToken);
        }
        return get("v3/conversations/" + segment(conversationId, "conversationId") + "/pagedmembers", query,
                TeamsPagedMembersResult::fromJson);
    }

    public CompletableFuture<List<TeamsChannelAccount>> allMembers(String conversationId, int pageSize) {
        return Pager.of(token -> membersPage(conversationId, pageSize, token), TeamsPagedMembersResult::members,
                        TeamsPagedMembersResult::continuationToken)
                .distinctBy(TeamsRequests::memberKey).describedAs("the members of " + conversationId).all();
    }

    public CompletableFuture<TeamsChannelAccount> member(String conversationId, String memberId) {
        return get("v3/conversations/" + segment(conversationId, "conversationId") + "/members/" + segment(memberId, "memberId"),
                Map.of(), TeamsChannelAccount::fromJson);
    }

    // ------------------------------------------------------------------------------------------------- meetings

    public CompletableFuture<MeetingInfo> meetingInfo(String meetingId) {
        return get("v1/meetings/" + segment(meetingId, "meetingId"), Map.of(), MeetingInfo::fromJson);
    }

    public CompletableFuture<TeamsMeetingParticipant> meetingParticipant(String meetingId, String participantId, String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            throw new TeamsRuleException("tenantId is required: the meeting participant API needs the Microsoft Entra tenant id "
                    + "of the meeting (TeamsActivities.tenantId(activity))");
        }
        return get("v1/meetings/" + segment(meetingId, "meetingId") + "/participants/" + segment(participantId, "participantId"),
                Map.of("tenantId", tenantId), TeamsMeetingParticipant::fromJson);
    }

    public CompletableFuture<MeetingNotificationResponse> sendMeetingNotification(String meetingId,
                                                                                  TargetedMeetingNotification notification) {
        String path = "v1/meetings/" + segment(meetingId, "meetingId") + "/notification";
        TargetedMeetingNotification body = TeamsRequests.checkMeetingNotification(notification);
        return http.send("POST", path, Map.of(), body.toJson()).thenApply(reply -> {
            if (reply.body().isBlank()) {
                return MeetingNotificationResponse.builder().build();
            }
            return parse(reply, MeetingNotificationResponse::fromJson);
        });
    }

    // ------------------------------------------------------------------------------------------ batch messaging

    public CompletableFuture<String> sendToUsers(List<String> userIds, Activity activity, String tenantId) {
        return sendBatch("users", TeamsRequests.batchToUsers(userIds, activity, tenantId));
    }

    public CompletableFuture<String> sendToTenant(Activity activity, String tenantId) {
        return sendBatch("tenant", TeamsRequests.batchToTenant(activity, tenantId));
    }

    public CompletableFuture<String> sendToTeam(Activity activity, String teamId, String tenantId) {
        return sendBatch("team", TeamsRequests.batchToTeam(activity, teamId, tenantId));
    }

    public CompletableFuture<String> sendToChannels(List<String> channelIds, Activity activity, String tenantId) {
        return sendBatch("channels", TeamsRequests.batchToChannels(channelIds, activity, tenantId));
    }

    /** Posts to {@code v3/batch/conversation/{route}/}, with the trailing slash the Microsoft SDKs send. */
    private CompletableFuture<String> sendBatch(String route, BatchMessageRequest body) {
        return http.send("POST", BATCH + route + "/", Map.of(), body.toJson())
                .thenApply(reply -> TeamsRequests.batchOperationId(reply.body()));
    }

    public CompletableFuture<BatchOperationState> batchOperationState(String operationId) {
        return get(BATCH + segment(operationId, "operationId"), Map.of(), BatchOperationState::fromJson);
    }

    public CompletableFuture<BatchFailedEntriesResponse> batchFailedEntriesPage(String operationId, String continuationToken) {
        String path = BATCH + "failedentries/" + segment(operationId, "operationId");
        Map<String, String> query = continuationToken == null || continuationToken.isEmpty()
                ? Map.of() : Map.of("continuationToken", continuationToken);
        return get(path, query, BatchFailedEntriesResponse::fromJson);
    }

    public CompletableFuture<List<BatchFailedEntry>> allBatchFailedEntries(String operationId) {
        segment(operationId, "operationId");
        return Pager.of(token -> batchFailedEntriesPage(operationId, token),
                        BatchFailedEntriesResponse::failedEntryResponses, BatchFailedEntriesResponse::continuationToken)
                .describedAs("the failed entries of batch operation " + operationId).all();
    }

    public CompletableFuture<Void> cancelBatchOperation(String operationId) {
        return http.send("DELETE", BATCH + segment(operationId, "operationId"), Map.of(), null).thenApply(reply -> null);
    }

    // ------------------------------------------------------------------------------------------------ internals

    private <T> CompletableFuture<T> get(String path, Map<String, String> query, Function<String, T> fromJson) {
        return http.send("GET", path, query, null).thenApply(reply -> parse(reply, fromJson));
    }

    /** The model of a reply's body; an empty body reads as {@code {}}. */
    private static <T> T parse(TeamsHttp.Reply reply, Function<String, T> fromJson) {
        String body = reply.body();
        return fromJson.apply(body == null || body.isBlank() ? "{}" : body);
    }

    /** Checks an id and percent-encodes it as one path segment. */
    static String segment(String value, String field) {
        return ConnectorClient.pathSegment(value, field);
    }
}
