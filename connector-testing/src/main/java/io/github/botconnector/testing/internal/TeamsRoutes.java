package io.github.botconnector.testing.internal;

import static io.github.botconnector.testing.internal.Route.Kind.SERVICE;
import static io.github.botconnector.testing.internal.Route.Limit.READ;
import static io.github.botconnector.testing.internal.Route.Limit.TENANT_ONLY;
import static io.github.botconnector.testing.internal.Route.Limit.WRITE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.botconnector.testing.FakeChannel;
import io.github.botconnector.testing.FakeMeeting;
import io.github.botconnector.testing.FakeTeam;
import io.github.botconnector.testing.FakeUser;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** Teams routes: team details and channels, meetings, batch messaging. */
final class TeamsRoutes {

    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String B = "/v3/batch/conversation";
    private static final int FAILED_ENTRIES_PAGE = 50;
    private final FakeService e;

    private TeamsRoutes(FakeService e) {
        this.e = e;
    }

    static void register(Router r, FakeService e) {
        TeamsRoutes h = new TeamsRoutes(e);
        r.add("GET", "/v3/teams/{teamId}", "getTeamDetails", SERVICE, READ, h::teamDetails)
                .add("GET", "/v3/teams/{teamId}/conversations", "getTeamChannels", SERVICE, READ, h::channels)
                .add("GET", "/v1/meetings/{meetingId}", "getMeeting", SERVICE, READ, h::meeting)
                .add("GET", "/v1/meetings/{meetingId}/participants/{participantId}", "getMeetingParticipant", SERVICE,
                        READ, h::participant)
                .add("POST", "/v1/meetings/{meetingId}/notification", "sendMeetingNotification", SERVICE, WRITE,
                        h::notification)
                .add("POST", B + "/users", "batchSendToUsers", SERVICE, TENANT_ONLY, c -> h.batch(c, "users"))
                .add("POST", B + "/tenant", "batchSendToTenant", SERVICE, TENANT_ONLY, c -> h.batch(c, "tenant"))
                .add("POST", B + "/team", "batchSendToTeam", SERVICE, TENANT_ONLY, c -> h.batch(c, "team"))
                .add("POST", B + "/channels", "batchSendToChannels", SERVICE, TENANT_ONLY, c -> h.batch(c, "channels"))
                .add("GET", B + "/{operationId}", "getBatchOperation", SERVICE, TENANT_ONLY, h::operation)
                .add("GET", B + "/failedentries/{operationId}", "getBatchFailedEntries", SERVICE, TENANT_ONLY,
                        h::failedEntries)
                .add("DELETE", B + "/{operationId}", "cancelBatchOperation", SERVICE, TENANT_ONLY, h::cancel);
    }

    private World w() {
        return e.world;
    }

    private FakeTeam team(Call c) {
        FakeTeam t = w().teams.get(c.var("teamId"));
        if (t == null) {
            // Teams' answer for a team id it does not know (microsoft/botbuilder-js#4900).
            throw ApiError.of(404, "NotFound", "Cannot find team with provided id");
        }
        e.checkTeamAccess(t.id());
        return t;
    }

    private Reply teamDetails(Call c) {
        FakeTeam t = team(c);
        return Reply.json(200, Json2.obj("id", t.id(), "name", t.name(), "aadGroupId", t.aadGroupId(), "channelCount",
                t.channels().size(), "memberCount", t.memberIds().size(), "type", "standard"));
    }

    private Reply channels(Call c) {
        FakeTeam t = team(c);
        ArrayNode list = Json2.F.arrayNode();
        for (FakeChannel ch : t.channels()) {
            ObjectNode o = Json2.obj("id", ch.id());
            if (ch.general()) {
                o.putNull("name");
            } else {
                o.put("name", ch.name());
            }
            if (ch.privateChannel()) {
                o.put("type", "private");
            }
            list.add(o);
        }
        return Reply.json(200, Json2.obj("conversations", list));
    }

    private FakeMeeting meeting(String id) {
        FakeMeeting m = w().meetings.get(id);
        if (m == null) {
            throw ApiError.of(404, "NotFound", "Meeting not found or expired.");
        }
        return m;
    }

