package dev.shortstack.analytics.rebuild;

import java.time.LocalDate;

/** Where exact figures go, replacing a day's realtime ones for readers in one step. */
public interface RebuiltStatsStore {
    /**
     * Writes a new generation of the partition's items for the day, then makes it current, then
     * removes the previous generation: readers see the old figures or the new, never a mix.
     *
     * @param rebuiltPartition {@code R#<linkId>} or {@code RW#<workspace>}
     */
    void replaceDay(String rebuiltPartition, LocalDate day, RebuiltItems items);
}
