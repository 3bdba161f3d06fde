package dev.shortstack.shared.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * A day's entry in the archive catalog.
 *
 * @param compactedAt when its compacted files were last written; null while the day is raw only
 * @param throughHour the last UTC hour whose raw objects the compacted files hold (23 once the day
 *                    is closed and compacted); later hours are read raw
 * @param version     the version of the day's compacted files (every workspace's)
 * @param clicks      the distinct clicks in them
 * @param lateRawKeys raw objects written after their hour closed: queries read them beside the
 *                    compacted files until a compaction takes them in
 */
public record CompactedDay(LocalDate day, Instant compactedAt, int throughHour, String version, long clicks,
                           Set<String> lateRawKeys) {
    public boolean compacted() {
        return compactedAt != null;
    }

    /** An entry for a day nothing has been compacted of. */
    public static CompactedDay raw(LocalDate day, Set<String> lateRawKeys) {
        return new CompactedDay(day, null, -1, null, 0, lateRawKeys);
    }
}