    private ObjectNode meetingConversation(FakeMeeting m) {
        return Json2.obj("isGroup", true, "conversationType", "groupChat", "id", m.chatId(), "tenantId", m.tenantId());
    }

    private Reply meeting(Call c) {
        FakeMeeting m = meeting(c.var("meetingId"));
        FakeUser organizer = w().users.get(m.organizerId());
        ObjectNode details = Json2.obj("id", m.id(), "msGraphResourceId", Ids.guid("graph|" + m.id()),
                "scheduledStartTime", "2026-01-15T12:00:00Z", "scheduledEndTime", "2026-01-15T13:00:00Z",
                "joinUrl", "https://teams.microsoft.com/l/meetup-join/" + m.chatId(), "title", m.title(),
                "type", "Scheduled");
        return Reply.json(200, Json2.obj("details", details, "conversation", meetingConversation(m), "organizer",
                Json2.obj("id", organizer.id(), "aadObjectId", organizer.aadObjectId(), "tenantId", organizer.tenantId())));
    }

    private Reply participant(Call c) {
        FakeMeeting m = meeting(c.var("meetingId"));
        String tenantId = c.query("tenantId");
        if (tenantId == null || tenantId.isBlank()) {
            throw ApiError.badArgument("tenantId query parameter is required");
        }
        FakeUser u = w().findUser(c.var("participantId"));
        if (u == null || !m.participantIds().contains(u.id()) || !u.tenantId().equals(tenantId)) {
            throw ApiError.of(404, "MemberNotFoundInConversation", "The participant was not found in the meeting.");
        }
        String role = u.id().equals(m.organizerId()) ? "Organizer" : "Attendee";
        return Reply.json(200, Json2.obj("user", e.memberJson(u), "meeting", Json2.obj("role", role, "inMeeting", true),
                "conversation", meetingConversation(m)));
    }

    private Reply notification(Call c) {
        FakeMeeting m = meeting(c.var("meetingId"));
        JsonNode p = c.json();
        if (!"targetedMeetingNotification".equals(Json2.text(p, "type"))) {
            throw ApiError.badArgument("type must be targetedMeetingNotification");
        }
        JsonNode recipients = Json2.field(Json2.field(p, "value"), "recipients");
        if (!recipients.isArray() || recipients.isEmpty()) {
            throw ApiError.badArgument("value.recipients must list at least one recipient");
        }
        if (recipients.size() > 50) {
            throw ApiError.badArgument("At most 50 recipients per call; send the others in another call");
        }
        ArrayNode failures = Json2.F.arrayNode();
        for (JsonNode r : recipients) {
            String mri = r.asText();
            if (!mri.startsWith("29:") || !m.participantIds().contains(mri)) {
                failures.add(Json2.obj("recipientMri", mri, "errorcode", "MemberNotFoundInConversation",
                        "failureReason", mri.startsWith("29:") ? "The recipient is not a participant of this meeting."
                                : "Recipients must be Teams user ids (29:...)."));
            }
        }
        if (failures.isEmpty()) {
            return Reply.empty(202);
        }
        return Reply.json(207, Json2.obj("recipientsFailureInfo", failures));
    }

