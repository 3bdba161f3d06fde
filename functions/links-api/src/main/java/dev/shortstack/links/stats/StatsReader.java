package dev.shortstack.links.stats;

import java.time.LocalDate;
import java.util.Map;

/** Reads counters: the exact (rebuilt) figures of a day where they exist, else the realtime ones. */
public interface StatsReader {
    /** Days with any figures; days without are absent. */
    Map<LocalDate, DayFigures> linkDays(String linkId, LocalDate from, LocalDate to);

    /** Human clicks per slug per day for a workspace. */
    Map<LocalDate, Map<String, Long>> workspaceDays(String workspaceId, LocalDate from, LocalDate to);
}
