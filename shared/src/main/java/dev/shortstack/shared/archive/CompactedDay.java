package dev.shortstack.shared.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * A day's entry in the archive catalog.
 *
 * @param compactedAt when its compacted files were last written; null while the day is raw only
 * @param lateRawKeys raw objects written after that compaction: queries read them beside the
 *                    compacted files until the next compaction takes them in
 */
public record CompactedDay(LocalDate day, Instant compactedAt, Set<String> lateRawKeys) {
    public boolean compacted() {
        return compactedAt != null;
    }
}
