package dev.shortstack.bench.soak;

/**
 * One request of the soak and what it was answered.
 *
 * @param op         what it was: redirect, create, edit, delete, stats, import, export, read
 * @param key        the link's slug (or the job's id) it was about, when it was about one
 * @param status     the HTTP status, or 0 when no answer came at all
 * @param retryAfter whether the answer carried Retry-After
 * @param error      why no answer came (status 0), else null
 */
record Answer(long startedNanos, long latencyNanos, String op, String key, int status, boolean retryAfter, String error) {
}
