package dev.shortstack.stats.compaction;

import dev.shortstack.shared.archive.ArchiveCatalog;
import dev.shortstack.shared.archive.ArchiveCodec;
import dev.shortstack.shared.archive.ArchiveDays;
import dev.shortstack.shared.archive.ArchiveLayout;
import dev.shortstack.shared.archive.ArchivedClick;
import dev.shortstack.shared.archive.CompactedDay;
import dev.shortstack.shared.archive.CompactedFiles;
import dev.shortstack.shared.archive.CorruptArchiveObjectException;
import dev.shortstack.shared.observability.Observability;
import dev.shortstack.stats.archive.ArchiveStore;
import dev.shortstack.stats.engine.ClickEngine;
import dev.shortstack.stats.engine.ClickRows;
import dev.shortstack.stats.engine.SqlSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.duckdb.DuckDBAppender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the closed hours of a UTC day of raw archive objects into Parquet. A run takes the day's
 * current compacted files (if any) plus the raw objects of the hours since and the late objects,
 * reads each object through the one codec (a corrupt one is moved to quarantine and reported, the
 * rest still compacts), de-duplicates by click id and writes one file per workspace and link-hash
 * bucket, sorted by link and time so that one link's query reads one small file and skips most of
 * it; and, per workspace, a small file of per-link counts (see {@link Rollups}). So the open day is
 * compacted hour by hour and queries read at most the last hour or two raw.
 *
 * File names carry a version (a hash of the previous version and the objects added), so a repeated
 * run writes the same files; the catalog then points at them and other versions are deleted. Runs
 * of one day are serialised by a lease.
 */
public final class CompactionService {
    private static final Logger LOG = LoggerFactory.getLogger(CompactionService.class);
    /** A bucket per this many clicks of a workspace's day: one link's file stays small at any volume. */
    static final long CLICKS_PER_BUCKET = 250_000;
    static final int MAX_BUCKETS = 256;
    /** Closed days the schedule looks back over for days never compacted. */
    static final int DUE_LOOKBACK_DAYS = 7;
    private static final Duration LEASE = Duration.ofMinutes(10);

    private final ArchiveStore store;
    private final ArchiveCatalog catalog;
    private final ClickEngine engine;
    private final Path workDir;
    private final Clock clock;
    private final Observability observability;

    public CompactionService(ArchiveStore store, ArchiveCatalog catalog, ClickEngine engine, Path workDir, Clock clock,
                             Observability observability) {
        this.store = store;
        this.catalog = catalog;
        this.engine = engine;
        this.workDir = workDir;
        this.clock = clock;
        this.observability = observability;
    }

