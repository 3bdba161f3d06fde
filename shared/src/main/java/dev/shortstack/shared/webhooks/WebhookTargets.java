package dev.shortstack.shared.webhooks;

import dev.shortstack.shared.config.Env;
import dev.shortstack.shared.config.EnvNames;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where webhooks may be sent: https URLs whose host is public. The URL is checked when an endpoint
 * is saved; every address its name resolves to is checked again at each delivery, which then
 * connects to exactly those addresses (so a name that later resolves to an internal address, or
 * rebinds between check and connect, is refused).
 *
 * @param allowLoopback tests and the local runner's explicit flag only: http on 127.0.0.0/8 and ::1 is allowed too
 */
public record WebhookTargets(boolean allowLoopback) {
    public static final int MAX_URL_LENGTH = 2048;
    private static final String DOTTED_QUAD = "((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";

    /** Public targets only, unless the environment says {@code WEBHOOK_ALLOW_LOOPBACK=true} (tests, the local runner's flag). */
    public static WebhookTargets fromEnv(Env env) {
        return new WebhookTargets(Boolean.parseBoolean(env.get(EnvNames.WEBHOOK_ALLOW_LOOPBACK, "false")));
    }

    /** Why a URL cannot be a webhook target, if it cannot. */
    public Optional<String> urlViolation(String url) {
        if (url.length() > MAX_URL_LENGTH) {
            return Optional.of("must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!uri.isAbsolute() || host == null || host.isEmpty()) {
            return Optional.of("must be an absolute https URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials (user:password@)");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment (#...)");
        }
        String lowerHost = host.toLowerCase(Locale.ROOT);
        if (uri.getPort() == 0 || uri.getPort() > 65_535) {
            return Optional.of("must have a port from 1 to 65535");
        }
        if (lowerHost.length() > 253 || Arrays.stream(lowerHost.split("\\.")).anyMatch(label -> label.length() > 63)) {
            return Optional.of("must have a host name of at most 253 characters, 63 per label");
        }
        // HTTP clients connect to a host of digits and dots without asking DNS, reading short forms
        // (127.1, 2130706433, 0) as addresses: only the four-part dotted form is checked as one, the rest refused.
        if (lowerHost.matches("[0-9.]+") && !lowerHost.matches(DOTTED_QUAD)) {
            return Optional.of("must be a host name or an IPv4 address in four dotted parts, not " + host);
        }
        Optional<InetAddress> literal = literalAddress(lowerHost);
        boolean loopbackTarget = literal.map(InetAddress::isLoopbackAddress).orElse(lowerHost.equals("localhost"));
        if (!scheme.equals("https") && !(scheme.equals("http") && allowLoopback && loopbackTarget)) {
            return Optional.of("must use https");
        }
        if (lowerHost.equals("localhost") || lowerHost.endsWith(".localhost")) {
            return allowLoopback ? Optional.empty() : Optional.of("must not name this machine (localhost)");
        }
        if (lowerHost.endsWith(".internal") || lowerHost.endsWith(".local")) {
            return Optional.of("must be a public host, not " + host);
        }
        return literal.flatMap(this::addressViolation);
    }

    /** Why a resolved address may not be connected to, if it may not. */
    public Optional<String> addressViolation(InetAddress address) {
        InetAddress checked = unmapped(address);
        if (checked.isLoopbackAddress()) {
            return allowLoopback ? Optional.empty() : Optional.of(describe(address, "a loopback address"));
        }
        if (checked.isAnyLocalAddress()) {
            return Optional.of(describe(address, "an unspecified address"));
        }
        if (checked.isLinkLocalAddress()) {
            return Optional.of(describe(address, "a link-local address (where cloud metadata services listen)"));
        }
        if (checked.isSiteLocalAddress() || isUniqueLocal(checked) || isSharedOrReserved(checked) || isTranslated(checked)) {
            return Optional.of(describe(address, "a private or reserved address"));
        }
        if (checked.isMulticastAddress()) {
            return Optional.of(describe(address, "a multicast address"));
        }
        return Optional.empty();
    }

    private static String describe(InetAddress address, String what) {
        return "resolves to " + address.getHostAddress() + ", " + what;
    }

    /** IPv4 addresses carried in IPv6 (::ffff:a.b.c.d, and the deprecated ::a.b.c.d) are judged as IPv4. */
    private static InetAddress unmapped(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] b = address.getAddress();
            boolean zeroPrefix = true;
            for (int i = 0; i < 10; i++) {
                zeroPrefix &= b[i] == 0;
            }
            boolean mapped = zeroPrefix && b[10] == (byte) 0xff && b[11] == (byte) 0xff;
            boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0 && (b[12] | b[13] | b[14]) != 0;
            if (mapped || compatible) {
                try {
                    return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
                } catch (UnknownHostException impossible) {
                    throw new IllegalStateException(impossible);
                }
            }
        }
        return address;
    }

    /** NAT64 (64:ff9b::/96) and 6to4 (2002::/16): IPv6 addresses that reach an IPv4 one, which could be internal. */
    private static boolean isTranslated(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return false;
        }
        byte[] b = address.getAddress();
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b;
        boolean sixToFour = b[0] == 0x20 && b[1] == 0x02;
        return nat64 || sixToFour;
    }

    /** fc00::/7, including AWS's IPv6 metadata address fd00:ec2::254. */
    private static boolean isUniqueLocal(InetAddress address) {
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
    }

    /** 0/8, 100.64/10 (carrier-grade NAT), 192.0.0/24, 198.18/15 (benchmarking), 240/4 and broadcast. */
    private static boolean isSharedOrReserved(InetAddress address) {
        if (!(address instanceof Inet4Address)) {
            return false;
        }
        byte[] b = address.getAddress();
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0
                || (first == 100 && second >= 64 && second <= 127)
                || (first == 192 && second == 0 && (b[2] & 0xff) == 0)
                || (first == 198 && (second == 18 || second == 19))
                || first >= 240;
    }

    /** The address an IP literal host names (brackets of IPv6 removed); empty for a name. */
    private static Optional<InetAddress> literalAddress(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean ipv4 = bare.matches("[0-9.]+") && bare.chars().filter(c -> c == '.').count() == 3;
        boolean ipv6 = bare.contains(":") && bare.matches("[0-9a-f:.]+");
        if (!ipv4 && !ipv6) {
            return Optional.empty();
        }
        try {
            // A literal: parsed, never looked up.
            return Optional.of(InetAddress.getByName(bare));
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
    }
}
