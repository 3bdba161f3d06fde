package dev.shortstack.shared.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** A compaction of a range of closed days, asked for through the API; progress is the set of days done. */
public record CompactionJob(String jobId, LocalDate from, LocalDate to, int daysTotal, Set<String> daysDone,
                            Instant createdAt, Instant updatedAt) {

    public String status() {
        return daysDone.size() >= daysTotal ? "succeeded" : daysDone.isEmpty() ? "queued" : "running";
    }

    public int percent() {
        return daysTotal == 0 ? 100 : daysDone.size() * 100 / daysTotal;
    }
}
