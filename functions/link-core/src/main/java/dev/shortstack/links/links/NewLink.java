package dev.shortstack.links.links;

import dev.shortstack.shared.link.SocialPreview;
import dev.shortstack.shared.rules.RedirectRule;
import java.time.Instant;
import java.util.List;

/**
 * A validated create request. {@code slug} is null when the service should pick one; title and description may be null; no
 * rules is an empty list; {@code domain} is the host the request names, null when it names none (the workspace's default).
 */
public record NewLink(String url, String slug, Instant expiresAt, Long maxVisits, int redirectType, List<String> tags, String title,
                      String description, String fallbackUrl, List<RedirectRule> rules, boolean forwardQuery, String passwordHash,
                      SocialPreview preview, String domain) {

    public NewLink {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** A link without targeting rules. */
    public NewLink(String url, String slug, Instant expiresAt, Long maxVisits, int redirectType, List<String> tags, String title,
                   String description, String fallbackUrl) {
        this(url, slug, expiresAt, maxVisits, redirectType, tags, title, description, fallbackUrl, List.of(), true, null, null, null);
    }

    /** This request on a domain (a host as the request names it; null: the workspace's default). */
    public NewLink onDomain(String host) {
        return new NewLink(url, slug, expiresAt, maxVisits, redirectType, tags, title, description, fallbackUrl, rules, forwardQuery,
                passwordHash, preview, host);
    }

    /** A link without title or description. */
    public NewLink(String url, String slug, Instant expiresAt, Long maxVisits, int redirectType, List<String> tags) {
        this(url, slug, expiresAt, maxVisits, redirectType, tags, null, null, null);
    }
}
