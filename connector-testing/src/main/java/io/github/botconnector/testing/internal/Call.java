package io.github.botconnector.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/** A matched request as handlers see it. */
final class Call {
    final String method;
    final HttpUrl url;
    final Headers headers;
    final String body;
    final byte[] bodyBytes;
    final RequestBody requestBody;
    final Map<String, String> vars;
    /** Tenant of the service URL prefix (service routes), else {@code null}. */
    final String tenantId;
    /** The service URL the request came in on (service routes), else {@code null}. */
    final String serviceUrl;
    final List<String> path;

    Call(String method, HttpUrl url, Headers headers, RequestBody body, Map<String, String> vars, String tenantId,
         String serviceUrl, List<String> path) {
        this.method = method;
        this.url = url;
        this.headers = headers;
        this.requestBody = body;
        this.bodyBytes = body.bytes;
        this.body = body.text;
        this.vars = vars;
        this.tenantId = tenantId;
        this.serviceUrl = serviceUrl;
        this.path = path;
    }

    String var(String name) {
        return vars.get(name);
    }

    String query(String name) {
        return url.queryParameter(name);
    }

    /** The body as JSON; a body that is not JSON answers 400 BadSyntax. */
    JsonNode json() {
        return requestBody.json();
    }
}
