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
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 * Turns a closed UTC day of raw archive objects into Parquet: every object read through the one
 * codec (a corrupt one is moved to quarantine and reported, the rest still compacts), clicks
 * de-duplicated by click id, one file per workspace and link-hash bucket, sorted by link and time
 * so that one link's query reads one small file and skips most of it. The file names carry a hash
 * of the raw objects they were made from, so a repeated run writes the same files; the catalog
 * then points at them and older versions are deleted. Runs of one day are serialised by a lease.
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

    /** Closed days never compacted (in the look-back window) and days with late objects waiting. */
    public List<LocalDate> dueDays() {
        LocalDate open = ArchiveDays.firstUncompactableDay(clock.instant());
        LocalDate from = open.minusDays(DUE_LOOKBACK_DAYS);
        Map<LocalDate, CompactedDay> days = catalog.days(from, open.minusDays(1));
        Set<LocalDate> due = new TreeSet<>();
        for (LocalDate day = from; day.isBefore(open); day = day.plusDays(1)) {
            CompactedDay entry = days.get(day);
            if (entry == null || !entry.compacted()) {
                due.add(day);
            }
        }
        catalog.daysWithLateObjects().stream().filter(day -> day.isBefore(open)).forEach(due::add);
        return List.copyOf(due);
    }

    /**
     * Compacts one closed day.
     *
     * @return the distinct clicks of the day, or empty when another run of the same day holds the lease
     * @throws IllegalArgumentException for a day that is not closed yet
     */
    public OptionalLong compactDay(LocalDate day) {
        if (!day.isBefore(ArchiveDays.firstUncompactableDay(clock.instant()))) {
            throw new IllegalArgumentException(day + " is not closed yet: a day may be compacted "
                    + ArchiveDays.COMPACT_AFTER.toMinutes() + " minutes after it ends (UTC)");
        }
        String owner = UUID.randomUUID().toString();
        if (!catalog.lease(day, owner, clock.instant(), LEASE)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(compactLeased(day));
        } finally {
            catalog.release(day, owner);
        }
    }

    private long compactLeased(LocalDate day) {
        long started = System.nanoTime();
        List<String> rawKeys = store.list(ArchiveLayout.dayPrefix(day));
        Path dir = createWorkDir(day);
        try {
            List<String> included = new ArrayList<>();
            Map<String, CompactedFiles> written = new TreeMap<>();
            long clicks = engine.session(sql -> {
                sql.execute(ClickRows.createTableWithWorkspace("day_raw"));
                try (DuckDBAppender appender = sql.appender("day_raw")) {
                    for (String key : rawKeys) {
                        List<ArchivedClick> objectClicks = readOrQuarantine(key);
                        if (objectClicks != null) {
                            for (ArchivedClick click : objectClicks) {
                                ClickRows.appendWithWorkspace(appender, click);
                            }
                            included.add(key);
                        }
                    }
                }
                // A redelivered batch may sit in two objects: each click once.
                sql.execute("CREATE TEMP TABLE day_clicks AS SELECT DISTINCT ON (click_id) * FROM day_raw");
                sql.execute("DROP TABLE day_raw");
                String version = ArchiveLayout.version(included);
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
            catalog.recordCompaction(day, written, included, clicks, clock.instant());
            deleteOtherVersions(day, written);
            observability.count("DaysCompacted");
            observability.count("ClicksCompacted", clicks);
            LOG.info("Compacted {}: {} raw objects, {} distinct clicks, {} workspaces in {} ms", day, included.size(), clicks,
                    written.size(), (System.nanoTime() - started) / 1_000_000);
            return clicks;
        } finally {
            deleteRecursively(dir);
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

    private void deleteOtherVersions(LocalDate day, Map<String, CompactedFiles> current) {
        Set<String> keep = new HashSet<>();
        current.forEach((workspace, files) -> {
            for (int bucket = 0; bucket < files.buckets(); bucket++) {
                keep.add(files.file(day, workspace, bucket));
            }
        });
        List<String> stale = store.list(ArchiveLayout.compactedDayPrefix(day)).stream().filter(key -> !keep.contains(key)).toList();
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
