package dev.shortstack.jobs.imports;

/** What an import column means to Shortstack. */
enum Column {
    URL,
    SLUG,
    /** A full short link (bit.ly/abc, https://s.test/abc): its last path segment is the slug. */
    SLUG_FROM_SHORT_URL,
    TAGS,
    EXPIRES_AT,
    MAX_VISITS,
    REDIRECT_TYPE,
    DISABLED,
    /** Kept; a title longer than Shortstack's limit is shortened, and the report says so. */
    TITLE,
    DESCRIPTION,
    FALLBACK_URL,
    /** Known, with nothing in Shortstack to keep it in (ids, dates, click counts): skipped silently. */
    SKIPPED,
    /** Known but not kept, worth telling the user once (domains). */
    DROPPED
}
