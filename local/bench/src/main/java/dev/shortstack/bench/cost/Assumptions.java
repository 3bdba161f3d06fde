package dev.shortstack.bench.cost;

import java.util.List;
import java.util.Locale;

/**
 * The figures the bench does not measure or count but assumes, in one place, printed with every result.
 *
 * @param cpuMicrosPerClick       parse + classify + encode of one click on this machine (measured, or given)
 * @param cpuMeasuredClicks       how many clicks the measurement timed (0: given on the command line)
 * @param lambdaCpuScale          a 1,024 MB function has 1024/1769 of a vCPU: its CPU time stretches by this much
 * @param invocationFixedMs       per aggregator invocation: handler entry, event mapping, logs and metrics
 * @param s3PutMs                 one PUT round trip (puts of a batch are sequential in both designs)
 * @param dynamoMs                one DynamoDB request round trip
 * @param oldWriterThreads        the old aggregator's parallel counter writes (WRITER_THREADS)
 * @param aggregatorGb            aggregator memory (stages.json: 1,024 MB in dev)
 * @param compactorGb             compactor memory (stages.json: 2,048 MB in dev)
 * @param compactionMicrosPerClick the compactor's CPU per click a run holds: decode or read back, de-duplicate, write Parquet
 * @param s3GetMs                 one GET round trip
 * @param compactorReadThreads    raw objects the compactor reads at once (CompactionService's READERS pool); it
 *                                downloads compacted files, and writes, one after another
 * @param compactorHourlyMs       each hourly scheduled invocation's cold start (INIT is billed)
 * @param compactorTimeoutSeconds the compactor's timeout (stages.json)
 * @param parquetBytesPerClick    compacted Parquet per click (measured by another bench)
 */
public record Assumptions(double cpuMicrosPerClick, long cpuMeasuredClicks, double lambdaCpuScale, double invocationFixedMs,
                          double s3PutMs, double dynamoMs, int oldWriterThreads, double aggregatorGb, double compactorGb,
                          double compactionMicrosPerClick, double s3GetMs, int compactorReadThreads, double compactorHourlyMs,
                          int compactorTimeoutSeconds, double parquetBytesPerClick) {

    public static Assumptions defaults(double cpuMicrosPerClick, long cpuMeasuredClicks, double parquetBytesPerClick) {
        return new Assumptions(cpuMicrosPerClick, cpuMeasuredClicks, 1769.0 / 1024, 10, 40, 10, 16, 1.0, 2.0, 2, 40, 8, 3_000,
                300, parquetBytesPerClick);
    }

    /** Lambda bills per started millisecond. */
    public static double billedSeconds(double ms) {
        return Math.ceil(ms) / 1000.0;
    }

    public List<String> describe() {
        String cpu = cpuMeasuredClicks > 0
                ? String.format(Locale.ROOT, "%.2f µs (measured in this run: the median of %d rounds of %,d clicks in batches of"
                        + " 500, after a warm-up, single-threaded, on this machine)", cpuMicrosPerClick, CpuProbe.ROUNDS,
                        cpuMeasuredClicks / CpuProbe.ROUNDS)
                : String.format(Locale.ROOT, "%.2f µs (given with --cpu-us-per-click)", cpuMicrosPerClick);
        return List.of(
                "Per-click CPU of parse + classify + encode: " + cpu + "; the old design is given the same (it parsed, classified"
                        + " and archived each click too, then planned its writes)",
                String.format(Locale.ROOT, "Lambda CPU at 1,024 MB: × %.2f (1,769 MB is one vCPU); no x86→arm64 factor", lambdaCpuScale),
                String.format(Locale.ROOT, "Aggregator invocation: %.0f ms fixed + CPU per click + %.0f ms per S3 PUT (sequential)"
                        + " + (old) DynamoDB requests at %.0f ms each on %d threads (a counter write is 1 request, a sketch merge 2)",
                        invocationFixedMs, s3PutMs, dynamoMs, oldWriterThreads),
                String.format(Locale.ROOT, "Memory: aggregator %,.0f MB (both designs), compactor %,.0f MB (stages.json dev; prod"
                        + " has 1,769 and 3,008 MB); billed per started ms", aggregatorGb * 1024, compactorGb * 1024),
                String.format(Locale.ROOT, "Compaction run: %.0f µs per click it holds (an hourly run: the clicks of the hour it"
                        + " adds as a part; the run after midnight of a finished day of at most %,d clicks: the whole day, merged"
                        + " into one part) + %.0f ms per raw-object GET / %d (read %d at a time, as CompactionService reads them)"
                        + " + %.0f ms per GET of a compacted file (the merge run's read-back, one after another) + %.0f ms per"
                        + " LIST page, PUT and DeleteObjects (one after another) + %.0f ms per DynamoDB request; no transfer time"
                        + " by size", compactionMicrosPerClick, CompactionModel.MERGE_MAX_CLICKS, s3GetMs, compactorReadThreads,
                        compactorReadThreads, s3GetMs, s3PutMs, dynamoMs),
                String.format(Locale.ROOT, "Compactor invocations: 24 a day (EventBridge → compactions queue), each billed %,.0f ms of"
                        + " cold start (INIT is billed) on top of its work; %d s timeout", compactorHourlyMs, compactorTimeoutSeconds),
                String.format(Locale.ROOT, "Compacted Parquet: %.0f bytes per click (--parquet-bytes-per-click)", parquetBytesPerClick),
                String.format(Locale.ROOT, "SQS: a long-poll receive returns what has arrived (≤ 10), the next is sent %.0f ms later;"
                        + " deletes in batches of 10; each request 1 chunk per started 64 KB of message bodies",
                        QueueConsumeModel.RECEIVE_ROUND_TRIP_SECONDS * 1000));
    }
}
