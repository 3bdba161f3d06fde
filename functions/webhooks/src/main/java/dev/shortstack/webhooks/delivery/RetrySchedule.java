package dev.shortstack.webhooks.delivery;

import java.time.Duration;

/**
 * When a failed delivery is tried again: the first retry after {@code base}, each next one after
 * twice as long, never longer than {@code max}. With the defaults (30 s, 4 h) and 15 attempts the
 * retries span about a day.
 */
public record RetrySchedule(Duration base, Duration max, int maxAttempts) {
    public static final Duration DEFAULT_BASE = Duration.ofSeconds(30);
    public static final Duration DEFAULT_MAX = Duration.ofHours(4);
    /**
     * SQS refuses a visibility timeout reaching past 12 hours after the message's receive: the wait,
     * set at the end of an attempt, stays a function timeout (60 s) and a margin short of that.
     */
    static final Duration LONGEST_WAIT = Duration.ofHours(12).minusMinutes(5);

    public RetrySchedule {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0 || max.compareTo(LONGEST_WAIT) > 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("A retry schedule needs 0 < base <= max <= 11 h 55 min and at least one attempt");
        }
    }

    /** The wait after the given attempt (1 for the first) failed. */
    public Duration delayAfter(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        long seconds = Math.min(base.toSeconds() << doublings, max.toSeconds());
        return Duration.ofSeconds(doublings >= 30 ? max.toSeconds() : seconds);
    }

    public boolean isLast(int attempt) {
        return attempt >= maxAttempts;
    }
}
