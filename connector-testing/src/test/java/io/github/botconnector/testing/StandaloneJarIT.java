package io.github.botconnector.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.botconnector.schema.ConversationReference;
import io.github.botconnector.test.Fixtures;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Runs the packaged standalone jar as a separate process (after {@code package}). */
class StandaloneJarIT {

    @Test
    void startsAnswersCreateAndSendAndStopsOnSignal() throws Exception {
        String jar = System.getProperty("standalone.jar");
        assertNotNull(jar, "standalone.jar system property (set by the build)");
        assertTrue(Files.isRegularFile(Path.of(jar)), jar);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", jar, "--port", "0", "--contoso")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (Http http = new Http()) {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get(60, TimeUnit.SECONDS);
            assertNotNull(line, "the process printed nothing");
            Matcher m = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+) serviceUrl=(\\S+)").matcher(line);
            assertTrue(m.find(), line);
            String base = m.group(1);
            String serviceUrl = m.group(2);

            String users = http.get(base + "/_admin/world").json().get("users").toString();
            assertTrue(users.contains("Adele Vance"), users);
            Http.Resp added = http.post(base + "/_admin/users", "{\"name\":\"Megan Bowen\"}");
            assertEquals(201, added.status(), added.body());
            String adele = "29:1rLA8axJC9icrhSQQbKQwSIrK1RtIEkowbq7wDybG9I0VGs-mpjBA6KvisxrKPpFFc-mmc1C0Q-4dYbOSAo-6TA";
            Http.Resp installed = http.post(base + "/_admin/install", "{\"userId\":\"" + adele + "\"}");
            assertEquals(200, installed.status(), installed.body());
            ConversationReference ref = ConversationReference.fromJson(installed.body());
            assertEquals(serviceUrl, ref.serviceUrl());

            Http.Resp created = http.post(serviceUrl + "v3/conversations",
                    Fixtures.read("connector/create-conversation-personal.request.json"));
            assertEquals(201, created.status(), created.body());
            assertEquals(ref.conversation().id(), created.json().get("id").asText());
            Http.Resp sent = http.post(serviceUrl + "v3/conversations/" + Http.seg(ref.conversation().id()) + "/activities",
                    Fixtures.read("connector/send-to-conversation.request.json"));
            assertEquals(201, sent.status(), sent.body());

            JsonNode journal = TestJson.tree(http.get(base + "/_admin/journal").body());
            assertEquals(2, journal.size(), "admin calls are not journaled");
            assertEquals(201, journal.get(1).get("status").asInt());
            JsonNode conv = http.get(base + "/_admin/conversations/" + Http.seg(ref.conversation().id())).json();
            assertEquals(1, conv.get("activities").size());
            assertEquals(204, http.post(base + "/_admin/reset", "").status());
            assertEquals(0, TestJson.tree(http.get(base + "/_admin/journal").body()).size());
        } finally {
            process.destroy();
        }
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the fake stops on SIGTERM");
        assertFalse(process.isAlive());
        assertEquals(143, process.exitValue(), "terminated by the signal after the shutdown hook ran");
        assertTrue(new File(System.getProperty("standalone.jar")).length() > 1_000_000);
    }
}
