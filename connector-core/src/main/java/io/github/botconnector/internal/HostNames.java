package io.github.botconnector.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Host name checks that decide by parsing, never by prefix: {@code 127.evil.example} is a DNS name, not a loopback
 * address. Not public API.
 */
public final class HostNames {

    /** One label of a numeric host as C's {@code inet_aton} (and so many resolvers) reads it: decimal, octal, hex. */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("0x[0-9a-f]*|[0-9]+");

    private HostNames() {
    }

    /**
     * Whether {@code host} is {@code localhost}, an IPv4 literal in {@code 127.0.0.0/8} written as four decimal
     * numbers, or the IPv6 loopback {@code ::1} (brackets allowed).
     */
    public static boolean isLoopback(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.contains(":")) {
            return isIpv6Loopback(h);
        }
        int[] octets = dottedQuad(h);
        return octets != null && octets[0] == 127;
    }

    /**
     * Whether {@code host} is an IP address in any form a resolver would accept: an IPv6 literal, a dotted quad, or
     * the shorter and non-decimal IPv4 forms ({@code 2130706433}, {@code 127.1}, {@code 0177.0.0.1},
     * {@code 0x7f.0.0.1}). DNS names never have a numeric last label, so nothing legitimate is caught.
     */
    public static boolean isIpLiteral(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.contains(":") || h.startsWith("[")) {
            return true;
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        String[] labels = h.split("\\.", -1);
        return NUMERIC_LABEL.matcher(labels[labels.length - 1]).matches();
    }

    /** The four octets of a strict dotted-quad IPv4 literal ({@code 0}–{@code 255} in decimal), or {@code null}. */
    static int[] dottedQuad(String h) {
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        int[] octets = new int[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            octets[i] = Integer.parseInt(p);
            if (octets[i] > 255) {
                return null;
            }
        }
        return octets;
    }

    private static boolean isIpv6Loopback(String h) {
        if (!h.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
            return false;
        }
        try {
            // A string of hex digits and colons is parsed as an IPv6 literal; no name lookup happens.
            InetAddress a = InetAddress.getByName(h);
            return a instanceof Inet6Address && a.isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
