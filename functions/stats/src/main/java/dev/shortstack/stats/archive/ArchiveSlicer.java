package dev.shortstack.stats.archive;

import dev.shortstack.shared.archive.ArchiveCatalog;
import dev.shortstack.shared.archive.ArchiveLayout;
import dev.shortstack.shared.archive.ArchivedClick;
import dev.shortstack.shared.archive.CompactedDay;
import dev.shortstack.shared.archive.CompactedFiles;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

/**
 * Finds what a query must read: one catalog read per request tells which days are compacted, up to
 * which hour, and into how many files; the hours after that are listed in the raw archive. Files and objects are fetched in
 * parallel. If a compaction replaces a day's files while they are being fetched, the slice is
 * made again from the new catalog.
 */
public final class ArchiveSlicer {
    private final ArchiveCatalog catalog;
    private final ArchiveStore store;
    private final CompactedFileCache files;
    private final RawObjectReader raw;
    private final ExecutorService fetchers;

    public ArchiveSlicer(ArchiveCatalog catalog, ArchiveStore store, CompactedFileCache files, RawObjectReader raw,
                         ExecutorService fetchers) {
        this.catalog = catalog;
        this.store = store;
        this.files = files;
        this.raw = raw;
        this.fetchers = fetchers;
    }

    /**
     * The clicks of a workspace (or of some of its links, by link id) at {@code start} or later
     * and before {@code end}.
     */
    public ArchiveSlice slice(String workspaceId, Optional<Set<String>> linkIds, Instant start, Instant end) {
        return slice(workspaceId, linkIds, start, end, false);
    }

    /**
     * Like {@link #slice}, but a whole UTC day in the range that is compacted to its end as one part,
     * with no late objects waiting, comes as its per-link counts instead of its clicks.
     */
    public ArchiveSlice sliceWithRollups(String workspaceId, Set<String> linkIds, Instant start, Instant end) {
        return slice(workspaceId, Optional.of(linkIds), start, end, true);
    }

    private ArchiveSlice slice(String workspaceId, Optional<Set<String>> linkIds, Instant start, Instant end, boolean rollups) {
        try {
            return attempt(workspaceId, linkIds, start, end, rollups);
        } catch (ArchiveObjectMissingException replacedMeanwhile) {
            return attempt(workspaceId, linkIds, start, end, rollups);
        }
    }

    private ArchiveSlice attempt(String workspaceId, Optional<Set<String>> linkIds, Instant start, Instant end, boolean rollups) {
        LocalDate from = start.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate to = end.minusNanos(1).atZone(ZoneOffset.UTC).toLocalDate();
        Map<LocalDate, CompactedDay> days = catalog.days(from, to);
        Map<LocalDate, List<CompactedFiles>> workspaceFiles = catalog.workspaceFiles(workspaceId, from, to);
        List<String> compactedKeys = new ArrayList<>();
        List<String> rollupKeys = new ArrayList<>();
        List<String> lateKeys = new ArrayList<>();
        // Per raw-read day: the key to list after (empty for the whole day).
        Map<LocalDate, String> rawDays = new LinkedHashMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            CompactedDay entry = days.get(day);
            if (entry != null && entry.compacted()) {
                List<CompactedFiles> dayParts = workspaceFiles.getOrDefault(day, List.of());
                boolean wholeDay = !day.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(start)
                        && !day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(end);
                // Counts of several parts would add a visitor who came in two of them twice: one part only.
                if (rollups && wholeDay && entry.throughHour() == 23 && entry.lateRawKeys().isEmpty() && entry.parts().size() == 1) {
                    for (CompactedFiles part : dayParts) {
                        rollupKeys.add(part.rollup(day, workspaceId));
                    }
                    continue;
                }
                for (CompactedFiles dayFiles : dayParts) {
                    Set<Integer> buckets = new TreeSet<>();
                    if (linkIds.isPresent()) {
                        linkIds.get().forEach(id -> buckets.add(ArchiveLayout.bucketOf(id, dayFiles.buckets())));
                    } else {
                        for (int bucket = 0; bucket < dayFiles.buckets(); bucket++) {
                            buckets.add(bucket);
                        }
                    }
                    for (int bucket : buckets) {
                        compactedKeys.add(dayFiles.file(day, workspaceId, bucket));
                    }
                }
                lateKeys.addAll(entry.lateRawKeys());
                if (entry.throughHour() < 23) {
                    // '~' sorts after every object name: the listing starts at the first hour not compacted.
                    rawDays.put(day, ArchiveLayout.hourPrefix(day, entry.throughHour()) + "~");
                }
            } else {
                rawDays.put(day, "");
                if (entry != null) {
                    lateKeys.addAll(entry.lateRawKeys());
                }
            }
        }
        List<CompletableFuture<List<String>>> listings = rawDays.entrySet().stream()
                .map(day -> CompletableFuture.supplyAsync(() -> store.list(ArchiveLayout.dayPrefix(day.getKey()), day.getValue()), fetchers))
                .toList();
        List<CompletableFuture<Path>> localFiles = compactedKeys.stream()
                .map(key -> CompletableFuture.supplyAsync(() -> files.file(key), fetchers)).toList();
        List<CompletableFuture<Path>> localRollups = rollupKeys.stream()
                .map(key -> CompletableFuture.supplyAsync(() -> files.file(key), fetchers)).toList();
        List<String> rawKeys = new ArrayList<>(lateKeys);
        listings.forEach(listing -> rawKeys.addAll(join(listing)));
        List<CompletableFuture<Optional<List<ArchivedClick>>>> objects = rawKeys.stream().distinct()
                .map(key -> CompletableFuture.supplyAsync(() -> raw.read(key), fetchers)).toList();

        Map<String, ArchivedClick> clicks = new LinkedHashMap<>();
        for (CompletableFuture<Optional<List<ArchivedClick>>> object : objects) {
            join(object).ifPresent(list -> list.forEach(click -> {
                if (click.workspaceId().equals(workspaceId) && linkIds.map(ids -> ids.contains(click.linkId())).orElse(true)) {
                    Instant at = Instant.parse(click.occurredAt());
                    if (!at.isBefore(start) && at.isBefore(end)) {
                        clicks.putIfAbsent(click.clickId(), click);
                    }
                }
            }));
        }
        List<Path> paths = localFiles.stream().map(ArchiveSlicer::join).toList();
        boolean lateInCompactedDays = days.values().stream().anyMatch(d -> d.compacted() && !d.lateRawKeys().isEmpty());
        return new ArchiveSlice(workspaceId, linkIds, start, end, paths, List.copyOf(clicks.values()), lateInCompactedDays,
                localRollups.stream().map(ArchiveSlicer::join).toList());
    }

    /** Joins a fetch, rethrowing what failed in it as itself. */
    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
