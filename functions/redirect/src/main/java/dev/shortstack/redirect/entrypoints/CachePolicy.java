package dev.shortstack.redirect.entrypoints;

import dev.shortstack.shared.link.Link;
import java.time.Duration;
import java.time.Instant;

/**
 * Cache-Control for redirect answers. Temporary redirects are never cached, so every visit
 * reaches the function and is counted. Permanent ones are cacheable (that is what 301/308 mean)
 * but never past the link's expiry; links with a visit limit, targeting rules (each visitor may
 * get another URL) or a social preview (bots get a page, people the redirect) are never cached.
 */
public final class CachePolicy {
    static final String NO_STORE = "no-store";
    /** 404 and 410 answers: short, so a newly created or re-enabled link shows up quickly. */
    static final String MISS = "public, max-age=30";

    private final int permanentMaxAgeSeconds;

    public CachePolicy(int permanentMaxAgeSeconds) {
        this.permanentMaxAgeSeconds = permanentMaxAgeSeconds;
    }

    public String forRedirect(Link link, Instant now) {
        if (!link.isPermanentRedirect() || link.hasVisitLimit() || link.hasRules() || link.preview() != null) {
            return NO_STORE;
        }
        long maxAge = permanentMaxAgeSeconds;
        if (link.expiresAt() != null) {
            maxAge = Math.min(maxAge, Math.max(0, Duration.between(now, link.expiresAt()).getSeconds()));
        }
        return maxAge == 0 ? NO_STORE : "public, max-age=" + maxAge;
    }
}
