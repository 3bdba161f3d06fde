package dev.shortstack.shared.domain;

import dev.shortstack.shared.config.ConfigException;
import dev.shortstack.shared.config.Env;
import dev.shortstack.shared.config.EnvNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The short domains a stage answers for besides its default one, and which workspace owns each. Ownership
 * is configuration (stages.json, the runner's {@code --domain}): a domain needs DNS and a certificate, which
 * the operator sets up, so it is the operator who gives it to a workspace. The default domain is shared by
 * every workspace; it may be given an owner too, who then decides its root and not-found pages and sees its
 * orphan visits.
 *
 * @param owners       extra domain (lower case) to the workspace that owns it, in configuration order
 * @param defaultOwner the workspace that owns the default domain's settings, or null for none
 */
public record ShortDomains(Map<String, String> owners, String defaultOwner) {
    /** Where a domain's settings and visits are filed when it is the default domain, whose name the redirect never knows. */
    public static final String DEFAULT_DOMAIN = "default";
    /** A host name as DNS allows it, with at least one dot (so it never collides with {@link #DEFAULT_DOMAIN}). */
    private static final Pattern HOST = Pattern.compile("(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern WORKSPACE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public static final ShortDomains NONE = new ShortDomains(Map.of(), null);

    public ShortDomains {
        owners = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(owners));
    }

    /** {@code SHORT_DOMAINS} ({@code host=workspace,...}) and {@code DEFAULT_DOMAIN_WORKSPACE}, both optional. */
    public static ShortDomains fromEnv(Env env) {
        return parse(env.get(EnvNames.SHORT_DOMAINS, ""), env.optional(EnvNames.DEFAULT_DOMAIN_WORKSPACE).filter(s -> !s.isBlank()).orElse(null));
    }

    public static ShortDomains parse(String spec, String defaultOwner) {
        if (defaultOwner != null && !WORKSPACE.matcher(defaultOwner).matches()) {
            throw new ConfigException(EnvNames.DEFAULT_DOMAIN_WORKSPACE + " must be a workspace id, got '" + defaultOwner + "'");
        }
        Map<String, String> owners = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.trim().split("=", -1);
            String host = parts[0].trim().toLowerCase(Locale.ROOT);
            if (parts.length != 2 || !isHostName(host) || !WORKSPACE.matcher(parts[1].trim()).matches()) {
                throw new ConfigException(EnvNames.SHORT_DOMAINS + " must list host=workspace pairs separated by commas"
                        + " (a host with at least one dot), got '" + entry.trim() + "'");
            }
            if (owners.put(host, parts[1].trim()) != null) {
                throw new ConfigException(EnvNames.SHORT_DOMAINS + " names '" + host + "' twice");
            }
        }
        return new ShortDomains(owners, defaultOwner);
    }

    /** The environment value {@link #parse} reads back. */
    public String spec() {
        StringBuilder spec = new StringBuilder();
        owners.forEach((host, workspace) -> spec.append(spec.isEmpty() ? "" : ",").append(host).append('=').append(workspace));
        return spec.toString();
    }

    /** Whether a name is a host name a short domain can have: lower-case labels, at least one dot. */
    public static boolean isHostName(String host) {
        return host != null && HOST.matcher(host).matches();
    }

    /**
     * The extra domain a request's {@code Host} names, or null when it names the default domain (or any host
     * this stage does not know: the default domain answers for those, as it did before there were domains).
     */
    public String domainOf(String hostHeader) {
        String host = normalised(hostHeader);
        return host != null && owners.containsKey(host) ? host : null;
    }

    /** A Host header's name: lower case, without port or trailing dot; null for none. */
    public static String normalised(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return null;
        }
        String host = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            return host; // an IPv6 literal is never a short domain
        }
        int colon = host.indexOf(':');
        if (colon >= 0) {
            host = host.substring(0, colon);
        }
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    /** Who owns a domain (null: the default domain). */
    public Optional<String> ownerOf(String domain) {
        return Optional.ofNullable(domain == null ? defaultOwner : owners.get(domain));
    }

    /** The extra domains a workspace owns, in configuration order. */
    public List<String> ownedBy(String workspaceId) {
        return owners.entrySet().stream().filter(e -> e.getValue().equals(workspaceId)).map(Map.Entry::getKey).toList();
    }

    /** Whether a workspace may make links on a domain: the default (null) is everyone's, an extra domain its owner's. */
    public boolean usableBy(String domain, String workspaceId) {
        return domain == null || workspaceId.equals(owners.get(domain));
    }

    /** The name a domain's settings and orphan visits are filed under: its host, or {@link #DEFAULT_DOMAIN}. */
    public static String settingsKey(String domain) {
        return domain == null ? DEFAULT_DOMAIN : domain;
    }
}
