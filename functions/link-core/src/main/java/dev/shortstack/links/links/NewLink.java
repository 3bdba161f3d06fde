package dev.shortstack.links.links;

import java.time.Instant;
import java.util.List;

/** A validated create request. {@code slug} is null when the service should pick one; title and description may be null. */
public record NewLink(String url, String slug, Instant expiresAt, Long maxVisits, int redirectType, List<String> tags, String title,
                      String description, String fallbackUrl) {

    /** A link without title or description. */
    public NewLink(String url, String slug, Instant expiresAt, Long maxVisits, int redirectType, List<String> tags) {
        this(url, slug, expiresAt, maxVisits, redirectType, tags, null, null, null);
    }
}
