package io.github.botconnector.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveCheckTest {

    @Test
    void withoutCredentialsItSkipsAndSaysSo() {
        CapturedOutput out = new CapturedOutput();

        assertEquals(0, LiveCheck.run(Map.of(), out.stream()));

        assertTrue(out.text().startsWith("Live check skipped: set BOT_APP_ID"), out.text());
    }

    @Test
    void withoutATestPersonItSkipsToo() {
        CapturedOutput out = new CapturedOutput();

        assertEquals(0, LiveCheck.run(Map.of("BOT_APP_ID", "805a9832-b270-4490-a35a-a726f1fc9513",
                "BOT_APP_PASSWORD", "not-used", "BOT_TENANT_ID", "c603ca06-32cc-4a8f-9a2a-a31442aeb907"),
                out.stream()));

        assertTrue(out.text().contains("BOT_LIVE_EMAIL"), out.text());
        assertTrue(!out.text().contains("not-used"), "no secret printed");
    }
}
