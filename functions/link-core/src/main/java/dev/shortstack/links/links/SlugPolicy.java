package dev.shortstack.links.links;

import dev.shortstack.shared.infra.ApiRoutes;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Which custom slugs are allowed. Slugs are case-sensitive; reserved words are refused in any case. */
public final class SlugPolicy {
    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 64;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_-]+");

    /** Paths the service (or a CDN in front of it) answers itself, or might in future. */
    private static final Set<String> RESERVED = Set.of(
            "v1", "v2", "v4", "rest", "dub", "api", "health", "healthz", "status", "static", "assets", "favicon.ico", "robots.txt",
            "sitemap.xml", "admin", "dashboard", "app", "login", "logout", "signin", "signup", "www", "docs",
            "keys", "links", "stats", "metrics", "well-known", "_next", "index", "index.html", "manifest.json",
            // Bitly's metric paths end a Bitlink's path (/v4/bitlinks/{domain}/{hash}/clicks): no back-half may be one.
            "clicks", "countries", "referrers");

    private SlugPolicy() {
    }

    /** @return the reason the slug is refused, or empty if it is allowed */
    public static Optional<String> violation(String slug) {
        if (slug.length() < MIN_LENGTH || slug.length() > MAX_LENGTH) {
            return Optional.of("must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long");
        }
        if (!ALLOWED.matcher(slug).matches()) {
            return Optional.of("may contain only letters, digits, '-' and '_'");
        }
        if (isReserved(slug)) {
            return Optional.of("'" + slug + "' is reserved");
        }
        return Optional.empty();
    }

    /** Reserved words, and every first path segment the API answers under (a slug there could never be reached). */
    public static boolean isReserved(String slug) {
        String lower = slug.toLowerCase(Locale.ROOT);
        return RESERVED.contains(lower) || ApiRoutes.prefixes().contains("/" + lower);
    }
}
