package io.github.botconnector.testing.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One entry of the routing table. */
final class Route {

    /** Where a route lives and which pipeline stages apply. */
    enum Kind {
        /** Bot Connector / Teams route under a service URL prefix: auth, rate limits, faults. */
        SERVICE,
        /** Login host (token endpoint, metadata, keys): faults only. */
        LOGIN,
        /** Admin API of the standalone fake: not journaled, no auth. */
        ADMIN,
        /** Microsoft Graph routes for proactive installation ({@code /v1.0/...}): Graph auth, faults. */
        GRAPH
    }

    /** Which rate limit a service route counts against. */
    enum Limit {
        WRITE, READ, TENANT_ONLY
    }

    /** Handles a matched request. */
    @FunctionalInterface
    interface Handler {
        Reply handle(Call call);
    }

    final String method;
    final String template;
    final String name;
    final Kind kind;
    final Limit limit;
    final Handler handler;
    private final String[] segments;
    final int literals;

    Route(String method, String template, String name, Kind kind, Limit limit, Handler handler) {
        this.method = method;
        this.template = template;
        this.name = name;
        this.kind = kind;
        this.limit = limit;
        this.handler = handler;
        this.segments = template.substring(1).split("/");
        int n = 0;
        for (String s : segments) {
            if (!s.startsWith("{")) {
                n++;
            }
        }
        this.literals = n;
    }

    /** Path variables when {@code path} (decoded segments) matches the template, else {@code null}. */
    Map<String, String> match(List<String> path) {
        if (path.size() != segments.length) {
            return null;
        }
        Map<String, String> vars = new HashMap<>();
        for (int i = 0; i < segments.length; i++) {
            String t = segments[i];
            if (t.startsWith("{")) {
                if (path.get(i).isEmpty()) {
                    return null;
                }
                vars.put(t.substring(1, t.length() - 1), path.get(i));
            } else if (!t.equalsIgnoreCase(path.get(i))) {
                return null;
            }
        }
        return vars;
    }

    /** The template with variables filled from {@code path} where it has a segment at that position. */
    String filled(List<String> path) {
        StringBuilder sb = new StringBuilder(method).append(' ');
        for (int i = 0; i < segments.length; i++) {
            sb.append('/').append(segments[i].startsWith("{") && i < path.size() ? path.get(i) : segments[i]);
        }
        return sb.toString();
    }

    /** Whether a fault-rule selector names this route. */
    boolean matches(String selector) {
        return selector.equals(name) || selector.equals(method + " " + template) || selector.equals(template);
    }

    @Override
    public String toString() {
        return method + " " + template;
    }
}
