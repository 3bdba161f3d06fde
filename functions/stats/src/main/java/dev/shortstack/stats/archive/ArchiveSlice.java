package dev.shortstack.stats.archive;

import dev.shortstack.shared.archive.ArchivedClick;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one query reads: local copies of the compacted files that may hold its clicks, and the
 * raw clicks (already filtered to its workspace, links and time range, each click once) of the days
 * not compacted yet and of late objects.
 *
 * @param rawMayRepeatCompacted true when some raw clicks come from late objects of compacted days,
 *                              which a compaction may have taken in already: the engine drops
 *                              those that the compacted files hold
 * @param rollupFiles           per-link counts of whole UTC days that stand in for those days' clicks
 *                              (asked for by a link's stats; the clicks of those days are then not in
 *                              the slice)
 */
public record ArchiveSlice(String workspaceId, Optional<Set<String>> linkIds, Instant start, Instant end,
                           List<Path> compactedFiles, List<ArchivedClick> rawClicks, boolean rawMayRepeatCompacted,
                           List<Path> rollupFiles) {
}
