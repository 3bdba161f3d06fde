package dev.shortstack.bench.cost;

/**
 * What one compute option of the redirect used over a simulated window, counted click by click.
 *
 * @param clicks              redirects (each one invocation, one click event)
 * @param billedMillis        Lambda's billed duration summed over invocations, per started ms (0 on managed instances)
 * @param meanDurationMs      the mean invocation time the simulation occupied an environment for
 * @param linkReads           GetItem calls: requests whose environment had no live entry for the link
 * @param sqsCalls            SendMessage calls (a message carries one click, or on managed instances the clicks that shared the call)
 * @param sqsBilledRequests   the same, billed per started 64 KB of payload
 * @param metricsLines        EMF lines written (one per environment per 10 s at most)
 * @param environments        execution environments started in the window (managed instances: one per instance)
 * @param peakConcurrency     most requests in flight at once (Lambda); 0 where not tracked
 * @param maxLiveCacheEntries an upper bound of one environment's live cache entries at any time
 */
public record RedirectUsage(long clicks, double billedMillis, double meanDurationMs, long linkReads, long sqsCalls,
                            long sqsBilledRequests, long metricsLines, int environments, int peakConcurrency,
                            int maxLiveCacheEntries) {

    public double perThousandClicks(double count) {
        return count * 1000 / clicks;
    }

    public double clicksPerSqsCall() {
        return (double) clicks / sqsCalls;
    }

    /** Billed requests of one SQS call carrying {@code bodyBytes} of messages: one per started 64 KB. */
    public static long sqsChunks(double bodyBytes) {
        return Math.max(1, (long) Math.ceil(bodyBytes / Prices.SQS_CHUNK_BYTES));
    }
}
