package io.github.botconnector.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.botconnector.schema.Activity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    @Test
    void parallelSendersGetUniqueIncreasingIdsAndEveryMessageIsKept() throws Exception {
        try (FakeConnector fake = FakeConnector.builder().tenant(t -> t.users("User", 8)).start(); Http http = new Http()) {
            List<String> urls = new ArrayList<>();
            for (FakeUser u : fake.users()) {
                fake.installBotFor(u);
                urls.add(fake.serviceUrl() + "v3/conversations/" + Http.seg(fake.personalConversationId(u)) + "/activities");
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<CompletableFuture<List<String>>> futures = new ArrayList<>();
                for (String url : urls) {
                    futures.add(CompletableFuture.supplyAsync(() -> {
                        List<String> ids = new ArrayList<>();
                        for (int i = 0; i < 25; i++) {
                            Http.Resp r = http.post(url, "{\"type\":\"message\",\"text\":\"m" + i + "\"}");
                            assertEquals(201, r.status(), r.body());
                            ids.add(r.json().get("id").asText());
                        }
                        return ids;
                    }, pool));
                }
                Set<String> all = new HashSet<>();
                for (CompletableFuture<List<String>> f : futures) {
                    List<String> ids = f.get();
                    for (int i = 1; i < ids.size(); i++) {
                        assertEquals(-1, Long.compare(Long.parseLong(ids.get(i - 1)), Long.parseLong(ids.get(i))));
                    }
                    all.addAll(ids);
                }
                assertEquals(200, all.size());
            } finally {
                pool.shutdown();
            }
            List<Activity> sent = fake.awaitActivities(200, Duration.ofSeconds(5));
            assertEquals(200, sent.size());
            for (FakeUser u : fake.users()) {
                assertEquals(25, fake.activitiesSentTo(u).size());
            }
            assertEquals(200, fake.exchanges().size());
        }
    }
}
