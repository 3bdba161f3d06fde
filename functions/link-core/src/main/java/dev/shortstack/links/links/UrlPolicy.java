package dev.shortstack.links.links;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which destinations a link may point to: absolute http(s) URLs with a host, no credentials,
 * not one of the service's own short domains (a redirect loop), not a blocked domain or its subdomains.
 */
public final class UrlPolicy {
    public static final int MAX_LENGTH = 2048;

    private final Set<String> shortHosts;
    private final Set<String> blockedDomains;

    public UrlPolicy(String shortBaseUrl, String blockedDomainsCsv) {
        this(shortBaseUrl, blockedDomainsCsv, Set.of());
    }

    /** @param otherShortHosts the stage's short domains besides the default one */
    public UrlPolicy(String shortBaseUrl, String blockedDomainsCsv, Set<String> otherShortHosts) {
        Set<String> hosts = new java.util.HashSet<>(otherShortHosts);
        hosts.add(URI.create(shortBaseUrl).getHost().toLowerCase(Locale.ROOT));
        this.shortHosts = Set.copyOf(hosts);
        this.blockedDomains = blockedDomainsCsv == null ? Set.of() : Arrays.stream(blockedDomainsCsv.split(","))
                .map(d -> d.trim().toLowerCase(Locale.ROOT))
                .map(d -> d.startsWith(".") ? d.substring(1) : d)
                .filter(d -> !d.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** @return the reason the URL is refused, or empty if it is allowed */
    public Optional<String> violation(String url) {
        Optional<String> form = formViolation(url);
        if (form.isPresent()) {
            return form;
        }
        String host = URI.create(url).getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (shortHosts.contains(host)) {
            return Optional.of("must not point to this service's own short domain");
        }
        for (String blocked : blockedDomains) {
            if (host.equals(blocked) || host.endsWith("." + blocked)) {
                return Optional.of("domain '" + blocked + "' is blocked");
            }
        }
        return Optional.empty();
    }

    /** Only the URL's form: absolute http(s), a host, no credentials, not too long. @return the reason it is refused */
    public static Optional<String> formViolation(String url) {
        if (url.isEmpty()) {
            return Optional.of("must not be empty");
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme();
        if (scheme == null) {
            return Optional.of("must be an absolute URL starting with http:// or https://");
        }
        scheme = scheme.toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("scheme '" + scheme + "' is not allowed; use http or https");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not contain credentials (user:password@)");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return Optional.of("must have a host (write internationalised domains in punycode)");
        }
        return Optional.empty();
    }
}
