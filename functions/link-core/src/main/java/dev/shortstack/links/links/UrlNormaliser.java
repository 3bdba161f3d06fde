package dev.shortstack.links.links;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what people paste into a URL the redirect can send as a {@code Location}: surrounding
 * whitespace trimmed, an internationalised host converted to punycode ({@code bücher.example} →
 * {@code xn--bcher-kva.example}), and characters a URL cannot carry as they are (spaces, non-ASCII,
 * {@code " < > \ ^ ` { | }}) percent-encoded as UTF-8, as a browser does when it follows the link.
 * Existing {@code %XX} escapes and everything else are left alone; {@link UrlPolicy} then decides.
 */
public final class UrlNormaliser {
    private static final Pattern ABSOLUTE = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*)://([^/?#]*)(.*)$", Pattern.DOTALL);
    private static final Pattern HOST_PORT = Pattern.compile("^(.*?)(:\\d*)?$");
    private static final String UNSAFE = " \"<>\\^`{|}";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UrlNormaliser() {
    }

    public static String normalise(String raw) {
        String url = raw.strip();
        Matcher m = ABSOLUTE.matcher(url);
        if (!m.matches()) {
            return url;
        }
        return m.group(1) + "://" + authority(m.group(2)) + encodeUnsafe(m.group(3));
    }

    /** Only the host changes: user info is refused by the policy anyway, an IPv6 literal is ASCII. */
    private static String authority(String authority) {
        int at = authority.lastIndexOf('@');
        String userInfo = at >= 0 ? authority.substring(0, at + 1) : "";
        Matcher hostPort = HOST_PORT.matcher(authority.substring(at + 1));
        if (!hostPort.matches() || isAscii(hostPort.group(1))) {
            return authority;
        }
        try {
            String host = IDN.toASCII(hostPort.group(1), IDN.ALLOW_UNASSIGNED);
            return userInfo + host + (hostPort.group(2) == null ? "" : hostPort.group(2));
        } catch (IllegalArgumentException notAHostName) {
            return authority;   // UrlPolicy names what is wrong with it
        }
    }

    private static String encodeUnsafe(String pathQueryFragment) {
        StringBuilder out = new StringBuilder(pathQueryFragment.length());
        for (int i = 0; i < pathQueryFragment.length(); ) {
            int codePoint = pathQueryFragment.codePointAt(i);
            if (codePoint < 0x80 && codePoint > 0x20 && UNSAFE.indexOf(codePoint) < 0 && codePoint != 0x7F) {
                out.append((char) codePoint);
            } else {
                for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
            }
            i += Character.charCount(codePoint);
        }
        return out.toString();
    }

    private static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c < 0x80);
    }
}
