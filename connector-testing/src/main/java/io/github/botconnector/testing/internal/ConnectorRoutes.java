package io.github.botconnector.testing.internal;

import static io.github.botconnector.testing.internal.Route.Kind.SERVICE;
import static io.github.botconnector.testing.internal.Route.Limit.READ;
import static io.github.botconnector.testing.internal.Route.Limit.TENANT_ONLY;
import static io.github.botconnector.testing.internal.Route.Limit.WRITE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.botconnector.testing.FakeUser;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** The Bot Connector v3 conversation, activity, member and attachment routes with Teams' rules. */
final class ConnectorRoutes {

    private static final String C = "/v3/conversations/{conversationId}";
    private final FakeService e;

    private ConnectorRoutes(FakeService e) {
        this.e = e;
    }

    static void register(Router r, FakeService e) {
        ConnectorRoutes h = new ConnectorRoutes(e);
        r.add("GET", "/v3/conversations", "getConversations", SERVICE, READ, h::getConversations)
                .add("POST", "/v3/conversations", "createConversation", SERVICE, WRITE, h::createConversation)
                .add("POST", C + "/activities", "sendToConversation", SERVICE, WRITE, h::send)
                .add("POST", C + "/activities/history", "sendConversationHistory", SERVICE, WRITE, h::history)
                .add("PUT", C + "/activities/{activityId}", "updateActivity", SERVICE, WRITE, h::update)
                .add("POST", C + "/activities/{activityId}", "replyToActivity", SERVICE, WRITE, h::reply)
                .add("DELETE", C + "/activities/{activityId}", "deleteActivity", SERVICE, WRITE, h::delete)
                .add("GET", C + "/activities/{activityId}/members", "getActivityMembers", SERVICE, READ, h::activityMembers)
                .add("PUT", C + "/activities/{activityId}/reactions/{reactionType}", "addReaction", SERVICE, WRITE,
                        h::reaction)
                .add("DELETE", C + "/activities/{activityId}/reactions/{reactionType}", "removeReaction", SERVICE, WRITE,
                        h::reaction)
                .add("GET", C + "/members", "getConversationMembers", SERVICE, READ, h::members)
                .add("GET", C + "/members/{memberId}", "getConversationMember", SERVICE, READ, h::member)
                .add("DELETE", C + "/members/{memberId}", "deleteConversationMember", SERVICE, WRITE, h::deleteMember)
                .add("GET", C + "/pagedmembers", "getConversationPagedMembers", SERVICE, READ, h::pagedMembers)
                .add("POST", C + "/attachments", "uploadAttachment", SERVICE, WRITE, h::upload)
                .add("GET", "/v3/attachments/{attachmentId}", "getAttachmentInfo", SERVICE, TENANT_ONLY, h::attachmentInfo)
                .add("GET", "/v3/attachments/{attachmentId}/views/{viewId}", "getAttachmentView", SERVICE, TENANT_ONLY,
                        h::attachmentView);
    }

    private World w() {
        return e.world;
    }

    private Reply getConversations(Call c) {
        return Reply.message(405, "The requested resource does not support http method 'GET'.").header("Allow", "POST")
                .note("Teams does not list conversations");
    }

    private Reply createConversation(Call c) {
        JsonNode p = c.json();
        if (!p.isObject()) {
            throw ApiError.of(400, "BadSyntax", "Incorrect conversation creation parameters");
        }
        boolean isGroup = Json2.field(p, "isGroup").asBoolean(false);
        String channelId = Json2.text(p, "channelData", "channel", "id");
        if (channelId == null) {
            channelId = Json2.text(p, "channelData", "teamsChannelId");
        }
        JsonNode activity = Json2.field(p, "activity");
        if (isGroup) {
            if (channelId == null || !activity.isObject()) {
                throw ApiError.of(400, "BadSyntax", "Incorrect conversation creation parameters");
            }
            World.Conv channel = e.requireConversation(channelId);
            e.checkWritable(channel);
            e.checkActivity(activity);
            String id = w().nextActivityId(e.now());
            String threadId = channel.id + ";messageid=" + id;
            World.Conv thread = new World.Conv(threadId, "thread", channel.tenantId, null, channel.teamId, channel.channelId);
            w().conversations.put(threadId, thread);
            e.storeBotActivity(thread, activity, null, id);
            channel.current.put(id, thread.current.get(id));
            return Reply.json(201, Json2.obj("id", threadId, "activityId", id));
        }
        String tenantId = Json2.text(p, "tenantId");
        if (tenantId == null) {
            tenantId = Json2.text(p, "channelData", "tenant", "id");
        }
        if (tenantId == null) {
            throw ApiError.of(400, "BadSyntax", "Could not parse tenant id");
        }
        JsonNode members = Json2.field(p, "members");
        if (!members.isArray() || members.size() != 1) {
            throw ApiError.badArgument("Conversations must be to a single member");
        }
        String memberId = Json2.text(members.get(0), "id");
        if (memberId == null) {
            throw ApiError.badArgument("Invalid user identity: members[0].id is required (a Teams user id 29:... or"
                    + " the user's Entra object id)");
        }
        FakeUser u = w().findUser(memberId);
        boolean byAad = u != null && !memberId.equals(u.id());
        if (u == null || !u.tenantId().equals(tenantId)) {
            throw ApiError.of(403, "ForbiddenOperationException", "Bot isn't installed in user's personal scope");
        }
        boolean allowed = byAad ? w().installedUsers.contains(u.id()) : w().reachable(u);
        if (!allowed) {
            throw ApiError.of(403, "ForbiddenOperationException", "Bot isn't installed in user's personal scope");
        }
        World.Conv conv = w().personal(u);
        if (activity.isObject()) {
            e.checkWritable(conv);
            e.checkActivity(activity);
            e.storeBotActivity(conv, activity, null, null);
        }
        return Reply.json(201, Json2.obj("id", conv.id));
    }

