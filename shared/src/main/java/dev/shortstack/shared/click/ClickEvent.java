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
        String visitorHash) {

    public static final int SCHEMA_VERSION = 1;
}
