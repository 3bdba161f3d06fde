package dev.shortstack.shared.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A day's entry in the archive catalog.
 *
 * @param compactedAt when its compacted files were last written; null while the day is raw only
 * @param throughHour the last UTC hour whose raw objects the compacted files hold (23 once the day
 *                    is closed and compacted); later hours are read raw
 * @param parts       the versions of the day's parts, oldest first: each part holds the clicks of
 *                    a run of hours (and every workspace's files of it carry its version)
 * @param clicks      the distinct clicks in them
 * @param lateRawKeys raw objects written after their hour closed: queries read them beside the
 *                    compacted files until a compaction takes them in
 */
public record CompactedDay(LocalDate day, Instant compactedAt, int throughHour, List<String> parts, long clicks,
                           Set<String> lateRawKeys) {
    public boolean compacted() {
        return compactedAt != null;
    }

    /** An entry for a day nothing has been compacted of. */
    public static CompactedDay raw(LocalDate day, Set<String> lateRawKeys) {
        return new CompactedDay(day, null, -1, List.of(), 0, lateRawKeys);
    }
}
