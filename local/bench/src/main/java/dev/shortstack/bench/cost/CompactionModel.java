package dev.shortstack.bench.cost;

import dev.shortstack.shared.stats.StatsKeys;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The compactor's work for one closed UTC day, request by request as {@code CompactionService} and
 * {@code DynamoArchiveCatalog} do it: the lease (a conditional UpdateItem of the day's catalog item),
 * a LIST of the day's raw objects (1,000 keys a page), one GET per raw object, one Parquet PUT per
 * workspace and bucket (a bucket per 250,000 clicks of the workspace's day, a power of two, at most
 * 256), one catalog PutItem per workspace (BatchWriteItem of 25), the day's UpdateItem, a Query of
 * the day's late items, a LIST of the compacted prefix, a DeleteObjects only when older versions
 * exist (not in a first compaction), and the release (an UpdateItem). A day with late raw objects
 * is compacted again (every object read again, the old version deleted, the late items deleted).
 *
 * Plus the schedule: 24 invocations a day from EventBridge through the compactions queue, each
 * reading the catalog ({@code dueDays}: two range Queries and one of the late items, strongly
 * consistent, 1 RRU each) and billed for a cold start; one of them also compacts the day.
 */
public final class CompactionModel {
    /** As CompactionService.CLICKS_PER_BUCKET and MAX_BUCKETS (package-private there). */
    static final long CLICKS_PER_BUCKET = 250_000;
    static final int MAX_BUCKETS = 256;
    public static final int RUNS_PER_DAY = 24;
    private static final int CATALOG_QUERIES_PER_RUN = 3;
    /** The schedule's SendMessage (by EventBridge), the mapping's ReceiveMessage and DeleteMessageBatch. */
    private static final int SQS_REQUESTS_PER_RUN = 3;
    private static final int LIST_PAGE = 1_000;
    private static final int DELETE_OBJECTS_MAX = 1_000;
    private static final int BATCH_WRITE_MAX = 25;
    private static final String OWNER = "00000000-0000-4000-8000-000000000000";
    private static final String VERSION = "0123456789abcdef";

    private final Assumptions assumptions;

    public CompactionModel(Assumptions assumptions) {
        this.assumptions = assumptions;
    }

    /**
     * @param rawObjects      the day's raw objects
     * @param workspaceClicks the day's clicks per workspace
     * @param lateObjects     raw objects that arrived after the day's first compaction (each triggers nothing
     *                        more than one recompaction of the day, at the next hourly run)
     */
    public DayCompaction compactDay(LocalDate day, long rawObjects, Map<String, Long> workspaceClicks, long lateObjects) {
        Usage usage = new Usage();
        long clicks = workspaceClicks.values().stream().mapToLong(Long::longValue).sum();
        long files = workspaceClicks.values().stream().mapToLong(CompactionModel::buckets).sum();
        double ms = compaction(usage, day, rawObjects - lateObjects, workspaceClicks, clicks, files, false, 0);
        double lateMs = lateObjects > 0 ? compaction(usage, day, rawObjects, workspaceClicks, clicks, files, true, lateObjects) : 0;
        usage.readUnits += RUNS_PER_DAY * CATALOG_QUERIES_PER_RUN;
        usage.compactorInvocations += RUNS_PER_DAY;
        int plainRuns = RUNS_PER_DAY - 1 - (lateObjects > 0 ? 1 : 0);
        usage.compactorGbSeconds += (plainRuns * Assumptions.billedSeconds(assumptions.compactorHourlyMs())
                + Assumptions.billedSeconds(assumptions.compactorHourlyMs() + ms)
                + (lateObjects > 0 ? Assumptions.billedSeconds(assumptions.compactorHourlyMs() + lateMs) : 0))
                * assumptions.compactorGb();
        usage.otherSqsRequests += RUNS_PER_DAY * SQS_REQUESTS_PER_RUN;
        usage.s3Bytes += clicks * assumptions.parquetBytesPerClick();
        return new DayCompaction(usage, rawObjects, files, (long) Math.ceil((double) rawObjects / LIST_PAGE), ms / 1000.0,
                ms / 1000.0 > assumptions.compactorTimeoutSeconds());
    }

    /** One compaction of the day; returns its duration in ms. */
    private double compaction(Usage usage, LocalDate day, long rawObjects, Map<String, Long> workspaceClicks, long clicks,
                              long files, boolean again, long lateItems) {
        long dynamoRequests = 0;
        int leased = DynamoSize.string("pk", StatsKeys.CATALOG) + DynamoSize.string("sk", day.toString())
                + DynamoSize.string("leaseOwner", OWNER) + DynamoSize.number("leaseUntilMillis", millis(day));
        int compacted = DynamoSize.string("pk", StatsKeys.CATALOG) + DynamoSize.string("sk", day.toString())
                + DynamoSize.string("compactedAt", at(day).toString()) + DynamoSize.number("clicks", clicks);
        int compactedAndLeased = compacted + leased - DynamoSize.string("pk", StatsKeys.CATALOG) - DynamoSize.string("sk", day.toString());
        usage.writeUnits += DynamoSize.writeUnits(again ? compacted : 0, again ? compactedAndLeased : leased);
        dynamoRequests++;

        long listPages = Math.max(1, (rawObjects + LIST_PAGE - 1) / LIST_PAGE);
        usage.s3Tier1 += listPages;
        usage.s3Gets += rawObjects;
        usage.s3Tier1 += files;

        for (String workspace : workspaceClicks.keySet()) {
            usage.writeUnits += DynamoSize.writeUnits(0, DynamoSize.string("pk", StatsKeys.catalogWorkspace(workspace))
                    + DynamoSize.string("sk", day.toString()) + DynamoSize.string("version", VERSION)
                    + DynamoSize.number("buckets", buckets(workspaceClicks.get(workspace))));
        }
        dynamoRequests += (workspaceClicks.size() + BATCH_WRITE_MAX - 1) / BATCH_WRITE_MAX;
        usage.writeUnits += DynamoSize.writeUnits(again ? compactedAndLeased : leased, compactedAndLeased);
        usage.readUnits += 1;   // the Query of the day's late items
        dynamoRequests += 2;
        if (lateItems > 0) {
            usage.writeUnits += lateItems;   // a DeleteRequest of a ~100-byte item is 1 WRU
            dynamoRequests += (lateItems + BATCH_WRITE_MAX - 1) / BATCH_WRITE_MAX;
        }

        long existing = again ? 2 * files : files;
        long compactedPages = Math.max(1, (existing + LIST_PAGE - 1) / LIST_PAGE);
        usage.s3Tier1 += compactedPages;
        long deleteRequests = again ? (files + DELETE_OBJECTS_MAX - 1) / DELETE_OBJECTS_MAX : 0;
        usage.s3Tier1 += deleteRequests;   // DeleteObjects is a POST: counted as tier 1 (DELETE itself is free)

        usage.writeUnits += DynamoSize.writeUnits(compactedAndLeased, compacted);   // the release
        dynamoRequests++;

        return clicks * assumptions.compactionMicrosPerClick() / 1000.0
                + rawObjects * assumptions.s3GetMs()
                + (listPages + files + compactedPages + deleteRequests) * assumptions.s3PutMs()
                + dynamoRequests * assumptions.dynamoMs();
    }

    /** As CompactionService.buckets: a power of two, one per 250,000 clicks, at most 256. */
    static int buckets(long clicks) {
        int buckets = 1;
        while (buckets < MAX_BUCKETS && (long) buckets * CLICKS_PER_BUCKET < clicks) {
            buckets *= 2;
        }
        return buckets;
    }

    private static Instant at(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(70 * 60).plusNanos(123_456_000);
    }

    private static long millis(LocalDate day) {
        return at(day).toEpochMilli() + 10 * 60 * 1000;
    }

    /**
     * @param seconds        the modelled duration of the compaction work itself (not the hourly invocations)
     * @param exceedsTimeout true when that is longer than the compactor's timeout
     */
    public record DayCompaction(Usage usage, long rawObjects, long parquetFiles, long listPages, double seconds,
                                boolean exceedsTimeout) {
    }
}
