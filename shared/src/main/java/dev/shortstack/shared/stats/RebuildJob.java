package dev.shortstack.shared.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** A rebuild of a range of days; progress is the set of days done. */
public record RebuildJob(String jobId, LocalDate from, LocalDate to, int daysTotal, Set<String> daysDone,
                         Instant createdAt, Instant updatedAt) {

    public String status() {
        return daysDone.size() >= daysTotal ? "succeeded" : daysDone.isEmpty() ? "queued" : "running";
    }

    public int percent() {
        return daysTotal == 0 ? 100 : daysDone.size() * 100 / daysTotal;
    }
}
