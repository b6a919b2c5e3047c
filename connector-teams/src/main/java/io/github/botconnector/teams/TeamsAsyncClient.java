package io.github.botconnector.teams;

import io.github.botconnector.schema.Activity;
import io.github.botconnector.schema.ChannelAccount;
import io.github.botconnector.schema.ConversationParameters;
import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.schema.ConversationResourceResponse;
import io.github.botconnector.schema.ResourceResponse;
import io.github.botconnector.teams.internal.MessageOperations;
import io.github.botconnector.teams.internal.TeamsOperations;
import io.github.botconnector.teams.internal.TeamsRequests;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous view of a {@link TeamsClient}: the same operations returning {@link CompletableFuture}s, driven
 * by the core client's asynchronous view (no thread is parked per request). As on
 * {@link io.github.botconnector.ConnectorAsyncClient}, argument errors and refused Teams rules
 * ({@link TeamsRuleException}, an {@link IllegalArgumentException}) are thrown at once, before any I/O; service
 * errors complete the future with the client's exceptions. Obtain it with {@link TeamsClient#async()}.
 */
public final class TeamsAsyncClient {

    private final TeamsOperations ops;
    private final MessageOperations messages;

    TeamsAsyncClient(TeamsOperations ops, ReactionPacer reactionPacer) {
        this.ops = Objects.requireNonNull(ops, "ops");
        this.messages = new MessageOperations(ops.http(), reactionPacer.pacer());
    }

    /** See {@link TeamsClient#createOrGetDirectConversation(ChannelAccount, ChannelAccount, String)}. */
    public CompletableFuture<DirectConversation> createOrGetDirectConversation(ChannelAccount bot, ChannelAccount user,
                                                                            String tenantId) {
        return ops.createOrGetDirectConversation(bot, user, tenantId, null);
    }

    /** See {@link TeamsClient#createOrGetDirectConversation(ChannelAccount, ChannelAccount, String, Activity)}. */
    public CompletableFuture<DirectConversation> createOrGetDirectConversation(ChannelAccount bot, ChannelAccount user,
                                                                            String tenantId, Activity firstMessage) {
        return ops.createOrGetDirectConversation(bot, user, tenantId,
                Objects.requireNonNull(firstMessage, "firstMessage"));
    }

    /** See {@link TeamsClient#createOrGetDirectConversation(ChannelAccount, TeamsChannelAccount)}. */
    public CompletableFuture<DirectConversation> createOrGetDirectConversation(ChannelAccount bot, TeamsChannelAccount member) {
        return ops.createOrGetDirectConversation(bot, Objects.requireNonNull(member, "member").toChannelAccount(),
                member.tenantId(), null);
    }

    /** See {@link TeamsClient#createChannelThread(String, Activity)}. */
    public CompletableFuture<ChannelThread> createChannelThread(String channelId, Activity firstMessage) {
        return ops.createChannelThread(null, channelId, firstMessage, null);
    }

    /** See {@link TeamsClient#createChannelThread(String, Activity, String)}. */
    public CompletableFuture<ChannelThread> createChannelThread(String channelId, Activity firstMessage, String tenantId) {
        return ops.createChannelThread(null, channelId, firstMessage, tenantId);
    }

    /** See {@link TeamsClient#createChannelThread(ChannelInfo, Activity, String)}. */
    public CompletableFuture<ChannelThread> createChannelThread(ChannelInfo channel, Activity firstMessage, String tenantId) {
        return ops.createChannelThread(null, channel, firstMessage, tenantId);
    }

    /** See {@link TeamsClient#createChannelThread(ChannelAccount, String, Activity, String)}. */
    public CompletableFuture<ChannelThread> createChannelThread(ChannelAccount bot, String channelId, Activity firstMessage,
                                                                String tenantId) {
        return ops.createChannelThread(bot, channelId, firstMessage, tenantId);
    }

    /** See {@link TeamsClient#replyInThread(ConversationReference, Activity)}. */
    public CompletableFuture<ResourceResponse> replyInThread(ConversationReference thread, Activity activity) {
        return ops.replyInThread(thread, activity);
    }

    /** See {@link TeamsClient#replyInThread(String, Activity)}. */
    public CompletableFuture<ResourceResponse> replyInThread(String threadConversationId, Activity activity) {
        return ops.replyInThread(threadConversationId, activity);
    }

    /** See {@link TeamsClient#send(ConversationReference, Activity)}. */
    public CompletableFuture<ResourceResponse> send(ConversationReference reference, Activity activity) {
        return ops.send(reference, activity);
    }

    /** See {@link TeamsClient#createConversation(ConversationParameters)}. */
    public CompletableFuture<ConversationResourceResponse> createConversation(ConversationParameters parameters) {
        return ops.createConversation(parameters);
    }

    /** See {@link TeamsClient#teamDetails(String)}. */
    public CompletableFuture<TeamDetails> teamDetails(String teamId) {
        return ops.teamDetails(teamId);
    }

    /** See {@link TeamsClient#channels(String)}. */
    public CompletableFuture<List<ChannelInfo>> channels(String teamId) {
        return ops.channels(teamId);
    }

    /** See {@link TeamsClient#members(String)}. */
    public CompletableFuture<List<TeamsChannelAccount>> members(String conversationId) {
        return ops.allMembers(conversationId, TeamsOperations.ALL_MEMBERS_PAGE_SIZE);
    }

