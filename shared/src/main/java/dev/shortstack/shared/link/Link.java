package dev.shortstack.shared.link;

import java.time.Instant;
import java.util.List;

/**
 * A short link.
 *
 * @param linkId    unique per creation: a slug deleted and created again is a new link
 * @param expiresAt null when the link never expires
 * @param maxVisits null when visits are unlimited
 * @param version   incremented by every edit; the ETag for optimistic locking
 * @param title       what the link is, for people (null when it has none); searchable
 * @param description a longer note on the link (null when it has none)
 * @param fallbackUrl where visits go once the link is expired, disabled or used up, instead of the 410 page (null: the page)
 */
public record Link(
        String slug,
        String linkId,
        String workspaceId,
        String url,
        int redirectType,
        Instant createdAt,
        Instant updatedAt,
        Instant expiresAt,
        Long maxVisits,
        List<String> tags,
        boolean disabled,
        long version,
        String createdBy,
        String title,
        String description,
        String fallbackUrl) {

    public static final int DEFAULT_REDIRECT_TYPE = 302;

    public Link {
        tags = List.copyOf(tags);
    }

    /** A link without title or description. */
    public Link(String slug, String linkId, String workspaceId, String url, int redirectType, Instant createdAt, Instant updatedAt,
                Instant expiresAt, Long maxVisits, List<String> tags, boolean disabled, long version, String createdBy) {
        this(slug, linkId, workspaceId, url, redirectType, createdAt, updatedAt, expiresAt, maxVisits, tags, disabled, version, createdBy,
                null, null, null);
    }

    public LinkState stateAt(Instant now) {
        if (disabled) {
            return LinkState.DISABLED;
        }
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return LinkState.EXPIRED;
        }
        return LinkState.ACTIVE;
    }

    public boolean hasVisitLimit() {
        return maxVisits != null;
    }

    public boolean isPermanentRedirect() {
        return redirectType == 301 || redirectType == 308;
    }
}
