package io.github.botconnector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.botconnector.auth.TokenProvider;
import io.github.botconnector.internal.ConnectorTransport;
import io.github.botconnector.internal.PathSegments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** Request URLs are the service URL plus the encoded path, exactly as OkHttp's own path joining makes them. */
class TransportUrlTest {

    @Test
    void everyPathGivesTheUrlOkHttpWouldBuild() {
        List<String> ids = List.of("a:1Zq9pXpkqWvR0xTy0v6oT3mYk7kJ2mU0bXyZcQmPnE", "19:abc@thread.tacv2;messageid=17",
                "29:1-x_y.z~", "Grüße/世界", "emoji 😀 end", "%41", "a b", "é", ".", "..", "%2e", "%2E%2e", "x");
        List<String> paths = new ArrayList<>();
        for (String id : ids) {
            String e = id.equals(".") || id.equals("..") ? id : PathSegments.encode(id);
            paths.addAll(List.of("v3/conversations/" + e + "/activities", "/v3/conversations/" + e,
                    "v3/conversations/" + e + "/activities/" + e + "/members", e));
        }
        paths.addAll(List.of("v3/conversations", "v3/batch/conversation/users/", "/v3//x", "a\\b/c", "a/./b", "a/../b",
                "../../x", "a/b/..", "", "/", "a%2Fb/c", "v3/conversations?x", "a#b"));
        for (String serviceUrl : List.of("https://smba.trafficmanager.net/teams/", "https://smba.trafficmanager.net/amer",
                "https://example.botframework.com")) {
            try (ConnectorClient client = ConnectorClient.builder().serviceUrl(serviceUrl)
                    .credentials(TokenProvider.fixed("t")).build()) {
                ConnectorTransport transport = client.transport();
                HttpUrl base = HttpUrl.get(serviceUrl.endsWith("/") ? serviceUrl : serviceUrl + "/");
                for (String path : paths) {
                    String p = path.startsWith("/") ? path.substring(1) : path;
                    assertEquals(base.newBuilder().addEncodedPathSegments(p).build(), transport.url(path, null),
                            serviceUrl + " + " + path);
                    assertEquals(base.newBuilder().addEncodedPathSegments(p).addQueryParameter("q", "a b&c").build(),
                            transport.url(path, Map.of("q", "a b&c")), serviceUrl + " + " + path + " with a query");
                }
            }
        }
    }
}
