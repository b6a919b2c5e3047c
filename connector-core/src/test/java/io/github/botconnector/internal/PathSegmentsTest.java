package io.github.botconnector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Path segments are percent-encoded byte by byte (UTF-8), everything but RFC 3986's unreserved characters. */
class PathSegmentsTest {

    @Test
    void encodesEveryByteButTheUnreservedOnes() {
        for (String id : List.of("a:1Zq9pXpkqWvR0xTy0v6oT3mYk7kJ2mU0bXyZcQmPnE", "19:abc@thread.tacv2;messageid=17",
                "29:1-x_y.z~", "Grüße/世界", "emoji 😀 end", "%41", "a b", "\u007f\u0000x", "é", "😀")) {
            assertEquals(reference(id), PathSegments.encode(id), id);
        }
    }

    @Test
    void anUnreservedSegmentIsReturnedAsIs() {
        String id = "abc-DEF_123.~";
        assertSame(id, PathSegments.encode(id));
    }

    /** Byte-wise UTF-8 percent-encoding, the definition. */
    private static String reference(String segment) {
        StringBuilder sb = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }
}
