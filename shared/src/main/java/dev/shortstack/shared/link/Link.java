package dev.shortstack.shared.link;

import dev.shortstack.shared.rules.RedirectRule;
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
 * @param rules       targeting rules, first match wins (empty: every visitor goes to {@code url})
 * @param forwardQuery whether the visit's query string is added to the URL it is sent to (Shlink's default: yes)
 * @param passwordHash the link's password as {@link PasswordHash} stores it, null when the link has none; never shown
 * @param preview      what link-preview bots are shown instead of the destination's page, null for nothing of its own
 * @param domain       the short domain the link lives on, null for the stage's default domain (see {@link LinkKeys})
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
        String fallbackUrl,
        List<RedirectRule> rules,
        boolean forwardQuery,
        String passwordHash,
        SocialPreview preview,
        String domain) {

    public static final int DEFAULT_REDIRECT_TYPE = 302;

    public Link {
        tags = List.copyOf(tags);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** A link without targeting rules. */
    public Link(String slug, String linkId, String workspaceId, String url, int redirectType, Instant createdAt, Instant updatedAt,
                Instant expiresAt, Long maxVisits, List<String> tags, boolean disabled, long version, String createdBy, String title,
                String description, String fallbackUrl) {
        this(slug, linkId, workspaceId, url, redirectType, createdAt, updatedAt, expiresAt, maxVisits, tags, disabled, version, createdBy,
                title, description, fallbackUrl, List.of(), true, null, null, null);
    }

    /** A link without title or description. */
    public Link(String slug, String linkId, String workspaceId, String url, int redirectType, Instant createdAt, Instant updatedAt,
                Instant expiresAt, Long maxVisits, List<String> tags, boolean disabled, long version, String createdBy) {
        this(slug, linkId, workspaceId, url, redirectType, createdAt, updatedAt, expiresAt, maxVisits, tags, disabled, version, createdBy,
                null, null, null);
    }

    /** This link with these targeting rules. */
    public Link withRules(List<RedirectRule> newRules) {
        return new Link(slug, linkId, workspaceId, url, redirectType, createdAt, updatedAt, expiresAt, maxVisits, tags, disabled, version,
                createdBy, title, description, fallbackUrl, newRules, forwardQuery, passwordHash, preview, domain);
    }

    /** This link, forwarding the visit's query or not. */
    public Link withForwardQuery(boolean forwards) {
        return new Link(slug, linkId, workspaceId, url, redirectType, createdAt, updatedAt, expiresAt, maxVisits, tags, disabled, version,
                createdBy, title, description, fallbackUrl, rules, forwards, passwordHash, preview, domain);
    }

    /** This link with a password as {@link PasswordHash} stores it; null for none. */
    public Link withPasswordHash(String newPasswordHash) {
        return new Link(slug, linkId, workspaceId, url, redirectType, createdAt, updatedAt, expiresAt, maxVisits, tags, disabled, version,
                createdBy, title, description, fallbackUrl, rules, forwardQuery, newPasswordHash, preview, domain);
    }

    /** This link with a social preview of its own; null for none. */
    public Link withPreview(SocialPreview newPreview) {
        return new Link(slug, linkId, workspaceId, url, redirectType, createdAt, updatedAt, expiresAt, maxVisits, tags, disabled, version,
                createdBy, title, description, fallbackUrl, rules, forwardQuery, passwordHash, newPreview, domain);
    }

    /** This link on a short domain (null: the default one). */
    public Link onDomain(String newDomain) {
        return new Link(slug, linkId, workspaceId, url, redirectType, createdAt, updatedAt, expiresAt, maxVisits, tags, disabled, version,
                createdBy, title, description, fallbackUrl, rules, forwardQuery, passwordHash, preview, newDomain);
    }

    /** The links table's key: the slug, or {@code domain/slug} on a domain other than the default one. */
    public String key() {
        return LinkKeys.of(domain, slug);
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

    public boolean isPasswordProtected() {
        return passwordHash != null;
    }

    public boolean hasRules() {
        return !rules.isEmpty();
    }

    public boolean isPermanentRedirect() {
        return redirectType == 301 || redirectType == 308;
    }
}
