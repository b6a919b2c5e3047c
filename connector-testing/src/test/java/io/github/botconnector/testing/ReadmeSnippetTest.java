package io.github.botconnector.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The root README's test snippet is the consumer project's test, character for character, so the snippet a newcomer
 * copies is the one the build compiles and runs on JUnit 5.11 (src/it/junit5-consumer).
 */
class ReadmeSnippetTest {

    @Test
    void theReadmeTestSnippetIsTheConsumerProjectsTest() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int section = readme.indexOf("## Testing with the fake connector");
        assertTrue(section >= 0, "README section 'Testing with the fake connector'");
        int start = readme.indexOf("```java\n", section) + "```java\n".length();
        String snippet = readme.substring(start, readme.indexOf("```", start));

        String test = Files.readString(Path.of("src", "it", "junit5-consumer", "src", "test", "java", "com", "example",
                "notifier", "WelcomeTest.java"));
        String withoutPackage = test.substring(test.indexOf("\n\n") + 2);
        assertEquals(withoutPackage, snippet);
    }
}
