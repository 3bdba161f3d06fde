package dev.shortstack.shared.stats;

/**
 * The key scheme of the stats table. Clicks are not counted here: every figure is computed on read
 * from the click archive. The table holds the archive's catalog and the compaction jobs.
 *
 * <pre>
 * archive catalog, per day:            pk catalog          sk {day}          compactedAt, throughHour, parts, clicks, lease
 * archive catalog, per workspace/day:  pk catalog#{ws}     sk {day}          parts (version, buckets)
 * late raw objects (one item each):    pk late             sk {day}#{key}
 * compaction jobs:                     pk J#{jobId}        sk job
 * </pre>
 */
public final class StatsKeys {
    public static final String CATALOG = "catalog";
    public static final String LATE = "late";

    private StatsKeys() {
    }

    public static String catalogWorkspace(String workspaceId) {
        return CATALOG + "#" + workspaceId;
    }

    public static String job(String jobId) {
        return "J#" + jobId;
    }
}
