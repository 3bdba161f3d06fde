package dev.shortstack.bench.cost;

import dev.shortstack.shared.archive.ArchiveDays;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The compactor's work on one UTC day, request by request as {@code CompactArchiveFunction},
 * {@code CompactionService} and {@code DynamoArchiveCatalog} do it (as of commit 9493a10: each run
 * adds a part; a finished day of at most {@link #MERGE_MAX_CLICKS} clicks is merged into one).
 *
 * <p>The schedule ({@code cron(25 * * * ? *)}) sends one message an hour to the compactions queue;
 * each invocation reads the catalog ({@code dueDays}: the last 8 days' entries, their late items and
 * every late item, three strongly consistent Queries) and compacts each day with a newly closed hour
 * ({@link ArchiveDays#lastCompactableHour}, 20 minutes after the hour's end): so a day takes 24 runs,
 * the run at hh:25 adding hour hh-1. A run: takes the lease (a conditional UpdateItem of the day's
 * entry); reads the entry and the day's late items (two Queries); LISTs the day's raw objects after
 * the hour it is compacted through (1,000 keys a page: the new hour and what has been written since);
 * GETs the new hour's raw objects (each object once in the day); writes a part of those clicks only:
 * per workspace with clicks in it a bucket file per 250,000 of them (a power of two, at most 256)
 * and one rollup file of per-link counts (its bytes are not counted in storage), one PUT each; per
 * such workspace Queries its catalog item and puts it back with the part appended (BatchWriteItem of
 * 25); updates the day's entry (its list of parts grows); Queries the day's late items; LISTs the
 * compacted prefix (every part's files) to delete files of other versions, of which appending
 * leaves none; releases the lease (an UpdateItem). No run reads back what earlier runs wrote, except
 * one: the run after midnight (adding hour 23) of a day of at most {@link #MERGE_MAX_CLICKS} clicks
 * rewrites it as one part, LISTing and GETting (one after another) every click file of its parts,
 * then deletes them and their rollups (DeleteObjects of 1,000, a tier-1 POST). A bigger day keeps
 * its hourly parts. Late objects (none in the simulation) are taken as arriving for hours already
 * compacted: the day's last run reads them and rewrites the day as one part, whatever its size,
 * and deletes their items.
 */
public final class CompactionModel {
    /** As CompactionService.CLICKS_PER_BUCKET, MAX_BUCKETS and MERGE_MAX_CLICKS (package-private there). */
    static final long CLICKS_PER_BUCKET = 250_000;
    static final int MAX_BUCKETS = 256;
    public static final long MERGE_MAX_CLICKS = 20_000_000;
    /** The schedule invokes the compactor once an hour, due or not. */
    static final int INVOCATIONS_PER_DAY = 24;
    /** dueDays reads the catalog over this many days (DUE_LOOKBACK_DAYS + 1): the 7 before and the newest. */
    private static final int DUE_LOOKBACK_ENTRIES = 8;
    /** The schedule's SendMessage (by EventBridge), the mapping's ReceiveMessage and DeleteMessageBatch. */
    private static final int SQS_REQUESTS_PER_RUN = 3;
    /** Minutes past the hour the schedule runs (stages.json compactionScheduleUtc "25 * * * ? *", dev and prod). */
    private static final int SCHEDULE_MINUTE = 25;

    private final Assumptions assumptions;

    public CompactionModel(Assumptions assumptions) {
        this.assumptions = assumptions;
    }

    /** What the catalog and the compacted prefix hold of the day between runs. */
    private static final class StoredDay {
        int throughHour = -1;
        int parts;
        long clicks;
        int entryBytes;
        long clickFiles;
        long rollups;
        /** Per workspace, the buckets of each part that holds its clicks (its catalog item). */
        Map<String, List<Integer>> workspaceParts = new TreeMap<>();
    }

    /**
     * @param objects         the day's raw objects per UTC hour
     * @param workspaceClicks the day's clicks per workspace and UTC hour
     * @param lateObjects     raw objects that were written after their hour closed
     */
    public DayCompaction compactDay(LocalDate day, long[] objects, Map<String, long[]> workspaceClicks, long lateObjects) {
        Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        StoredDay stored = new StoredDay();
        List<CompactionRun> runs = new ArrayList<>();
        List<Integer> entryBeforeRun = new ArrayList<>();
        int mergedParts = 0;
        for (int k = 0; k < 48 && stored.throughHour < 23; k++) {
            Instant runAt = dayStart.plus(Duration.ofHours(k).plusMinutes(SCHEDULE_MINUTE));
            int throughHour = ArchiveDays.lastCompactableHour(day, runAt);
            if (throughHour <= stored.throughHour) {
                continue;   // not due: dueDays leaves the day out
            }
            entryBeforeRun.add(stored.entryBytes);
            int partsBefore = stored.parts;
            CompactionRun run = run(day, runAt, throughHour, objects, workspaceClicks, throughHour == 23 ? lateObjects : 0, stored);
            if (run.fileGets > 0) {
                mergedParts = partsBefore;
            }
            runs.add(run);
        }

        Usage usage = new Usage();
        double longestMs = 0;
        CompactionRun longest = runs.get(0);
        long rawGets = 0;
        long fileGets = 0;
        long filePuts = 0;
        long rollupPuts = 0;
        int largestItem = 0;
        for (int i = 0; i < runs.size(); i++) {
            CompactionRun run = runs.get(i);
            // dueDays' Query of the last 8 days' entries: the 7 finished ones taken as this day's at its end.
            usage.readUnits += run.readUnits
                    + DynamoSize.strongReadUnits((DUE_LOOKBACK_ENTRIES - 1) * stored.entryBytes + entryBeforeRun.get(i));
            usage.writeUnits += run.writeUnits;
            usage.s3Tier1 += run.tier1();
            usage.s3Gets += run.gets();
            double ms = run.millis(assumptions);
            usage.compactorGbSeconds += Assumptions.billedSeconds(ms) * assumptions.compactorGb();
            if (ms > longestMs) {
                longestMs = ms;
                longest = run;
            }
            rawGets += run.rawGets;
            fileGets += run.fileGets;
            filePuts += run.clickFilePuts;
            rollupPuts += run.rollupPuts;
            largestItem = Math.max(largestItem, run.largestItemBytes);
        }
        // The schedule's invocations: one an hour whatever is due, each a cold start, each one message on the queue.
        usage.compactorInvocations += INVOCATIONS_PER_DAY;
        usage.compactorGbSeconds += INVOCATIONS_PER_DAY * Assumptions.billedSeconds(assumptions.compactorHourlyMs())
                * assumptions.compactorGb();
        usage.otherSqsRequests += INVOCATIONS_PER_DAY * SQS_REQUESTS_PER_RUN;
        usage.s3Bytes += stored.clicks * assumptions.parquetBytesPerClick();
        return new DayCompaction(usage, runs.size(), stored.clicks, rawGets, fileGets, mergedParts, filePuts, rollupPuts, stored.parts,
                stored.clickFiles, largestItem, longestMs / 1000.0, longest.throughHour, longest.clicks,
                longestMs / 1000.0 > assumptions.compactorTimeoutSeconds());
    }

    /** One run compacting the day through {@code throughHour}, as CompactionService.compactLeased makes its requests. */
    private CompactionRun run(LocalDate day, Instant runAt, int throughHour, long[] objects, Map<String, long[]> workspaceClicks,
                              long late, StoredDay stored) {
        CompactionRun run = new CompactionRun(throughHour);
        int lateBytes = (int) late * CatalogItems.LATE_ITEM_BYTES;
        // dueDays: the 8 days' entries (their units are added by the caller, who knows a finished day's
        // size), their late items, every late item.
        run.dynamoRequests++;
        run.query(lateBytes);
        run.query(lateBytes);
        int leased = (stored.entryBytes == 0 ? CatalogItems.dayKey(day) : stored.entryBytes) + CatalogItems.lease(runAt);
        run.singleWrite(stored.entryBytes, leased);
        run.query(leased);
        run.query(lateBytes);
        run.listPages(Math.round(listedRawObjects(runAt, stored.throughHour, objects, day)));

        // A late object of a compacted hour makes the day one part again (its clicks then count once);
        // so does the run that closes a finished day small enough to merge.
        boolean rewrite = stored.parts > 0 && (late > 0
                || (throughHour == 23 && stored.parts > 1 && stored.clicks <= MERGE_MAX_CLICKS));
        boolean appended = stored.parts > 0 && !rewrite;
        long previousKeys = stored.clickFiles + stored.rollups;
        if (rewrite) {
            run.listPages(previousKeys);   // the listing holds the rollups too; they are not read
            run.fileGets = stored.clickFiles;
        }
        for (int hour = stored.throughHour + 1; hour <= throughHour; hour++) {
            run.rawGets += objects[hour];
        }
        run.rawGets += late;

        int fromHour = rewrite ? 0 : stored.throughHour + 1;
        Map<String, List<Integer>> written = new TreeMap<>();
        for (Map.Entry<String, long[]> workspace : workspaceClicks.entrySet()) {
            long clicks = 0;
            for (int hour = fromHour; hour <= throughHour; hour++) {
                clicks += workspace.getValue()[hour];
            }
            if (clicks == 0) {
                continue;   // a workspace without clicks in the part has no files in it and keeps its item
            }
            int buckets = buckets(clicks);
            run.clicks += clicks;
            run.clickFilePuts += buckets;
            run.rollupPuts++;
            List<Integer> had = stored.workspaceParts.getOrDefault(workspace.getKey(), List.of());
            int hadBytes = had.isEmpty() ? 0 : CatalogItems.workspaceItem(day, workspace.getKey(), had);
            if (appended) {
                run.query(hadBytes);   // catalog.workspaceFiles, to append the part to its list
            }
            List<Integer> now = new ArrayList<>(appended ? had : List.of());
            now.add(buckets);
            run.write(hadBytes, CatalogItems.workspaceItem(day, workspace.getKey(), now));
            written.put(workspace.getKey(), now);
        }
        run.batchWrites(written.size());

        int parts = appended ? stored.parts + (written.isEmpty() ? 0 : 1) : 1;
        long dayClicks = (appended ? stored.clicks : 0) + run.clicks;
        int entry = CatalogItems.dayEntry(day, runAt, dayClicks, throughHour, parts);
        run.singleWrite(leased, entry + CatalogItems.lease(runAt));
        run.query(lateBytes);   // recordCompaction: the late items the files now hold are deleted
        if (late > 0) {
            run.writeUnits += late;   // a DeleteRequest of a ~100-byte item: 1 WRU
            run.batchWrites(late);
        }
        long newKeys = run.clickFilePuts + run.rollupPuts;
        run.listPages(previousKeys + newKeys);   // deleteOtherVersions
        if (!appended) {
            run.deleteObjects(previousKeys);   // the parts a rewrite replaced (none before the first run)
        }
        run.singleWrite(entry + CatalogItems.lease(runAt), entry);

        stored.throughHour = throughHour;
        stored.parts = parts;
        stored.clicks = dayClicks;
        stored.entryBytes = entry;
        stored.clickFiles = (appended ? stored.clickFiles : 0) + run.clickFilePuts;
        stored.rollups = (appended ? stored.rollups : 0) + run.rollupPuts;
        if (!appended) {
            stored.workspaceParts = new TreeMap<>();
        }
        stored.workspaceParts.putAll(written);
        return run;
    }

    /** Raw objects a LIST with start-after the compacted hours returns: the new hours', and the open hour's so far. */
    private static double listedRawObjects(Instant runAt, int compactedThrough, long[] objects, LocalDate day) {
        Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        double listed = 0;
        for (int hour = compactedThrough + 1; hour < 24; hour++) {
            Instant hourStart = dayStart.plus(Duration.ofHours(hour));
            if (!hourStart.isBefore(runAt)) {
                break;
            }
            listed += objects[hour] * Math.min(1.0, Duration.between(hourStart, runAt).toSeconds() / 3600.0);
        }
        return listed;
    }

    /** As CompactionService.buckets: a power of two, one per 250,000 clicks of the workspace in the part, at most 256. */
    static int buckets(long clicks) {
        int buckets = 1;
        while (buckets < MAX_BUCKETS && (long) buckets * CLICKS_PER_BUCKET < clicks) {
            buckets *= 2;
        }
        return buckets;
    }

    /**
     * A day's compaction runs.
     *
     * @param runs              runs that compacted the day (one per hour it closed)
     * @param clicks            the day's distinct clicks in its compacted files
     * @param rawGets           raw objects read (each once)
     * @param fileGets          compacted click files read back: only by a run that rewrote the day as one part
     * @param mergedParts       parts that run merged (0: none did)
     * @param filePuts          compacted files of clicks written by all runs
     * @param rollupPuts        rollup files (per-link counts, one per workspace and part) written by all runs
     * @param finalParts        the day's parts after its last run
     * @param finalFiles        the day's click files after its last run
     * @param largestItemBytes  the largest catalog item written (WRU are per started KB)
     * @param longestRunSeconds the longest run's modelled work (without its cold start)
     * @param longestHour       the hour that run added
     * @param longestRunClicks  the clicks that run held
     * @param exceedsTimeout    true when that is longer than the compactor's timeout
     */
    public record DayCompaction(Usage usage, int runs, long clicks, long rawGets, long fileGets, int mergedParts, long filePuts,
                                long rollupPuts, int finalParts, long finalFiles, int largestItemBytes, double longestRunSeconds,
                                int longestHour, long longestRunClicks, boolean exceedsTimeout) {
    }
}
