package io.github.botconnector.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.botconnector.exception.JsonFormatException;
import io.github.botconnector.testing.AuthMode;
import io.github.botconnector.testing.FakeUser;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okio.Buffer;

/**
 * How the fake handles a request: one routing table, and around it fault rules, authentication, rate limits, the
 * route's handler (which applies the {@link FakeService}'s rules to the world) and the {@link Journal}. Not public
 * API.
 */
public final class RequestPipeline extends Dispatcher {

    private final FakeService service;
    private final Router router = new Router();
    private final FaultRules faults = new FaultRules();
    private final RateLimiter limiter;
    private final Journal journal;

    /** The pipeline of a service, with every route registered. */
    public RequestPipeline(FakeService service) {
        this.service = service;
        this.limiter = new RateLimiter(service.settings.rateLimits());
        this.journal = new Journal(service.settings.journalLimit());
        ConnectorRoutes.register(router, service);
        TeamsRoutes.register(router, service);
        LoginRoutes.register(router, service, journal);
        AdminRoutes.register(router, service, this);
        GraphRoutes.register(router, service);
    }

    /** The fault rules. */
    public FaultRules faults() {
        return faults;
    }

    /** The journal. */
    public Journal journal() {
        return journal;
    }

    /** Back to the seed: world, journal, fault rules and rate-limit windows. */
    public void reset() {
        synchronized (service.lock) {
            service.resetWorld();
            journal.clear();
            faults.clear();
            limiter.reset();
        }
    }

    /** Asked for each new connection: whether to reset it before reading the request (a fault rule). */
    public boolean breakNewConnection() {
        if (!faults.breakBeforeRequest()) {
            return false;
        }
        journal.append(new Journal.Entry(service.now(), "?", "?", null, null, okhttp3.Headers.of(), new byte[0], false,
                -1, null, Map.of(), "", "fault: connection reset before the request was read"));
        return true;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        HttpUrl url = request.getUrl();
        String method = request.getMethod() == null ? "GET" : request.getMethod();
        List<String> segs = new ArrayList<>(url.pathSegments());
        while (!segs.isEmpty() && segs.get(segs.size() - 1).isEmpty()) {
            segs.remove(segs.size() - 1);
        }
        // parsed and checked before the lock: what needs no world runs in parallel
        RequestBody body = RequestBody.read(request.getBody() == null ? new byte[0] : request.getBody().toByteArray(),
                postsActivity(method, segs), service);
        Reply reply;
        FaultRules.Rule fault = null;
        boolean drop;
        synchronized (service.lock) {
            Resolved r = resolve(method, segs);
            Route route = r.match == null ? null : r.match.route();
            if (route == null) {
                reply = unmatched(method, segs);
            } else {
                Call call = new Call(method, url, request.getHeaders(), body, r.match.vars(), r.tenantId, r.serviceUrl,
                        r.path);
                String conversationKey = route.kind == Route.Kind.SERVICE ? conversationKey(route, call) : null;
                fault = route.kind == Route.Kind.ADMIN ? null : faults.next(route, conversationKey);
                if (fault != null && fault.action == FaultRules.Action.RESPOND) {
                    reply = faultReply(fault);
                } else if (fault != null && fault.action == FaultRules.Action.DISCONNECT_AFTER_REQUEST) {
                    journal(request, url, route, body.bytes, -1, Reply.empty(-1),
                            "fault: connection closed after the request was read, request not processed");
                    return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
                } else {
                    reply = handle(route, call, conversationKey);
                }
            }
            reply.header("x-ms-request-id", requestId());
            if (faults.armedBeforeRequest()) {
                reply.header("Connection", "close");
            }
            if (route == null || route.kind == Route.Kind.SERVICE) {
                reply.header("MS-CV", msCv());
            }
            String note = reply.note;
            int journaledStatus = reply.status;
            if (fault != null && fault.action == FaultRules.Action.DELAY) {
                note = join(note, "fault: response delayed " + fault.duration.toMillis() + " ms");
            }
            drop = fault != null && fault.action == FaultRules.Action.DROP_RESPONSE;
            if (drop) {
                note = join(note, "fault: request processed, connection closed instead of the " + reply.status
                        + " response");
                journaledStatus = -1;
            }
            if (route == null || route.kind != Route.Kind.ADMIN) {
                journal(request, url, route, body.bytes, journaledStatus, reply, note);
            }
        }
        // the response is built after the lock is released
        return response(reply, fault != null && fault.action == FaultRules.Action.DELAY ? fault : null, drop);
    }

