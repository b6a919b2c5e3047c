package io.github.botconnector.internal;

import io.github.botconnector.auth.BotCloud;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which {@link BotCloud} preset a Bot Connector host belongs to, for messages that name the preset. Not public API. */
public final class CloudPresets {

    /** The presets with the constant names a message can point users to. */
    private static final List<Map.Entry<String, BotCloud>> PRESETS = List.of(
            Map.entry("BotCloud.PUBLIC", BotCloud.PUBLIC),
            Map.entry("BotCloud.US_GOV_GCC_HIGH", BotCloud.US_GOV_GCC_HIGH),
            Map.entry("BotCloud.US_GOV_DOD", BotCloud.US_GOV_DOD),
            Map.entry("BotCloud.CHINA", BotCloud.CHINA));

    private CloudPresets() {
    }

    /**
     * Whether {@code host} (lower case) is one of {@code exact} or a subdomain of one of {@code suffixes}; never a
     * name under the shared {@code trafficmanager.net}.
     */
    public static boolean matches(String host, Set<String> exact, Set<String> suffixes) {
        if (exact.contains(host)) {
            return true;
        }
        for (String suffix : suffixes) {
            if (host.endsWith("." + suffix) && !host.endsWith(".trafficmanager.net")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The constant name ({@code BotCloud.US_GOV_GCC_HIGH}) of the preset other than {@code current} whose hosts
     * include {@code host} (exact hosts first, then suffixes that {@code current} does not share), or {@code null}.
     */
    public static String presetTrusting(String host, BotCloud current) {
        for (Map.Entry<String, BotCloud> p : PRESETS) {
            if (!p.getValue().equals(current) && p.getValue().trustedHosts().contains(host)) {
                return p.getKey();
            }
        }
        for (Map.Entry<String, BotCloud> p : PRESETS) {
            BotCloud c = p.getValue();
            if (!c.equals(current) && matches(host, Set.of(), c.trustedHostSuffixes())
                    && !matches(host, Set.of(), current.trustedHostSuffixes())) {
                return p.getKey();
            }
        }
        return null;
    }
}