    private Reply send(Call c) {
        World.Conv conv = e.requireConversation(c.var("conversationId"));
        e.checkWritable(conv);
        JsonNode activity = e.checkActivity(c);
        boolean targeted = MessageFeatures.isTargeted(c);
        if (targeted) {
            MessageFeatures.checkTargetedCreate(e, conv, activity);
        }
        String replyTo = null;
        if ("thread".equals(conv.type)) {
            replyTo = conv.id.substring(conv.id.indexOf(";messageid=") + ";messageid=".length());
        }
        String recipient = targeted ? Json2.text(activity, "recipient", "id") : null;
        String id = e.storeOwnedActivity(conv, (ObjectNode) activity,
                Json2.text(activity, "replyToId") != null ? null : replyTo, null);
        if (targeted) {
            w().messageFeatures.recordTargeted(conv.id, id, recipient);
        }
        return Reply.id(201, id);
    }

    private Reply reply(Call c) {
        World.Conv conv = e.requireConversation(c.var("conversationId"));
        String activityId = c.var("activityId");
        e.requireActivity(conv, activityId);
        e.checkWritable(conv);
        JsonNode activity = e.checkActivity(c);
        World.Conv target = conv;
        if ("channel".equals(conv.type)) {
            target = e.requireConversation(conv.id + ";messageid=" + activityId);
        }
        String id = e.storeOwnedActivity(target, (ObjectNode) activity, activityId, null);
        return Reply.id(201, id);
    }

    private Reply update(Call c) {
        World.Conv conv = e.requireConversation(c.var("conversationId"));
        String activityId = c.var("activityId");
        ObjectNode old = ActivityRules.existing(conv, activityId);
        e.checkWritable(conv);
        JsonNode update = e.checkActivity(c);
        ActivityRules.checkUpdate(old, update);
        if (MessageFeatures.isTargeted(c)) {
            w().messageFeatures.checkTargetedUpdate(conv.id, activityId, update);
        }
        e.updateActivity(conv, activityId, update);
        return Reply.json(200, Json2.obj("id", activityId));
    }

    private Reply delete(Call c) {
        World.Conv conv = e.requireConversation(c.var("conversationId"));
        ActivityRules.existing(conv, c.var("activityId"));
        e.checkWritable(conv);
        if (MessageFeatures.isTargeted(c)) {
            w().messageFeatures.deleteTargeted(conv.id, c.var("activityId"));
        }
        e.deleteActivity(conv, c.var("activityId"));
        return Reply.empty(200);
    }

    private Reply history(Call c) {
        World.Conv conv = e.requireConversation(c.var("conversationId"));
        e.checkWritable(conv);
        JsonNode activities = Json2.field(c.json(), "activities");
        if (!activities.isArray()) {
            throw ApiError.badArgument("Transcript.activities must be an array");
        }
        String last = null;
        for (JsonNode a : activities) {
            e.checkActivity(a);
            last = e.storeBotActivity(conv, a, null, Json2.text(a, "id"));
        }
        return Reply.json(201, Json2.obj("id", last));
    }

    private Reply reaction(Call c) {
        World.Conv conv = e.requireConversation(c.var("conversationId"));
        e.requireActivity(conv, c.var("activityId"));
        e.checkWritable(conv);
        return w().messageFeatures.react(conv.id, c.var("activityId"), c.var("reactionType"), "PUT".equals(c.method),
                e.now().toEpochMilli());
    }

    private Reply activityMembers(Call c) {
        World.Conv conv = e.requireConversation(c.var("conversationId"));
        e.requireActivity(conv, c.var("activityId"));
        e.checkReadable(conv);
        return Reply.json(200, roster(conv, 0, Integer.MAX_VALUE));
    }

    private Reply members(Call c) {
        World.Conv conv = e.requireConversation(c.var("conversationId"));
        e.checkReadable(conv);
        return Reply.json(200, roster(conv, 0, Integer.MAX_VALUE));
    }

    private ArrayNode roster(World.Conv conv, int from, int count) {
        List<FakeUser> all = w().roster(conv);
        ArrayNode out = Json2.F.arrayNode();
        for (int i = from; i < Math.min(all.size(), from + (long) count); i++) {
            out.add(e.memberJson(all.get(i)));
        }
        return out;
    }

