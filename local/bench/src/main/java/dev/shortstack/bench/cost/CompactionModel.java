package dev.shortstack.bench.cost;

import dev.shortstack.shared.archive.ArchiveDays;
import dev.shortstack.shared.stats.StatsKeys;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

/**
 * The compactor's work on one UTC day, request by request as {@code CompactArchiveFunction},
 * {@code CompactionService} and {@code DynamoArchiveCatalog} do it (as of commit 32ac4ca: hour by hour,
 * with per-link rollups).
 *
 * <p>The schedule ({@code cron(25 * * * ? *)}) sends one message an hour to the compactions queue;
 * each invocation reads the catalog ({@code dueDays}: two range Queries and one of the late items,
 * strongly consistent, 1 RRU each) and compacts each day with a newly closed hour
 * ({@link ArchiveDays#lastCompactableHour}, 20 minutes after the hour's end): so a day takes 24 runs,
 * the run at hh:25 adding hour hh-1. A run: takes the lease (a conditional UpdateItem of the day's
 * catalog item); reads the day's entry (two Queries); LISTs the day's raw objects after the hour it
 * is compacted through (1,000 keys a page: the new hour and what has been written since); LISTs the
 * compacted prefix and GETs
 * every file of the current version (the whole day so far, every workspace); GETs the new hour's
 * raw objects; writes every workspace's files again (a bucket per 250,000 clicks of the workspace's
 * day so far, a power of two, at most 256), one PUT each, and one rollup file of per-link counts per
 * workspace (its size is not counted in storage); writes one catalog PutItem per workspace
 * (BatchWriteItem of 25), the day's UpdateItem, Queries the day's late items; LISTs the compacted
 * prefix again and deletes the previous version's files and rollups (DeleteObjects of 1,000, counted as a
 * tier-1 POST); releases the lease (an UpdateItem). Late objects (none in the simulation) are read
 * once more and their items deleted, in the day's last run.
 */
public final class CompactionModel {
    /** As CompactionService.CLICKS_PER_BUCKET and MAX_BUCKETS (package-private there). */
    static final long CLICKS_PER_BUCKET = 250_000;
    static final int MAX_BUCKETS = 256;
    /** The schedule invokes the compactor once an hour, due or not. */
    static final int INVOCATIONS_PER_DAY = 24;
    private static final int DUE_DAYS_QUERIES = 3;
    private static final int DAY_ENTRY_QUERIES = 2;
    /** The schedule's SendMessage (by EventBridge), the mapping's ReceiveMessage and DeleteMessageBatch. */
    private static final int SQS_REQUESTS_PER_RUN = 3;
    /** Minutes past the hour the schedule runs (stages.json compactionScheduleUtc "25 * * * ? *", dev and prod). */
    private static final int SCHEDULE_MINUTE = 25;
    private static final int LIST_PAGE = 1_000;
    private static final int DELETE_OBJECTS_MAX = 1_000;
    private static final int BATCH_WRITE_MAX = 25;
    private static final String OWNER = "00000000-0000-4000-8000-000000000000";
    private static final String VERSION = "0123456789abcdef";
    private static final Duration LEASE = Duration.ofMinutes(10);

    private final Assumptions assumptions;

    public CompactionModel(Assumptions assumptions) {
        this.assumptions = assumptions;
    }

