package dev.shortstack.bench.cost;

/**
 * One execution environment of the redirect, as far as cost goes: its link cache and its metrics line.
 *
 * <p><b>Link cache</b> ({@code CachedLinkReader}): a link read from DynamoDB stays for the TTL from the
 * moment its load completed; a request finding no live entry costs one GetItem. A request that arrives
 * while the link is being loaded shares that load (Caffeine), which here is an entry "created" in the
 * near future. Entries are kept in two generations of one TTL each: a lookup needs only entries created
 * within the last TTL, so older generations are dropped, and the two generations' sizes bound the number
 * of live entries (checked against the cache's size limit, whose evictions are not modelled).
 *
 * <p><b>Metrics line</b> ({@code Observability}): at the end of an invocation, if the interval has
 * passed since the environment's last line (or its start), one EMF line is written.
 */
final class EnvironmentState {
    private final int ttlMillis;
    private final double flushIntervalSeconds;
    private double lastFlush;
    private long generation;
    private LongIntMap current = new LongIntMap(1 << 10);
    private LongIntMap previous = new LongIntMap(16);
    private int maxLiveBound;
    long reads;
    long metricsLines;

    EnvironmentState(double startedAt, int ttlSeconds, double flushIntervalSeconds) {
        this.ttlMillis = ttlSeconds * 1000;
        this.flushIntervalSeconds = flushIntervalSeconds;
        this.lastFlush = startedAt;
        this.generation = generationOf(startedAt);
    }

    /**
     * A request for {@code link} at {@code now}; a miss loads it, the load completing after {@code loadSeconds}.
     *
     * @return true when the link was cached (no read)
     */
    boolean lookUp(int link, double now, double loadSeconds) {
        rotate(now);
        long nowMillis = Math.round(now * 1000);
        int created = current.get(link, Integer.MIN_VALUE);
        if (created == Integer.MIN_VALUE) {
            created = previous.get(link, Integer.MIN_VALUE);
        }
        if (created != Integer.MIN_VALUE && nowMillis - created < ttlMillis) {
            return true;
        }
        reads++;
        current.put(link, (int) Math.round((now + loadSeconds) * 1000));
        maxLiveBound = Math.max(maxLiveBound, current.size() + previous.size());
        return false;
    }

    /** An invocation ended at {@code end}: the metrics line is written if it is due. */
    void invocationEnded(double end) {
        if (end - lastFlush >= flushIntervalSeconds) {
            metricsLines++;
            lastFlush = end;
        }
    }

    /** At most this many entries were live at once (an upper bound: the loads of the last two TTLs). */
    int maxLiveBound() {
        return maxLiveBound;
    }

    private void rotate(double now) {
        long g = generationOf(now);
        if (g == generation) {
            return;
        }
        previous = g == generation + 1 ? current : new LongIntMap(16);
        current = new LongIntMap(Math.max(1 << 10, previous.size()));
        generation = g;
    }

    private long generationOf(double seconds) {
        return (long) Math.floor(seconds * 1000 / ttlMillis);
    }
}
