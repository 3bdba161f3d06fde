package dev.shortstack.shared.archive;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * When a UTC day of the archive closes. The aggregator calls a day closed {@link #LATE_AFTER}
 * after its end and from then on reports the raw objects it writes for it as late; the compactor
 * takes a day only {@link #COMPACT_AFTER} after its end. The gap is longer than the aggregator's
 * timeout, so a write that began while the day was still open has finished before the compactor
 * lists the day: no raw object can slip between the two.
 */
public final class ArchiveDays {
    public static final Duration LATE_AFTER = Duration.ofMinutes(15);
    public static final Duration COMPACT_AFTER = Duration.ofMinutes(20);

    private ArchiveDays() {
    }

    /** For the aggregator: objects of days before this one are late. */
    public static LocalDate firstOpenDay(Instant now) {
        return now.minus(LATE_AFTER).atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** For the compactor: days before this one may be compacted. */
    public static LocalDate firstUncompactableDay(Instant now) {
        return now.minus(COMPACT_AFTER).atZone(ZoneOffset.UTC).toLocalDate();
    }
}