    /** See {@link TeamsClient#members(String, int)}. */
    public CompletableFuture<List<TeamsChannelAccount>> members(String conversationId, int pageSize) {
        return ops.allMembers(conversationId, pageSize);
    }

    /** See {@link TeamsClient#membersPage(String, Integer, String)}. */
    public CompletableFuture<TeamsPagedMembersResult> membersPage(String conversationId, Integer pageSize,
                                                                 String continuationToken) {
        return ops.membersPage(conversationId, pageSize, continuationToken);
    }

    /** See {@link TeamsClient#member(String, String)}. */
    public CompletableFuture<TeamsChannelAccount> member(String conversationId, String memberId) {
        return ops.member(conversationId, memberId);
    }

    /** See {@link TeamsClient#meetingInfo(String)}. */
    public CompletableFuture<MeetingInfo> meetingInfo(String meetingId) {
        return ops.meetingInfo(meetingId);
    }

    /** See {@link TeamsClient#meetingParticipant(String, String, String)}. */
    public CompletableFuture<TeamsMeetingParticipant> meetingParticipant(String meetingId, String participantId,
                                                                        String tenantId) {
        return ops.meetingParticipant(meetingId, participantId, tenantId);
    }

    /** See {@link TeamsClient#sendMeetingNotification(String, TargetedMeetingNotification)}. */
    public CompletableFuture<MeetingNotificationResponse> sendMeetingNotification(String meetingId,
                                                                                  TargetedMeetingNotification notification) {
        return ops.sendMeetingNotification(meetingId, notification);
    }

    /** See {@link TeamsClient#sendToUsers(List, Activity, String)}. */
    public CompletableFuture<String> sendToUsers(List<String> userIds, Activity activity, String tenantId) {
        return ops.sendToUsers(userIds, activity, tenantId);
    }

    /** See {@link TeamsClient#sendToUserAccounts(List, Activity, String)}. */
    public CompletableFuture<String> sendToUserAccounts(List<? extends ChannelAccount> users, Activity activity,
                                                        String tenantId) {
        return ops.sendToUsers(TeamsRequests.batchUserIds(users), activity, tenantId);
    }

    /** See {@link TeamsClient#sendToTenant(Activity, String)}. */
    public CompletableFuture<String> sendToTenant(Activity activity, String tenantId) {
        return ops.sendToTenant(activity, tenantId);
    }

    /** See {@link TeamsClient#sendToTeam(Activity, String, String)}. */
    public CompletableFuture<String> sendToTeam(Activity activity, String teamId, String tenantId) {
        return ops.sendToTeam(activity, teamId, tenantId);
    }

    /** See {@link TeamsClient#sendToChannels(List, Activity, String)}. */
    public CompletableFuture<String> sendToChannels(List<String> channelIds, Activity activity, String tenantId) {
        return ops.sendToChannels(channelIds, activity, tenantId);
    }

    /** See {@link TeamsClient#batchOperationState(String)}. */
    public CompletableFuture<BatchOperationState> batchOperationState(String operationId) {
        return ops.batchOperationState(operationId);
    }

    /** See {@link TeamsClient#batchFailedEntries(String)}. */
    public CompletableFuture<List<BatchFailedEntry>> batchFailedEntries(String operationId) {
        return ops.allBatchFailedEntries(operationId);
    }

    /** See {@link TeamsClient#batchFailedEntriesPage(String, String)}. */
    public CompletableFuture<BatchFailedEntriesResponse> batchFailedEntriesPage(String operationId, String continuationToken) {
        return ops.batchFailedEntriesPage(operationId, continuationToken);
    }

    /** See {@link TeamsClient#cancelBatchOperation(String)}. */
    public CompletableFuture<Void> cancelBatchOperation(String operationId) {
        return ops.cancelBatchOperation(operationId);
    }

    // ------------------------------------------------------------------------ targeted messages and reactions

    /** See {@link TeamsClient#sendTargeted(ConversationReference, ChannelAccount, Activity)}. */
    public CompletableFuture<ResourceResponse> sendTargeted(ConversationReference reference, ChannelAccount recipient,
                                                            Activity activity) {
        return messages.sendTargeted(reference, recipient, activity);
    }

    /** See {@link TeamsClient#sendTargeted(String, ChannelAccount, Activity)}. */
    public CompletableFuture<ResourceResponse> sendTargeted(String conversationId, ChannelAccount recipient,
                                                            Activity activity) {
        return messages.sendTargeted(conversationId, recipient, activity);
    }

    /** See {@link TeamsClient#updateTargeted(String, String, Activity)}. */
    public CompletableFuture<ResourceResponse> updateTargeted(String conversationId, String activityId, Activity activity) {
        return messages.updateTargeted(conversationId, activityId, activity);
    }

    /** See {@link TeamsClient#deleteTargeted(String, String)}. */
    public CompletableFuture<Void> deleteTargeted(String conversationId, String activityId) {
        return messages.deleteTargeted(conversationId, activityId);
    }

    /** See {@link TeamsClient#addReaction(String, String, String)}; the future completes once the pacer let it through. */
    public CompletableFuture<Void> addReaction(String conversationId, String activityId, String reactionType) {
        return messages.addReaction(conversationId, activityId, reactionType);
    }

    /** See {@link TeamsClient#removeReaction(String, String, String)}. */
    public CompletableFuture<Void> removeReaction(String conversationId, String activityId, String reactionType) {
        return messages.removeReaction(conversationId, activityId, reactionType);
    }
}
