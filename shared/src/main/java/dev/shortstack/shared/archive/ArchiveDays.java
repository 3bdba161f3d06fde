package dev.shortstack.shared.archive;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * When an hour of the archive closes. The aggregator calls a UTC hour closed {@link #LATE_AFTER}
 * after its end and from then on reports the raw objects it writes for it as late; the compactor
 * takes an hour only {@link #COMPACT_AFTER} after its end. The gap is longer than the aggregator's
 * timeout, so a write that began while the hour was still open has finished before the compactor
 * lists it: no raw object can slip between the two.
 */
public final class ArchiveDays {
    public static final Duration LATE_AFTER = Duration.ofMinutes(15);
    public static final Duration COMPACT_AFTER = Duration.ofMinutes(20);

    private ArchiveDays() {
    }

    /** For the aggregator: objects of hours that start before this instant are late. */
    public static Instant firstOpenHour(Instant now) {
        return now.minus(LATE_AFTER).truncatedTo(ChronoUnit.HOURS);
    }

    /** For the compactor: hours that start before this instant may be compacted. */
    public static Instant firstUncompactableHour(Instant now) {
        return now.minus(COMPACT_AFTER).truncatedTo(ChronoUnit.HOURS);
    }

    /** Days before this one are closed: every hour of them may be compacted. */
    public static LocalDate firstUncompactableDay(Instant now) {
        return firstUncompactableHour(now).atZone(ZoneOffset.UTC).toLocalDate();
    }

    /**
     * The last hour of a day that may be compacted now: 23 for a closed day, an earlier hour for
     * today, -1 when none may be yet.
     */
    public static int lastCompactableHour(LocalDate day, Instant now) {
        Instant limit = firstUncompactableHour(now);
        LocalDate limitDay = limit.atZone(ZoneOffset.UTC).toLocalDate();
        if (day.isBefore(limitDay)) {
            return 23;
        }
        return day.equals(limitDay) ? limit.atZone(ZoneOffset.UTC).getHour() - 1 : -1;
    }
}
