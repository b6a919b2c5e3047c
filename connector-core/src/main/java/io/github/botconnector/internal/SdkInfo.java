package io.github.botconnector.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The SDK version and the {@code User-Agent} header value. Not public API. */
public final class SdkInfo {

    private static final String VERSION = readVersion();

    private SdkInfo() {
    }

    /** The SDK version, for example {@code 0.1.0}. */
    public static String version() {
        return VERSION;
    }

    /**
     * {@code bot-connector-java/<version> (Java <version>; <os> <arch>)} followed by {@code " " + suffix} when a suffix
     * is given. Non-ASCII characters are replaced so the value is a legal header.
     */
    public static String userAgent(String suffix) {
        String ua = "bot-connector-java/" + VERSION + " (Java " + System.getProperty("java.version") + "; "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ")";
        if (suffix != null && !suffix.isBlank()) {
            ua += " " + suffix.trim();
        }
        StringBuilder sb = new StringBuilder(ua.length());
        for (char c : ua.toCharArray()) {
            sb.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return sb.toString();
    }

    private static String readVersion() {
        try (InputStream in = SdkInfo.class.getResourceAsStream("sdk-version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank() && !v.startsWith("$")) {
                    return v.trim();
                }
            }
        } catch (IOException e) {
            // fall through to the unknown version
        }
        return "unknown";
    }
}
