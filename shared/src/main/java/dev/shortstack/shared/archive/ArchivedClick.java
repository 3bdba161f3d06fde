package dev.shortstack.shared.archive;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.shortstack.shared.click.ClickEvent;

/**
 * One line of the click archive: the click event as the redirect sent it, and what the aggregator
 * classified it as. The archive is the single source of truth of every analytics figure, so it
 * keeps both: the raw fields for exports, the classified ones so that a query never has to parse
 * a user agent again.
 *
 * @param bot          true for previews, crawlers and scripts; bots count only under {@code botName}
 * @param botName      the bot's name, null for humans
 * @param referrerHost the referrer's host without {@code www.}, {@code (direct)} without one
 * @param country      ISO 3166 alpha-2 or {@code (unknown)} (the classified value, not the raw header)
 * @param rule         for humans, the targeting rule that served the click or {@code (default)}; null for bots and
 *                     for clicks archived before rules existed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArchivedClick(
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
        String visitorHash,
        boolean bot,
        String botName,
        String country,
        String referrerHost,
        String device,
        String os,
        String browser,
        String language,
        String rule) {

    /** What humans served the link's own URL count under, in the rule breakdown. */
    public static final String DEFAULT_RULE = "(default)";

    /** Version 2: the click event plus its classification (version 1 objects held bare click events). */
    public static final int SCHEMA_VERSION = 2;

    public static ArchivedClick human(ClickEvent e, String country, String referrerHost, String device, String os,
                                      String browser, String language) {
        return new ArchivedClick(SCHEMA_VERSION, e.clickId(), e.slug(), e.linkId(), e.workspaceId(), e.occurredAt(),
                e.method(), e.status(), e.userAgent(), e.referrer(), e.acceptLanguage(), e.visitorHash(),
                false, null, country, referrerHost, device, os, browser, language, e.rule() == null ? DEFAULT_RULE : e.rule());
    }

    public static ArchivedClick bot(ClickEvent e, String botName) {
        return new ArchivedClick(SCHEMA_VERSION, e.clickId(), e.slug(), e.linkId(), e.workspaceId(), e.occurredAt(),
                e.method(), e.status(), e.userAgent(), e.referrer(), e.acceptLanguage(), e.visitorHash(),
                true, botName, null, null, null, null, null, null, null);
    }
}
