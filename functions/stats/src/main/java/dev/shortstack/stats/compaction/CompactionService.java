package dev.shortstack.stats.compaction;

import dev.shortstack.shared.archive.ArchiveCatalog;
import dev.shortstack.shared.archive.ArchiveCodec;
import dev.shortstack.shared.archive.ArchiveDays;
import dev.shortstack.shared.archive.ArchiveLayout;
import dev.shortstack.shared.archive.ArchivedClick;
import dev.shortstack.shared.archive.CompactedDay;
import dev.shortstack.shared.archive.CompactedFiles;
import dev.shortstack.shared.archive.CorruptArchiveObjectException;
import dev.shortstack.shared.concurrent.DaemonPool;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;
import org.duckdb.DuckDBAppender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the closed hours of a UTC day of raw archive objects into Parquet. Each run adds a part: the
 * raw objects of the hours since the last run, read through the one codec (a corrupt one is moved
 * to quarantine and reported, the rest still compacts), de-duplicated by click id, one file per
 * workspace and link-hash bucket, sorted by link and time so that one link's query reads one small
 * file and skips most of it, and per workspace a small file of per-link counts ({@link Rollups}).
 * So the open day is compacted hour by hour, queries read at most the last hour or two raw, and a
 * run's work is an hour's clicks however big the day. The day is rewritten as one part when late
 * objects belong to hours already compacted (a click then counts once), when an operator asks, or
 * when a finished day is small enough ({@link #MERGE_MAX_CLICKS}).
 *
 * A part's file names carry its version (a hash of what it was made from), so a repeated run writes
 * the same files; the catalog then points at them and files of other versions are deleted. Runs of
 * one day are serialised by a lease.
 */
public final class CompactionService {
    private static final Logger LOG = LoggerFactory.getLogger(CompactionService.class);
    /** A bucket per this many clicks of a workspace's day: one link's file stays small at any volume. */
    static final long CLICKS_PER_BUCKET = 250_000;
    static final int MAX_BUCKETS = 256;
    /** Closed days the schedule looks back over for days not compacted to their end. */
    static final int DUE_LOOKBACK_DAYS = 7;
    private static final Duration LEASE = Duration.ofMinutes(10);
    /**
     * A finished day of at most this many clicks is merged into one part (a minute's work at most);
     * a bigger one keeps its hourly parts, so no run ever rewrites a day of a viral workload.
     */
    static final long MERGE_MAX_CLICKS = 20_000_000;
    private static final ExecutorService READERS = DaemonPool.fixed("compaction-read", 8);

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
        int previousThrough = previous.map(CompactedDay::throughHour).orElse(-1);
        Set<String> late = entry == null ? Set.of() : entry.lateRawKeys();
        List<String> newHours = newRawKeys(day, previousThrough, throughHour, late);
        boolean lateInCompactedHours = late.stream().anyMatch(key -> hourOf(key) <= previousThrough);
        if (previous.isPresent() && previousThrough >= throughHour && newHours.isEmpty() && !lateInCompactedHours) {
            LOG.info("{} is compacted through {}:00 and nothing came since", day, String.format("%02d", throughHour));
            return previous.get().clicks();
        }
        // Hours are compacted as parts of their own; the day is rewritten as one part only when late
        // objects belong to compacted hours, or when a finished day is small enough to merge cheaply.
        boolean rewrite = previous.isPresent() && (lateInCompactedHours
                || (throughHour == 23 && previous.get().parts().size() > 1 && previous.get().clicks() <= MERGE_MAX_CLICKS));
        List<String> inputs = new ArrayList<>(newHours);
        if (rewrite) {
            late.stream().filter(key -> hourOf(key) <= previousThrough).forEach(inputs::add);
        }
        List<String> rawKeys = inputs.stream().distinct().sorted().toList();
        String version = ArchiveLayout.version(rewrite ? withPrevious(previous.get().parts(), rawKeys) : rawKeys);
        Path dir = createWorkDir(day);
        try {
            List<String> included = new ArrayList<>();
            Map<String, CompactedFiles> written = new TreeMap<>();
            long partClicks = engine.session(sql -> {
                sql.execute(ClickRows.createTableWithWorkspace("day_raw"));
                if (rewrite) {
                    loadPreviousFiles(sql, day, Set.copyOf(previous.get().parts()), dir);
                }
                appendRawObjects(sql, rawKeys, included);
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
            boolean appended = previous.isPresent() && !rewrite;
            List<String> parts = new ArrayList<>(appended ? previous.get().parts() : List.of());
            Map<String, List<CompactedFiles>> workspaceParts = new TreeMap<>();
            if (!written.isEmpty() || !appended) {
                parts.add(version);
            }
            for (Map.Entry<String, CompactedFiles> files : written.entrySet()) {
                List<CompactedFiles> list = new ArrayList<>(appended
                        ? catalog.workspaceFiles(files.getKey(), day, day).getOrDefault(day, List.of()) : List.of());
                list.add(files.getValue());
                workspaceParts.put(files.getKey(), list);
            }
            long clicks = (appended ? previous.get().clicks() : 0) + partClicks;
            catalog.recordCompaction(day, throughHour, parts, workspaceParts, included, clicks, clock.instant());
            deleteOtherVersions(day, Set.copyOf(parts));
            observability.count("CompactionRuns");
            observability.count("ClicksCompacted", partClicks);
            LOG.info("Compacted {} through {}:00 ({}): {} raw objects, {} distinct clicks in the part, {} in the day, {} parts,"
                            + " {} workspaces, in {} ms", day, String.format("%02d", throughHour),
                    appended ? "a part added" : rewrite ? "rewritten as one part" : "from the raw archive", included.size(),
                    partClicks, clicks, parts.size(), written.size(), (System.nanoTime() - started) / 1_000_000);
            return clicks;
        } finally {
            deleteRecursively(dir);
        }
    }

    /** The raw objects of hours after {@code after} up to {@code throughHour}, late ones of those hours included. */
    private List<String> newRawKeys(LocalDate day, int after, int throughHour, Set<String> late) {
        String dayPrefix = ArchiveLayout.dayPrefix(day);
        List<String> listed = after >= 0 ? store.list(dayPrefix, ArchiveLayout.hourPrefix(day, after) + "~") : store.list(dayPrefix);
        Set<String> keys = new TreeSet<>();
        listed.stream().filter(key -> hourOf(key) <= throughHour).forEach(keys::add);
        late.stream().filter(key -> hourOf(key) > after && hourOf(key) <= throughHour).forEach(keys::add);
        return List.copyOf(keys);
    }

    /** Reads the objects in parallel (S3 answers each in tens of ms), appends them in order; corrupt ones are quarantined. */
    private void appendRawObjects(SqlSession sql, List<String> keys, List<String> included) throws SQLException {
        List<CompletableFuture<List<ArchivedClick>>> reads = keys.stream()
                .map(key -> CompletableFuture.supplyAsync(() -> readOrQuarantine(key), READERS)).toList();
        try (DuckDBAppender appender = sql.appender("day_raw")) {
            for (int i = 0; i < keys.size(); i++) {
                List<ArchivedClick> objectClicks = reads.get(i).join();
                if (objectClicks != null) {
                    for (ArchivedClick click : objectClicks) {
                        ClickRows.appendWithWorkspace(appender, click);
                    }
                    included.add(keys.get(i));
                }
            }
        }
    }

    private static int hourOf(String rawKey) {
        int at = rawKey.indexOf("/hour=") + "/hour=".length();
        return Integer.parseInt(rawKey.substring(at, at + 2));
    }

    private static List<String> withPrevious(List<String> previousParts, List<String> added) {
        List<String> inputs = new ArrayList<>(added);
        previousParts.forEach(part -> inputs.add("part:" + part));
        return inputs;
    }

    /** The current parts' click files of every workspace of the day, as rows of {@code day_raw}. */
    private void loadPreviousFiles(SqlSession sql, LocalDate day, Set<String> parts, Path dir) throws SQLException {
        for (String key : store.list(ArchiveLayout.compactedDayPrefix(day))) {
            if (!ArchiveLayout.isClickFile(key) || !parts.contains(ArchiveLayout.versionOf(key))) {
                continue;
            }
            Path local = dir.resolve("previous-" + Math.abs(key.hashCode()) + ".parquet");
            store.download(key, local);
            String workspace = URLDecoder.decode(key.substring(key.indexOf("/ws=") + 4, key.lastIndexOf('/')), StandardCharsets.UTF_8);
            sql.execute("INSERT INTO day_raw SELECT " + ClickRows.COLUMNS + ", " + ClickEngine.literal(workspace)
                    + " FROM " + ClickRows.parquet(ClickEngine.literal(local.toString())));
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

    private void deleteOtherVersions(LocalDate day, Set<String> current) {
        Set<String> stale = new HashSet<>();
        store.list(ArchiveLayout.compactedDayPrefix(day)).stream().filter(key -> !current.contains(ArchiveLayout.versionOf(key)))
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