    private static MockResponse response(Reply reply, FaultRules.Rule delay, boolean drop) {
        MockResponse.Builder response = new MockResponse.Builder().code(reply.status);
        if (reply.raw != null) {
            response.body(new Buffer().write(reply.raw));
        } else {
            response.body(reply.body);
        }
        if (reply.contentType != null) {
            response.setHeader("Content-Type", reply.contentType);
        }
        reply.headers.forEach(response::setHeader);
        if (delay != null) {
            response.headersDelay(delay.duration.toMillis(), TimeUnit.MILLISECONDS);
        }
        if (drop) {
            response.onResponseStart(new SocketEffect.CloseSocket());
        }
        return response.build();
    }

    /** Whether a request posts or updates one activity (its body is then checked as one before the lock). */
    private static boolean postsActivity(String method, List<String> segs) {
        int n = segs.size();
        return ("POST".equals(method) && n > 0 && segs.get(n - 1).equals("activities"))
                || (("POST".equals(method) || "PUT".equals(method)) && n > 1 && segs.get(n - 2).equals("activities")
                    && !segs.get(n - 1).equals("history"));
    }

    private void journal(RecordedRequest request, HttpUrl url, Route route, byte[] body, int status, Reply reply,
                         String note) {
        journal.append(new Journal.Entry(service.now(), request.getMethod(), url.encodedPath(), url.encodedQuery(),
                route == null ? null : route.toString(), request.getHeaders(), body,
                route != null && "token".equals(route.name), status, reply.contentType, reply.headers,
                reply.raw != null ? "<" + reply.raw.length + " bytes>" : reply.body, note));
    }

    private static String join(String a, String b) {
        return a == null ? b : a + "; " + b;
    }

    private record Resolved(Router.Match match, String tenantId, String serviceUrl, List<String> path) {
    }

    private Resolved resolve(String method, List<String> segs) {
        Router.Match m = router.find(method, segs, Route.Kind.LOGIN);
        if (m == null) {
            m = router.find(method, segs, Route.Kind.ADMIN);
        }
        if (m == null) {
            m = router.find(method, segs, Route.Kind.GRAPH);
        }
        if (m != null) {
            return new Resolved(m, null, null, segs);
        }
        World world = service.world;
        if (segs.size() >= 2) {
            World.Tenant t = world.tenants.get(segs.get(1));
            if (t != null && t.region().equalsIgnoreCase(segs.get(0))) {
                List<String> rest = segs.subList(2, segs.size());
                Router.Match s = router.find(method, rest, Route.Kind.SERVICE);
                if (s != null) {
                    return new Resolved(s, t.id(), world.serviceUrl(t.id()), rest);
                }
            }
        }
        return new Resolved(null, null, null, segs);
    }

    private Reply unmatched(String method, List<String> segs) {
        World world = service.world;
        List<String> servicePath = segs;
        String prefixHint = "";
        World.Tenant tenant = segs.size() >= 2 ? world.tenants.get(segs.get(1)) : null;
        if (tenant != null) {
            servicePath = segs.subList(2, segs.size());
            if (tenant.region().equalsIgnoreCase(segs.get(0))) {
                List<String> methods = router.methodsFor(servicePath, Route.Kind.SERVICE);
                if (!methods.isEmpty()) {
                    return Reply.message(405, "The requested resource does not support http method '" + method + "'.")
                            .header("Allow", String.join(", ", methods))
                            .note("no " + method + " route; allowed: " + methods);
                }
            } else {
                prefixHint = " The service URL of tenant " + tenant.id() + " is " + world.serviceUrl(tenant.id()) + ".";
            }
        } else if (!segs.isEmpty() && (segs.get(0).equals("v3") || segs.get(0).equals("v1"))) {
            prefixHint = " The path lacks the service URL prefix: call "
                    + world.serviceUrl(world.tenants.keySet().iterator().next())
                    + "v3/... (append to the full serviceUrl, keep its path).";
        }
        Route nearest = router.nearest(method, servicePath);
        String hint = "No route for " + method + " /" + String.join("/", segs) + "." + prefixHint
                + (nearest == null ? "" : " Nearest known route: " + nearest + ".");
        return Reply.error(404, "NotFound", hint).note(hint);
    }

