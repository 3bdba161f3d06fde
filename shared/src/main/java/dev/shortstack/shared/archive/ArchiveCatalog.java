package dev.shortstack.shared.archive;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Which days (and up to which hour) of the click archive are compacted, into how many files per
 * workspace, and which raw objects arrived after their hour closed. Queries read it once per
 * request; the aggregator writes to it only for a batch that holds clicks of a closed hour (a
 * rare, late delivery).
 */
public interface ArchiveCatalog {
    /** The catalog entries of days {@code from}..{@code to}; days without an entry are absent. */
    Map<LocalDate, CompactedDay> days(LocalDate from, LocalDate to);

    /**
     * A workspace's compacted files per compacted day, one entry per part it has clicks in; days on
     * which it had no clicks are absent.
     */
    Map<LocalDate, List<CompactedFiles>> workspaceFiles(String workspaceId, LocalDate from, LocalDate to);

    /** Raw objects written for a closed hour: read by queries until the next compaction takes them in. */
    void addLate(LocalDate day, Collection<String> rawKeys);

    /**
     * Records a finished compaction of a day's hours up to {@code throughHour}: the workspaces'
     * files first, then the day's entry, then the included late objects come off the late list.
     */
    void recordCompaction(LocalDate day, int throughHour, List<String> parts, Map<String, List<CompactedFiles>> workspaceFiles,
                          Collection<String> includedRawKeys, long clicks, Instant at);

    /**
     * Takes the day's compaction lease, so that two compactions of one day (the schedule's and an
     * operator's) never interleave their writes and deletes.
     *
     * @return false when another compaction holds an unexpired lease
     */
    boolean lease(LocalDate day, String owner, Instant now, Duration length);

    void release(LocalDate day, String owner);

    /** Days that have late raw objects waiting for a compaction. */
    List<LocalDate> daysWithLateObjects();
}