    private Reply member(Call c) {
        World.Conv conv = e.requireConversation(c.var("conversationId"));
        e.checkReadable(conv);
        FakeUser u = w().findUser(c.var("memberId"));
        if (u == null || !w().roster(conv).contains(u)) {
            throw ApiError.of(404, "MemberNotFoundInConversation", "The member was not found in the conversation.");
        }
        return Reply.json(200, e.memberJson(u));
    }

    private Reply deleteMember(Call c) {
        e.requireConversation(c.var("conversationId"));
        return Reply.message(405, "The requested resource does not support http method 'DELETE'.")
                .note("Teams does not let bots remove conversation members");
    }

    private Reply pagedMembers(Call c) {
        World.Conv conv = e.requireConversation(c.var("conversationId"));
        e.checkReadable(conv);
        int pageSize = 200;
        String ps = c.query("pageSize");
        if (ps != null) {
            try {
                pageSize = Math.max(50, Math.min(500, Integer.parseInt(ps.trim())));
            } catch (NumberFormatException ex) {
                throw ApiError.badArgument("pageSize must be an integer");
            }
        }
        int offset = 0;
        String token = c.query("continuationToken");
        if (token != null && !token.isEmpty()) {
            offset = decodeToken(token, "members|" + conv.id);
        }
        List<FakeUser> all = w().roster(conv);
        if ("personal".equals(conv.type) || "groupChat".equals(conv.type)) {
            return Reply.json(200, Json2.obj("members", roster(conv, 0, Integer.MAX_VALUE)));
        }
        ObjectNode out = Json2.obj("members", roster(conv, offset, pageSize));
        if (offset + pageSize < all.size()) {
            out.put("continuationToken", encodeToken("members|" + conv.id, offset + pageSize));
        }
        return Reply.json(200, out);
    }

    static String encodeToken(String scope, int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((offset + ";" + Ids.b64(scope, 1).substring(0, 12)
                + ";" + "IsLastPage=false").getBytes(StandardCharsets.UTF_8));
    }

    static int decodeToken(String token, String scope) {
        String[] parts;
        int offset;
        try {
            parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(";");
            offset = parts.length == 3 ? Integer.parseInt(parts[0]) : -1;
        } catch (IllegalArgumentException ex) {
            offset = -1;
            parts = new String[0];
        }
        if (offset < 0) {
            throw ApiError.badArgument("Invalid continuation token");
        }
        if (!parts[1].equals(Ids.b64(scope, 1).substring(0, 12))) {
            // A well-formed token of another conversation (or operation): Teams refuses it as forbidden.
            throw ApiError.of(403, "ForbiddenOperationException", "The continuation token was not issued for this"
                    + " conversation.");
        }
        return offset;
    }

    private Reply upload(Call c) {
        World.Conv conv = e.requireConversation(c.var("conversationId"));
        e.checkWritable(conv);
        JsonNode a = c.json();
        String type = Json2.text(a, "type");
        if (type == null) {
            throw ApiError.badArgument("AttachmentData.type is required");
        }
        String id = "at" + (w().attachments.size() + 1) + "-" + Ids.guid(conv.id + w().attachments.size());
        w().attachments.put(id, new World.Attachment(id, Json2.text(a, "name"), type, decode(a, "originalBase64"),
                decode(a, "thumbnailBase64")));
        return Reply.json(201, Json2.obj("id", id));
    }

    private static byte[] decode(JsonNode a, String field) {
        String s = Json2.text(a, field);
        if (s == null) {
            return null;
        }
        try {
            return Base64.getMimeDecoder().decode(s);
        } catch (IllegalArgumentException ex) {
            throw ApiError.badArgument("AttachmentData." + field + " is not base64");
        }
    }

    private World.Attachment attachment(Call c) {
        World.Attachment a = w().attachments.get(c.var("attachmentId"));
        if (a == null) {
            throw ApiError.of(404, "NotFound", "Attachment not found.");
        }
        return a;
    }

    private Reply attachmentInfo(Call c) {
        World.Attachment a = attachment(c);
        ArrayNode views = Json2.F.arrayNode();
        if (a.original() != null) {
            views.add(Json2.obj("viewId", "original", "size", a.original().length));
        }
        if (a.thumbnail() != null) {
            views.add(Json2.obj("viewId", "thumbnail", "size", a.thumbnail().length));
        }
        return Reply.json(200, Json2.obj("name", a.name(), "type", a.type(), "views", views));
    }

    private Reply attachmentView(Call c) {
        World.Attachment a = attachment(c);
        byte[] data = switch (c.var("viewId")) {
            case "original" -> a.original();
            case "thumbnail" -> a.thumbnail();
            default -> null;
        };
        if (data == null) {
            throw ApiError.of(404, "NotFound", "Attachment view not found.");
        }
        return Reply.bytes(200, data, a.type());
    }
}
