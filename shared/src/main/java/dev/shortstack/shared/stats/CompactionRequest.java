package dev.shortstack.shared.stats;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One message on the compactions queue: compact one closed UTC day of the click archive (for a
 * job), or, from the schedule, {@code {"due": true}}: every closed day that is not compacted yet or
 * has late raw objects waiting.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompactionRequest(String jobId, String day, Boolean due) {
    /** The schedule's request: every closed day that is due, rather than one day. */
    public boolean compactsDueDays() {
        return Boolean.TRUE.equals(due);
    }
}
