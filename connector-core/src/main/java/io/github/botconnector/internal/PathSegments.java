package io.github.botconnector.internal;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encodes ids as whole URL path segments: every byte of the UTF-8 form except the unreserved characters
 * {@code A-Z a-z 0-9 - . _ ~} (so {@code :} becomes {@code %3A}, {@code ;} {@code %3B}, {@code =} {@code %3D},
 * {@code @} {@code %40}, {@code /} {@code %2F}). Not public API.
 */
public final class PathSegments {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathSegments() {
    }

    /**
     * The encoded segment.
     *
     * @throws IllegalArgumentException for {@code null}, {@code "."} and {@code ".."} (they would change the path)
     */
    public static String encode(String segment) {
        if (segment == null || segment.equals(".") || segment.equals("..")) {
            throw new IllegalArgumentException("'" + segment + "' cannot be used as an id in a URL path");
        }
        int i = 0;
        while (i < segment.length() && unreserved(segment.charAt(i))) {
            i++;
        }
        if (i == segment.length()) {
            return segment;
        }
        StringBuilder sb = new StringBuilder(segment.length() + 16).append(segment, 0, i);
        for (; i < segment.length(); i++) {
            char ch = segment.charAt(i);
            if (unreserved(ch)) {
                sb.append(ch);
            } else if (ch < 0x80) {
                sb.append('%').append(HEX[ch >> 4]).append(HEX[ch & 0xf]);
            } else {
                // Rare: the rest as UTF-8 bytes (a surrogate pair stays together).
                for (byte b : segment.substring(i).getBytes(StandardCharsets.UTF_8)) {
                    int c = b & 0xff;
                    if (unreserved((char) c)) {
                        sb.append((char) c);
                    } else {
                        sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    }
                }
                break;
            }
        }
        return sb.toString();
    }

    /** RFC 3986's unreserved characters, by ASCII code. */
    private static final boolean[] UNRESERVED = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            UNRESERVED[c] = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~';
        }
    }

    private static boolean unreserved(char c) {
        return c < 128 && UNRESERVED[c];
    }

    /**
     * Checks that {@code value} is a usable id and returns it encoded.
     *
     * @param field the parameter name used in the error message
     * @throws IllegalArgumentException naming {@code field} when the value is null, blank, "." or ".."
     */
    public static String id(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank; pass the id from the inbound activity or"
                    + " the stored ConversationReference");
        }
        if (value.equals(".") || value.equals("..")) {
            throw new IllegalArgumentException(field + " '" + value + "' is not a valid id");
        }
        return encode(value);
    }

    /** Joins already encoded segments with {@code /}. */
    public static String join(String... encodedSegments) {
        return String.join("/", encodedSegments);
    }
}
