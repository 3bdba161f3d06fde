package dev.shortstack.bench.cost;

/**
 * One compaction run's requests, counted as {@code CompactionService} makes them, and its duration:
 * DuckDB's work on the clicks the run holds, raw objects read {@code compactorReadThreads} at a time
 * (its READERS pool), everything else one request after another as the code makes it.
 */
final class CompactionRun {
    private static final int LIST_PAGE = 1_000;
    private static final int DELETE_OBJECTS_MAX = 1_000;
    private static final int BATCH_WRITE_MAX = 25;

    final int throughHour;
    /** Clicks the run de-duplicates and writes: its part's, or the whole day's when it rewrites the day. */
    long clicks;
    long rawGets;
    /** Compacted click files downloaded (the previous parts of a day rewritten as one part), one after another. */
    long fileGets;
    long clickFilePuts;
    long rollupPuts;
    /** LIST pages, PUTs and DeleteObjects: S3 tier-1 requests, one after another. */
    long lists;
    long deleteObjects;
    long dynamoRequests;
    long readUnits;
    long writeUnits;
    /** The largest catalog item it wrote or read. */
    int largestItemBytes;

    CompactionRun(int throughHour) {
        this.throughHour = throughHour;
    }

    void listPages(long keys) {
        lists += Math.max(1, (keys + LIST_PAGE - 1) / LIST_PAGE);
    }

    void deleteObjects(long keys) {
        deleteObjects += (keys + DELETE_OBJECTS_MAX - 1) / DELETE_OBJECTS_MAX;
    }

    /** A strongly consistent Query returning items of this many bytes in all. */
    void query(int bytes) {
        dynamoRequests++;
        readUnits += DynamoSize.strongReadUnits(bytes);
    }

    /** An UpdateItem or PutItem: billed on the larger of the item before and after. */
    void write(int bytesBefore, int bytesAfter) {
        writeUnits += DynamoSize.writeUnits(bytesBefore, bytesAfter);
        largestItemBytes = Math.max(largestItemBytes, Math.max(bytesBefore, bytesAfter));
    }

    /** Items written (or deleted) in BatchWriteItems of 25: the requests; each item's units are counted by {@link #write}. */
    void batchWrites(long items) {
        dynamoRequests += (items + BATCH_WRITE_MAX - 1) / BATCH_WRITE_MAX;
    }

    void singleWrite(int bytesBefore, int bytesAfter) {
        write(bytesBefore, bytesAfter);
        dynamoRequests++;
    }

    long tier1() {
        return lists + clickFilePuts + rollupPuts + deleteObjects;
    }

    long gets() {
        return rawGets + fileGets;
    }

    /** The run's work, without the invocation's cold start. */
    double millis(Assumptions assumptions) {
        return clicks * assumptions.compactionMicrosPerClick() / 1000.0
                + rawGets * assumptions.s3GetMs() / assumptions.compactorReadThreads()
                + fileGets * assumptions.s3GetMs()
                + tier1() * assumptions.s3PutMs()
                + dynamoRequests * assumptions.dynamoMs();
    }
}
