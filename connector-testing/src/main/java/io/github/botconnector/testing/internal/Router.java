package io.github.botconnector.testing.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The routing table: every route the fake answers, in one list. */
final class Router {

    /** A route matched with its variables. */
    record Match(Route route, Map<String, String> vars) {
    }

    private final List<Route> routes = new ArrayList<>();

    Router add(String method, String template, String name, Route.Kind kind, Route.Limit limit, Route.Handler handler) {
        routes.add(new Route(method, template, name, kind, limit, handler));
        return this;
    }

    /** The most specific route of {@code kind} matching, or {@code null}. Methods are compared exactly. */
    Match find(String method, List<String> path, Route.Kind kind) {
        Match best = null;
        for (Route r : routes) {
            if (r.kind != kind || !r.method.equals(method)) {
                continue;
            }
            Map<String, String> vars = r.match(path);
            if (vars != null && (best == null || r.literals > best.route().literals)) {
                best = new Match(r, vars);
            }
        }
        return best;
    }

    /** Whether some route matches the path with another method. */
    List<String> methodsFor(List<String> path, Route.Kind kind) {
        List<String> methods = new ArrayList<>();
        for (Route r : routes) {
            if (r.kind == kind && r.match(path) != null && !methods.contains(r.method)) {
                methods.add(r.method);
            }
        }
        return methods;
    }

    /** The known route closest to a request (edit distance on the filled-in template). */
    Route nearest(String method, List<String> path) {
        String request = method + " /" + String.join("/", path);
        Route best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Route r : routes) {
            if (r.kind == Route.Kind.ADMIN) {
                continue;
            }
            int d = distance(request, r.filled(path));
            if (d < bestDistance) {
                bestDistance = d;
                best = r;
            }
        }
        return best;
    }

    List<Route> all() {
        return Collections.unmodifiableList(routes);
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = Character.toLowerCase(a.charAt(i - 1)) == Character.toLowerCase(b.charAt(j - 1)) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
