package dev.shortstack.shared.click;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One redirect answered, as it travels from the redirect function to the aggregator and into
 * the raw archive. Never carries the raw client IP.
 *
 * @param schemaVersion   bumped on incompatible change; consumers reject versions they don't know
 * @param clickId         unique per click: the de-duplication key of exact rebuilds
 * @param occurredAt      ISO-8601 instant the redirect was answered
 * @param method          GET or HEAD
 * @param status          the HTTP status answered (a redirect code, or 410 once visits ran out)
 * @param country         ISO 3166 alpha-2 from the CDN's viewer-country header, when present
 * @param visitorHash     keyed, daily-rotated hash of the client IP (see {@link VisitorHasher})
 * @param rule            the targeting rule (and split variant) that chose the URL, e.g. {@code rule 2 variant B};
 *                        absent when the link's own URL was served
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClickEvent(
        int schemaVersion,
        String clickId,
        String slug,
        String linkId,
        String workspaceId,
        String occurredAt,
        String method,
        int status,
        String userAgent,
        String referrer,
        String acceptLanguage,
        String country,
        String visitorHash,
        String rule) {

    public static final int SCHEMA_VERSION = 1;

    /** A click served the link's own URL (no rule chose it). */
    public ClickEvent(int schemaVersion, String clickId, String slug, String linkId, String workspaceId, String occurredAt,
                      String method, int status, String userAgent, String referrer, String acceptLanguage, String country,
                      String visitorHash) {
        this(schemaVersion, clickId, slug, linkId, workspaceId, occurredAt, method, status, userAgent, referrer, acceptLanguage,
                country, visitorHash, null);
    }
}