    private Reply batch(Call c, String kind) {
        JsonNode p = c.json();
        JsonNode activity = Json2.field(p, "activity");
        String tenantId = Json2.text(p, "tenantId");
        if (!activity.isObject()) {
            throw ApiError.badArgument("activity is required");
        }
        if (tenantId == null) {
            throw ApiError.badArgument("tenantId is required");
        }
        if (!w().tenants.containsKey(tenantId)) {
            throw ApiError.of(403, "ForbiddenOperationException", "The bot is not allowed to send to tenant " + tenantId);
        }
        e.checkActivity(activity);
        List<String> targets = new ArrayList<>();
        switch (kind) {
            case "users", "channels" -> {
                JsonNode members = Json2.field(p, "members");
                if (!members.isArray() || members.isEmpty()) {
                    throw ApiError.badArgument("members must list at least one " + ("users".equals(kind) ? "user" : "channel"));
                }
                for (JsonNode m : members) {
                    String id = Json2.text(m, "id");
                    if (id == null) {
                        throw ApiError.badArgument("every member needs an id");
                    }
                    targets.add(id);
                }
            }
            case "team" -> {
                String teamId = Json2.text(p, "teamId");
                FakeTeam t = teamId == null ? null : w().teams.get(teamId);
                if (t == null) {
                    throw ApiError.badArgument("teamId is missing or not a team of the tenant");
                }
                targets.addAll(t.memberIds());
            }
            default -> w().users.values().stream().filter(u -> u.tenantId().equals(tenantId))
                    .forEach(u -> targets.add(u.id()));
        }
        World.BatchOp op = new World.BatchOp(UUID.randomUUID().toString());
        for (String target : targets) {
            int status;
            String error = null;
            try {
                World.Conv conv;
                if ("channels".equals(kind)) {
                    conv = e.requireConversation(target);
                } else {
                    FakeUser u = w().findUser(target);
                    if (u == null || !u.tenantId().equals(tenantId)) {
                        throw ApiError.of(404, "MemberNotFoundInConversation", "Unknown user");
                    }
                    if (w().blockedUsers.contains(u.id())) {
                        throw ApiError.of(403, "ConversationBlockedByUser", "User blocked the conversation with the bot.");
                    }
                    if (!w().reachable(u)) {
                        throw ApiError.notInRoster();
                    }
                    conv = w().personal(u);
                }
                e.checkWritable(conv);
                e.storeBotActivity(conv, activity, null, null);
                status = 201;
            } catch (ApiError ex) {
                status = ex.reply.status;
                JsonNode body = Json2.parse(ex.reply.body);
                error = Json2.text(body, "error", "code");
                if (error == null) {
                    error = "MessageWritesBlocked";
                }
            }
            op.statusMap.merge(Integer.toString(status), 1, Integer::sum);
            op.total++;
            if (error != null) {
                op.failed.add(new String[] {target, error});
            }
        }
        w().batchOps.put(op.id, op);
        return Reply.json(201, Json2.obj("operationId", op.id));
    }

    private World.BatchOp op(Call c) {
        String id = c.var("operationId");
        if (!GUID.matcher(id).matches()) {
            throw ApiError.badArgument("Invalid operationId (it should be a GUID)");
        }
        World.BatchOp op = w().batchOps.get(id);
        if (op == null) {
            throw ApiError.of(404, "NotFound", "Operation not found.");
        }
        return op;
    }

    private Reply operation(Call c) {
        World.BatchOp op = op(c);
        ObjectNode statusMap = Json2.F.objectNode();
        op.statusMap.forEach(statusMap::put);
        return Reply.json(200, Json2.obj("state", op.state, "statusMap", statusMap, "totalEntriesCount", op.total));
    }

    private Reply failedEntries(Call c) {
        World.BatchOp op = op(c);
        int offset = 0;
        String token = c.query("continuationToken");
        if (token != null && !token.isEmpty()) {
            offset = ConnectorRoutes.decodeToken(token, "failed|" + op.id);
        }
        ArrayNode entries = Json2.F.arrayNode();
        for (int i = offset; i < Math.min(op.failed.size(), offset + FAILED_ENTRIES_PAGE); i++) {
            entries.add(Json2.obj("entryId", op.failed.get(i)[0], "error", op.failed.get(i)[1]));
        }
        ObjectNode out = Json2.obj("failedEntryResponses", entries);
        if (offset + FAILED_ENTRIES_PAGE < op.failed.size()) {
            out.put("continuationToken", ConnectorRoutes.encodeToken("failed|" + op.id, offset + FAILED_ENTRIES_PAGE));
        }
        return Reply.json(200, out);
    }

    private Reply cancel(Call c) {
        World.BatchOp op = op(c);
        if ("Ongoing".equals(op.state)) {
            op.state = "Cancelled";
        }
        return Reply.empty(200);
    }
}
