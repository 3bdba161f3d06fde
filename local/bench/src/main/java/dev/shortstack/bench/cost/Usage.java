package dev.shortstack.bench.cost;

/**
 * What one design used over the simulated window: billed units of every service, summed. Day-scale
 * work (compaction) is added as its share of the window, so every figure divides by the window's
 * clicks.
 */
public final class Usage {
    public long clicks;
    public double writeUnits;
    public double readUnits;
    /** PUT, COPY, POST and LIST requests. */
    public double s3Tier1;
    public double s3Gets;
    public double aggregatorInvocations;
    public double aggregatorGbSeconds;
    public double compactorInvocations;
    public double compactorGbSeconds;
    /** Bytes of one window's clicks kept in S3 Standard and in DynamoDB (with its per-item overhead). */
    public double s3Bytes;
    public double dynamoBytes;
    /** ReceiveMessage and DeleteMessageBatch of the clicks queue. */
    public double queueConsumeRequests;
    /** The compactions queue: the schedule's message, its receive and its delete. */
    public double otherSqsRequests;

    /** Adds {@code share} of another usage (e.g. 1/24 of a day's compaction to an hour's window). */
    public void add(Usage other, double share) {
        writeUnits += other.writeUnits * share;
        readUnits += other.readUnits * share;
        s3Tier1 += other.s3Tier1 * share;
        s3Gets += other.s3Gets * share;
        aggregatorInvocations += other.aggregatorInvocations * share;
        aggregatorGbSeconds += other.aggregatorGbSeconds * share;
        compactorInvocations += other.compactorInvocations * share;
        compactorGbSeconds += other.compactorGbSeconds * share;
        s3Bytes += other.s3Bytes * share;
        dynamoBytes += other.dynamoBytes * share;
        queueConsumeRequests += other.queueConsumeRequests * share;
        otherSqsRequests += other.otherSqsRequests * share;
    }

    public double perThousandClicks(double units) {
        return units * 1_000.0 / clicks;
    }

    /** Dollars per million clicks, by where they go; storage is one month of the clicks' bytes. */
    public Dollars dollarsPerMillionClicks() {
        double perMillion = 1_000_000.0 / clicks;
        return new Dollars(
                writeUnits * Prices.DYNAMODB_WRU * perMillion,
                readUnits * Prices.DYNAMODB_RRU * perMillion,
                dynamoBytes / Prices.BYTES_PER_GB * Prices.DYNAMODB_STORAGE_GB_MONTH * perMillion,
                (s3Tier1 * Prices.S3_TIER1_REQUEST + s3Gets * Prices.S3_GET_REQUEST) * perMillion,
                s3Bytes / Prices.BYTES_PER_GB * Prices.S3_STANDARD_GB_MONTH * perMillion,
                (aggregatorInvocations + compactorInvocations) * Prices.LAMBDA_REQUEST * perMillion,
                (aggregatorGbSeconds + compactorGbSeconds) * Prices.LAMBDA_ARM_GB_SECOND * perMillion,
                otherSqsRequests * Prices.SQS_REQUEST * perMillion,
                queueConsumeRequests * Prices.SQS_REQUEST * perMillion);
    }

    /** Dollars per million clicks; {@link #analytics()} excludes consuming the clicks queue. */
    public record Dollars(double dynamoWrites, double dynamoReads, double dynamoStorage, double s3Requests,
                          double s3Storage, double lambdaRequests, double lambdaDuration, double compactionQueue,
                          double queueConsume) {
        public double analytics() {
            return dynamoWrites + dynamoReads + dynamoStorage + s3Requests + s3Storage + lambdaRequests + lambdaDuration
                    + compactionQueue;
        }
    }
}