    private Reply handle(Route route, Call call, String conversationKey) {
        try {
            if (route.kind == Route.Kind.GRAPH) {
                Reply denied = authenticate(call, Keys.GRAPH_AUDIENCE);
                if (denied != null) {
                    return GraphRoutes.graphError(401, "InvalidAuthenticationToken",
                            "Access token validation failure. Invalid audience.").note(denied.note);
                }
            }
            if (route.kind == Route.Kind.SERVICE) {
                Reply denied = authenticate(call, Keys.CONNECTOR_AUDIENCE);
                if (denied != null) {
                    return denied;
                }
                long wait = limiter.acquire(call.tenantId,
                        route.limit == Route.Limit.TENANT_ONLY ? null : conversationKey,
                        route.limit == Route.Limit.READ, service.now().toEpochMilli());
                if (wait > 0) {
                    return Reply.error(429, "Throttled", "Too many requests. Retry after " + wait + " seconds.")
                            .header("Retry-After", Long.toString(wait)).note("throttled by the rate limits");
                }
            }
            return route.handler.handle(call);
        } catch (ApiError e) {
            return e.reply;
        } catch (JsonFormatException e) {
            return Reply.error(400, "BadArgument", e.getMessage());
        } catch (RuntimeException e) {
            return Reply.error(500, "ServiceError", "The fake connector failed: " + e)
                    .note("fake failure: " + e);
        }
    }

    private Reply authenticate(Call call, String audience) {
        AuthMode mode = service.settings.auth();
        if (mode == AuthMode.NONE) {
            return null;
        }
        String header = call.headers.get("Authorization");
        String token = header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : null;
        String reason = null;
        if (token == null || token.isEmpty()) {
            reason = header == null ? "no Authorization header" : "Authorization is not a Bearer token";
        } else if (mode == AuthMode.STRICT) {
            reason = service.keys().checkAccessToken(token, service.world.botAppId, audience, service.now());
        }
        if (reason == null) {
            return null;
        }
        return Reply.message(401, "Authorization has been denied for this request.")
                .header("WWW-Authenticate", "Bearer").note("unauthorized: " + reason);
    }

    private static Reply faultReply(FaultRules.Rule fault) {
        int status = fault.status;
        Reply reply = switch (status) {
            case 429 -> Reply.error(429, "Throttled", "Too many requests.");
            case 412 -> Reply.error(412, "PreconditionFailed", "Precondition failed, please try again.");
            case 500, 502 -> Reply.error(status, "ServiceError", "Unknown");
            case 503, 504 -> Reply.empty(status);
            default -> status >= 400 ? Reply.error(status, "ServiceError", "Injected fault") : Reply.empty(status);
        };
        if (fault.duration != null) {
            reply.header("Retry-After", Long.toString(Math.max(0, (fault.duration.toMillis() + 999) / 1000)));
        }
        return reply.note("fault: injected " + status);
    }

    /** The conversation a request is about (for rate limits and fault rules), or {@code null}. */
    private String conversationKey(Route route, Call call) {
        String cid = call.var("conversationId");
        if (cid != null) {
            return cid;
        }
        if (call.var("teamId") != null) {
            return call.var("teamId");
        }
        if (call.var("meetingId") != null) {
            return call.var("meetingId");
        }
        if ("createConversation".equals(route.name)) {
            try {
                JsonNode p = call.json();
                String channel = Json2.text(p, "channelData", "channel", "id");
                if (channel != null) {
                    return channel;
                }
                JsonNode members = Json2.field(p, "members");
                if (members.isArray() && members.size() == 1) {
                    String id = Json2.text(members.get(0), "id");
                    FakeUser u = service.world.findUser(id);
                    return u != null ? service.world.personalId(u.id()) : id;
                }
            } catch (ApiError e) {
                return null;
            }
        }
        return null;
    }

    /** An {@code x-ms-request-id} in Teams' format; unique enough for a test, not a secret. */
    private static String requestId() {
        byte[] b = new byte[20];
        ThreadLocalRandom.current().nextBytes(b);
        String hex = HexFormat.of().formatHex(b);
        return "|" + hex.substring(0, 32) + "." + hex.substring(32, 40) + "_";
    }

    /** An {@code MS-CV} correlation vector. */
    static String msCv() {
        byte[] b = new byte[16];
        ThreadLocalRandom.current().nextBytes(b);
        return Base64.getEncoder().withoutPadding().encodeToString(b) + ".0";
    }
}