    /**
     * Days with hours to compact: recent days not compacted through their last closed hour (today
     * included, hour by hour) and days with late objects waiting.
     */
    public List<LocalDate> dueDays() {
        Instant now = clock.instant();
        LocalDate today = ArchiveDays.firstUncompactableDay(now);
        LocalDate from = today.minusDays(DUE_LOOKBACK_DAYS);
        Map<LocalDate, CompactedDay> days = catalog.days(from, today);
        Set<LocalDate> due = new TreeSet<>();
        for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
            int compactable = ArchiveDays.lastCompactableHour(day, now);
            CompactedDay entry = days.get(day);
            if (compactable >= 0 && (entry == null || !entry.compacted() || entry.throughHour() < compactable)) {
                due.add(day);
            }
        }
        catalog.daysWithLateObjects().stream().filter(day -> ArchiveDays.lastCompactableHour(day, now) >= 0).forEach(due::add);
        return List.copyOf(due);
    }

    /**
     * Compacts a day's closed hours, adding to its current files what came since them.
     *
     * @param fromScratch read every raw object of the day again instead of the current files (an
     *                    operator's compaction, e.g. after restoring raw objects)
     * @return the day's distinct clicks in its files, or empty when another run of the day holds the lease
     * @throws IllegalArgumentException for a day none of whose hours may be compacted yet
     */
    public OptionalLong compactDay(LocalDate day, boolean fromScratch) {
        int throughHour = ArchiveDays.lastCompactableHour(day, clock.instant());
        if (throughHour < 0) {
            throw new IllegalArgumentException(day + " is not closed yet: an hour may be compacted "
                    + ArchiveDays.COMPACT_AFTER.toMinutes() + " minutes after it ends (UTC)");
        }
        String owner = UUID.randomUUID().toString();
        if (!catalog.lease(day, owner, clock.instant(), LEASE)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(compactLeased(day, throughHour, fromScratch));
        } finally {
            catalog.release(day, owner);
        }
    }

    public OptionalLong compactDay(LocalDate day) {
        return compactDay(day, false);
    }

    private long compactLeased(LocalDate day, int throughHour, boolean fromScratch) {
        long started = System.nanoTime();
        CompactedDay entry = catalog.days(day, day).get(day);
        Optional<CompactedDay> previous = Optional.ofNullable(entry).filter(e -> e.compacted() && !fromScratch);
        List<String> added = newRawKeys(day, throughHour, previous, entry == null ? Set.of() : entry.lateRawKeys());
        if (previous.isPresent() && previous.get().throughHour() >= throughHour && added.isEmpty()) {
            LOG.info("{} is compacted through {}:00 and nothing came since", day, String.format("%02d", throughHour));
            return previous.get().clicks();
        }
        String version = ArchiveLayout.version(previous.map(p -> withPrevious(p.version(), added)).orElse(added));
        Path dir = createWorkDir(day);
        try {
            List<String> included = new ArrayList<>();
            Map<String, CompactedFiles> written = new TreeMap<>();
            long clicks = engine.session(sql -> {
                sql.execute(ClickRows.createTableWithWorkspace("day_raw"));
                if (previous.isPresent()) {
                    loadPreviousFiles(sql, day, previous.get().version(), dir);
                }
                try (DuckDBAppender appender = sql.appender("day_raw")) {
                    for (String key : added) {
                        List<ArchivedClick> objectClicks = readOrQuarantine(key);
                        if (objectClicks != null) {
                            for (ArchivedClick click : objectClicks) {
                                ClickRows.appendWithWorkspace(appender, click);
                            }
                            included.add(key);
                        }
                    }
                }
                // A redelivered batch may sit in two objects, or in a late object and the files: each click once.
                sql.execute("CREATE TEMP TABLE day_clicks AS SELECT DISTINCT ON (click_id) * FROM day_raw");
                sql.execute("DROP TABLE day_raw");
                long total = 0;
                for (Object[] row : sql.rows("SELECT workspace_id, count(*) FROM day_clicks GROUP BY workspace_id ORDER BY workspace_id")) {
                    String workspace = (String) row[0];
                    long count = ((Number) row[1]).longValue();
                    total += count;
                    CompactedFiles files = new CompactedFiles(version, buckets(count));
                    writeWorkspace(sql, day, workspace, files, dir);
                    written.put(workspace, files);
                }
                return total;
            });
            catalog.recordCompaction(day, throughHour, version, written, included, clicks, clock.instant());
            deleteOtherVersions(day, version);
            observability.count("CompactionRuns");
            observability.count("ClicksCompacted", clicks);
            LOG.info("Compacted {} through {}:00 ({}): {} raw objects added, {} distinct clicks, {} workspaces in {} ms", day,
                    String.format("%02d", throughHour), previous.isPresent() ? "incremental" : "from the raw archive",
                    included.size(), clicks, written.size(), (System.nanoTime() - started) / 1_000_000);
            return clicks;
        } finally {
            deleteRecursively(dir);
        }
    }

    /** Raw objects not in the current files: the hours after them up to {@code throughHour}, and late ones of those hours. */
    private List<String> newRawKeys(LocalDate day, int throughHour, Optional<CompactedDay> previous, Set<String> late) {
        String dayPrefix = ArchiveLayout.dayPrefix(day);
        List<String> listed = previous.isPresent()
                ? store.list(dayPrefix, ArchiveLayout.hourPrefix(day, previous.get().throughHour()) + "~")
                : store.list(dayPrefix);
        Set<String> keys = new TreeSet<>();
        listed.stream().filter(key -> hourOf(key) <= throughHour).forEach(keys::add);
        late.stream().filter(key -> hourOf(key) <= throughHour).forEach(keys::add);
        return List.copyOf(keys);
    }

    private static int hourOf(String rawKey) {
        int at = rawKey.indexOf("/hour=") + "/hour=".length();
        return Integer.parseInt(rawKey.substring(at, at + 2));
    }

    private static List<String> withPrevious(String previousVersion, List<String> added) {
        List<String> inputs = new ArrayList<>(added);
        inputs.add("version:" + previousVersion);
        return inputs;
    }

    /** The current version's files of every workspace of the day, as rows of {@code day_raw}. */
    private void loadPreviousFiles(SqlSession sql, LocalDate day, String version, Path dir) throws SQLException {
        for (String key : store.list(ArchiveLayout.compactedDayPrefix(day))) {
            if (!ArchiveLayout.isClickFile(key) || !ArchiveLayout.versionOf(key).equals(version)) {
                continue;
            }
            Path local = dir.resolve("previous-" + Math.abs(key.hashCode()) + ".parquet");
            store.download(key, local);
            String workspace = URLDecoder.decode(key.substring(key.indexOf("/ws=") + 4, key.lastIndexOf('/')), StandardCharsets.UTF_8);
            sql.execute("INSERT INTO day_raw SELECT " + ClickRows.COLUMNS + ", " + ClickEngine.literal(workspace)
                    + " FROM read_parquet(" + ClickEngine.literal(local.toString()) + ")");
            deleteQuietly(local);
        }
    }

    /** One Parquet file per bucket, every bucket written (an empty one too), so readers can name them. */
    private void writeWorkspace(SqlSession sql, LocalDate day, String workspace, CompactedFiles files, Path dir) throws SQLException {
        sql.execute("CREATE OR REPLACE TEMP TABLE link_buckets (link_id VARCHAR, bucket INTEGER)");
        try (DuckDBAppender appender = sql.appender("link_buckets")) {
            for (Object[] row : sql.rows("SELECT DISTINCT link_id FROM day_clicks WHERE workspace_id = " + ClickEngine.literal(workspace))) {
                appender.beginRow();
                appender.append((String) row[0]);
                appender.append(ArchiveLayout.bucketOf((String) row[0], files.buckets()));
                appender.endRow();
            }
        }
        for (int bucket = 0; bucket < files.buckets(); bucket++) {
            Path file = dir.resolve(Math.abs(workspace.hashCode()) + "-" + bucket + ".parquet");
            sql.execute("COPY (SELECT " + ClickRows.COLUMNS + " FROM day_clicks JOIN link_buckets USING (link_id)"
                    + " WHERE workspace_id = " + ClickEngine.literal(workspace) + " AND bucket = " + bucket
                    + " ORDER BY link_id, ts, click_id) TO " + ClickEngine.literal(file.toString())
                    + " (FORMAT parquet, COMPRESSION zstd)");
            store.upload(files.file(day, workspace, bucket), file);
            deleteQuietly(file);
        }
        Path rollup = dir.resolve(Math.abs(workspace.hashCode()) + "-rollup.parquet");
        sql.execute("COPY (" + Rollups.select("day_clicks WHERE workspace_id = " + ClickEngine.literal(workspace))
                + ") TO " + ClickEngine.literal(rollup.toString()) + " (FORMAT parquet, COMPRESSION zstd)");
        store.upload(files.rollup(day, workspace), rollup);
        deleteQuietly(rollup);
    }

    static int buckets(long clicks) {
        int buckets = 1;
        while (buckets < MAX_BUCKETS && (long) buckets * CLICKS_PER_BUCKET < clicks) {
            buckets *= 2;
        }
        return buckets;
    }

    /** The object's clicks, or null after moving a corrupt object to quarantine (reported with its key). */
    private List<ArchivedClick> readOrQuarantine(String key) {
        try {
            return ArchiveCodec.decode(key, store.get(key));
        } catch (CorruptArchiveObjectException e) {
            LOG.error("Quarantining a corrupt archive object ({}): {}", ArchiveLayout.quarantine(key), e.getMessage());
            observability.count("CorruptArchiveObject");
            store.move(key, ArchiveLayout.quarantine(key));
            return null;
        }
    }

    private void deleteOtherVersions(LocalDate day, String version) {
        Set<String> stale = new HashSet<>();
        store.list(ArchiveLayout.compactedDayPrefix(day)).stream().filter(key -> !ArchiveLayout.versionOf(key).equals(version))
                .forEach(stale::add);
        if (!stale.isEmpty()) {
            store.delete(stale);
        }
    }

    private Path createWorkDir(LocalDate day) {
        try {
            Files.createDirectories(workDir);
            return Files.createTempDirectory(workDir, "compact-" + day + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", file, e.toString());
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(CompactionService::deleteQuietly);
        } catch (IOException e) {
            LOG.warn("Could not clean {}: {}", dir, e.toString());
        }
    }
}
