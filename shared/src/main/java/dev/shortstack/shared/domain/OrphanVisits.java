package dev.shortstack.shared.domain;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Visits to a short domain that found no link (Shlink's orphan visits): its root, a slug no link has, any other path
 * ({@code /robots.txt}, {@code /wp-login.php}). They travel and are archived as clicks, filed where no link's or
 * workspace's figures look: under the owner's orphan workspace ({@code <owner>~orphans}, a name no workspace can have),
 * with the kind and the domain as the link id ({@code invalid_short_url@go.example.com}) and the path as the slug.
 */
public final class OrphanVisits {
    /** Workspace ids are {@code [A-Za-z0-9_-]}: a tilde keeps the orphan workspace apart from every real one. */
    private static final String WORKSPACE_SUFFIX = "~orphans";
    /** The longest path kept (scanners send long ones). */
    public static final int MAX_PATH = 256;

    /** What a visit that found no link asked for, as Shlink names it. */
    public enum Kind {
        BASE_URL, INVALID_SHORT_URL, REGULAR_404;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Kind> ofWireName(String name) {
            for (Kind kind : values()) {
                if (kind.wireName().equals(name)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    /** One orphan visit's kind and domain, read back from its archived link id. */
    public record Filed(Kind kind, String domain) {
    }

    private OrphanVisits() {
    }

    /** Where a workspace's orphan visits are archived. */
    public static String workspaceOf(String owner) {
        return owner + WORKSPACE_SUFFIX;
    }

    /** @param domain the domain's settings key ({@link ShortDomains#settingsKey}) */
    public static String linkIdOf(Kind kind, String domain) {
        return kind.wireName() + "@" + domain;
    }

    /** Every link id a domain's orphan visits are archived under. */
    public static Set<String> linkIdsOf(String domain) {
        Set<String> ids = new LinkedHashSet<>();
        for (Kind kind : Kind.values()) {
            ids.add(linkIdOf(kind, domain));
        }
        return ids;
    }

    public static Optional<Filed> parse(String linkId) {
        int at = linkId.indexOf('@');
        return at < 0 ? Optional.empty() : Kind.ofWireName(linkId.substring(0, at)).map(kind -> new Filed(kind, linkId.substring(at + 1)));
    }

    public static String clippedPath(String path) {
        return path.length() <= MAX_PATH ? path : path.substring(0, MAX_PATH);
    }
}
