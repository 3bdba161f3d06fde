package dev.shortstack.bench.cost;

import dev.shortstack.shared.stats.StatsKeys;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The compaction catalog's items, attribute by attribute, as {@code DynamoArchiveCatalog} writes
 * them: their sizes decide the WRU of each write and the RRU of each Query, and both grow with a
 * day's parts (a day that is never merged keeps 24).
 */
final class CatalogItems {
    /** A part's version: 16 hex characters ({@code ArchiveLayout.version}). */
    private static final String VERSION = "0123456789abcdef";
    private static final String OWNER = "00000000-0000-4000-8000-000000000000";
    private static final Duration LEASE = Duration.ofMinutes(10);
    /** A late object's item: its day and raw key in the sort key, nothing else. */
    static final int LATE_ITEM_BYTES = 100;

    private CatalogItems() {
    }

    /** The day's entry before any compaction: its key only (the lease creates it). */
    static int dayKey(LocalDate day) {
        return DynamoSize.string("pk", StatsKeys.CATALOG) + DynamoSize.string("sk", day.toString());
    }

    /** The lease's attributes, added by the lease's UpdateItem and removed by the release. */
    static int lease(Instant now) {
        return DynamoSize.string("leaseOwner", OWNER) + DynamoSize.number("leaseUntilMillis", now.plus(LEASE).toEpochMilli());
    }

    /** The day's entry after a run: when, the day's clicks, through which hour, and one version per part. */
    static int dayEntry(LocalDate day, Instant at, long clicks, int throughHour, int parts) {
        return dayKey(day) + DynamoSize.string("compactedAt", at.toString()) + DynamoSize.number("clicks", clicks)
                + DynamoSize.number("throughHour", throughHour)
                + DynamoSize.collection("parts", parts * DynamoSize.utf8(VERSION), parts);
    }

    /** A workspace's item of the day: one {version, buckets} map per part that holds its clicks. */
    static int workspaceItem(LocalDate day, String workspace, List<Integer> partBuckets) {
        int maps = 0;
        for (int buckets : partBuckets) {
            maps += DynamoSize.collection("", DynamoSize.string("version", VERSION) + DynamoSize.number("buckets", buckets), 2);
        }
        return DynamoSize.string("pk", StatsKeys.catalogWorkspace(workspace)) + DynamoSize.string("sk", day.toString())
                + DynamoSize.collection("parts", maps, partBuckets.size());
    }
}