    /**
     * @param objects         the day's raw objects per UTC hour
     * @param workspaceClicks the day's clicks per workspace and UTC hour
     * @param lateObjects     raw objects that were written after their hour closed
     */
    public DayCompaction compactDay(LocalDate day, long[] objects, Map<String, long[]> workspaceClicks, long lateObjects) {
        Usage usage = new Usage();
        Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<String, Long> through = new TreeMap<>();
        int previousThrough = -1;
        long previousFiles = 0;
        long previousRollups = 0;
        int entry = 0;
        int runs = 0;
        double longestMs = 0;
        int longestHour = 0;
        long rawGets = 0;
        long fileGets = 0;
        long filePuts = 0;
        long rollupPuts = 0;
        for (int k = 0; k < 48 && previousThrough < 23; k++) {
            Instant runAt = dayStart.plus(Duration.ofHours(k).plusMinutes(SCHEDULE_MINUTE));
            int throughHour = ArchiveDays.lastCompactableHour(day, runAt);
            if (throughHour <= previousThrough) {
                continue;   // not due: dueDays leaves the day out
            }
            runs++;
            long dynamoRequests = DUE_DAYS_QUERIES + DAY_ENTRY_QUERIES;
            long slowS3 = 0;
            usage.readUnits += DUE_DAYS_QUERIES + DAY_ENTRY_QUERIES;

            int leased = entry == 0 ? keyBytes(day) + leaseBytes(runAt) : entry + leaseBytes(runAt);
            usage.writeUnits += DynamoSize.writeUnits(entry, leased);
            dynamoRequests++;

            double listed = 0;
            long raw = 0;
            for (int hour = previousThrough + 1; hour < 24; hour++) {
                Instant hourStart = dayStart.plus(Duration.ofHours(hour));
                if (!hourStart.isBefore(runAt)) {
                    break;
                }
                listed += objects[hour] * Math.min(1.0, Duration.between(hourStart, runAt).toSeconds() / 3600.0);
                if (hour <= throughHour) {
                    raw += objects[hour];
                }
            }
            slowS3 += pages(Math.round(listed));
            if (previousFiles > 0) {
                slowS3 += pages(previousFiles + previousRollups);   // the listing holds the rollups too; they are not read
                fileGets += previousFiles;
            }
            long late = throughHour == 23 ? lateObjects : 0;
            raw += late;
            rawGets += raw;

            for (int hour = previousThrough + 1; hour <= throughHour; hour++) {
                final int h = hour;
                workspaceClicks.forEach((workspace, perHour) -> {
                    if (perHour[h] > 0) {
                        through.merge(workspace, perHour[h], Long::sum);
                    }
                });
            }
            long clicks = 0;
            long files = 0;
            for (Map.Entry<String, Long> workspace : through.entrySet()) {
                int buckets = buckets(workspace.getValue());
                clicks += workspace.getValue();
                files += buckets;
                usage.writeUnits += DynamoSize.writeUnits(0, DynamoSize.string("pk", StatsKeys.catalogWorkspace(workspace.getKey()))
                        + DynamoSize.string("sk", day.toString()) + DynamoSize.string("version", VERSION)
                        + DynamoSize.number("buckets", buckets));
            }
            long rollups = through.size();   // one file of per-link counts per workspace
            filePuts += files;
            rollupPuts += rollups;
            slowS3 += files + rollups;
            dynamoRequests += (through.size() + BATCH_WRITE_MAX - 1) / BATCH_WRITE_MAX;

            int compacted = keyBytes(day) + DynamoSize.string("compactedAt", runAt.toString())
                    + DynamoSize.number("clicks", clicks) + DynamoSize.number("throughHour", throughHour)
                    + DynamoSize.string("version", VERSION);
            usage.writeUnits += DynamoSize.writeUnits(leased, compacted + leaseBytes(runAt));
            usage.readUnits += 1;   // the Query of the day's late items
            dynamoRequests += 2;
            if (late > 0) {
                usage.writeUnits += late;   // a DeleteRequest of a ~100-byte item: 1 WRU
                dynamoRequests += (late + BATCH_WRITE_MAX - 1) / BATCH_WRITE_MAX;
            }

            slowS3 += pages(previousFiles + previousRollups + files + rollups);
            slowS3 += (previousFiles + previousRollups + DELETE_OBJECTS_MAX - 1) / DELETE_OBJECTS_MAX;

            usage.writeUnits += DynamoSize.writeUnits(compacted + leaseBytes(runAt), compacted);   // the release
            dynamoRequests++;
            entry = compacted;

            usage.s3Tier1 += slowS3;
            usage.s3Gets += previousFiles + raw;
            double ms = clicks * assumptions.compactionMicrosPerClick() / 1000.0
                    + (previousFiles + raw) * assumptions.s3GetMs()
                    + slowS3 * assumptions.s3PutMs()
                    + dynamoRequests * assumptions.dynamoMs();
            if (ms > longestMs) {
                longestMs = ms;
                longestHour = throughHour;
            }
            usage.compactorGbSeconds += Assumptions.billedSeconds(ms) * assumptions.compactorGb();
            previousFiles = files;
            previousRollups = rollups;
            previousThrough = throughHour;
        }
        // The schedule's invocations: one an hour whatever is due, each a cold start, each one message on the queue.
        usage.compactorInvocations += INVOCATIONS_PER_DAY;
        usage.compactorGbSeconds += INVOCATIONS_PER_DAY * Assumptions.billedSeconds(assumptions.compactorHourlyMs())
                * assumptions.compactorGb();
        usage.otherSqsRequests += INVOCATIONS_PER_DAY * SQS_REQUESTS_PER_RUN;
        long dayClicks = through.values().stream().mapToLong(Long::longValue).sum();
        usage.s3Bytes += dayClicks * assumptions.parquetBytesPerClick();
        return new DayCompaction(usage, runs, rawGets, fileGets, filePuts, rollupPuts, previousFiles, longestMs / 1000.0, longestHour,
                longestMs / 1000.0 > assumptions.compactorTimeoutSeconds());
    }

    /** As CompactionService.buckets: a power of two, one per 250,000 clicks, at most 256. */
    static int buckets(long clicks) {
        int buckets = 1;
        while (buckets < MAX_BUCKETS && (long) buckets * CLICKS_PER_BUCKET < clicks) {
            buckets *= 2;
        }
        return buckets;
    }

    private static long pages(long keys) {
        return Math.max(1, (keys + LIST_PAGE - 1) / LIST_PAGE);
    }

    private static int keyBytes(LocalDate day) {
        return DynamoSize.string("pk", StatsKeys.CATALOG) + DynamoSize.string("sk", day.toString());
    }

    private static int leaseBytes(Instant now) {
        return DynamoSize.string("leaseOwner", OWNER) + DynamoSize.number("leaseUntilMillis", now.plus(LEASE).toEpochMilli());
    }

    /**
     * A day's compaction runs.
     *
     * @param runs             runs that compacted the day (one per hour it closed)
     * @param rawGets          raw objects read (each once)
     * @param fileGets         compacted files read back by the runs after the first
     * @param filePuts         compacted files of clicks written by all runs
     * @param rollupPuts       rollup files (per-link counts, one per workspace) written by all runs
     * @param finalFiles       the day's files after its last run
     * @param longestRunSeconds the longest run's modelled work (without its cold start)
     * @param longestHour      the hour that run added
     * @param exceedsTimeout   true when that is longer than the compactor's timeout
     */
    public record DayCompaction(Usage usage, int runs, long rawGets, long fileGets, long filePuts, long rollupPuts, long finalFiles,
                                double longestRunSeconds, int longestHour, boolean exceedsTimeout) {
    }
}
