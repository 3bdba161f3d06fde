package dev.shortstack.shared.archive;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HexFormat;

/**
 * Where things live in the click-archive bucket.
 *
 * <pre>
 * clicks/dt=YYYY-MM-DD/hour=HH/{hash}.jsonl.gz       raw objects: one per aggregator batch and click hour
 * compacted/dt=YYYY-MM-DD/ws={workspace}/{version}-b{i}-of-{n}.parquet
 *                                                     a day's compacted hours, de-duplicated, one file per link-hash bucket
 * compacted/dt=YYYY-MM-DD/rollups/ws={workspace}/{version}-rollup.parquet
 *                                                     the same clicks counted per link: quarter hours, dimension values, uniques
 * quarantine/{original key}                           objects that could not be read, kept for inspection
 * </pre>
 *
 * A raw object's name is a hash of its sorted click ids, so a batch delivered again writes the same
 * key. Compacted files are Hive-partitioned by day and workspace, so Athena's partition projection
 * reads the same files the stats API reads.
 */
public final class ArchiveLayout {
    public static final String ROOT = "clicks/";
    public static final String COMPACTED_ROOT = "compacted/";
    public static final String QUARANTINE_ROOT = "quarantine/";

    private ArchiveLayout() {
    }

    public static String dayPrefix(LocalDate day) {
        return ROOT + "dt=" + day + "/";
    }

    public static String hourPrefix(LocalDate day, int hour) {
        return dayPrefix(day) + String.format("hour=%02d/", hour);
    }

    public static String key(LocalDate day, int hour, Collection<String> clickIds) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            clickIds.stream().sorted().forEach(id -> {
                digest.update(id.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            });
            return hourPrefix(day, hour) + HexFormat.of().formatHex(digest.digest(), 0, 16) + ".jsonl.gz";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** The day a raw object's clicks happened on (UTC), from its key. */
    public static LocalDate dayOfRawKey(String key) {
        return LocalDate.parse(key.substring(ROOT.length() + 3, ROOT.length() + 13));
    }

    public static String compactedDayPrefix(LocalDate day) {
        return COMPACTED_ROOT + "dt=" + day + "/";
    }

    public static String compactedWorkspacePrefix(LocalDate day, String workspaceId) {
        return compactedDayPrefix(day) + "ws=" + URLEncoder.encode(workspaceId, StandardCharsets.UTF_8) + "/";
    }

    public static String compactedFile(LocalDate day, String workspaceId, String version, int bucket, int buckets) {
        return compactedWorkspacePrefix(day, workspaceId) + version + "-b" + bucket + "-of-" + buckets + ".parquet";
    }

    /** The per-link counts of a workspace's compacted day: outside {@code ws=} folders, so Athena's table does not read them. */
    public static String rollupFile(LocalDate day, String workspaceId, String version) {
        return compactedDayPrefix(day) + "rollups/ws=" + URLEncoder.encode(workspaceId, StandardCharsets.UTF_8) + "/" + version
                + "-rollup.parquet";
    }

    /** Whether a key under {@code compacted/} is a file of clicks (not of per-link counts). */
    public static boolean isClickFile(String compactedKey) {
        return !compactedKey.contains("/rollups/");
    }

    /** The version part of a compacted file's name (click or rollup file). */
    public static String versionOf(String compactedKey) {
        String name = compactedKey.substring(compactedKey.lastIndexOf('/') + 1);
        return name.substring(0, name.indexOf('-'));
    }

    /** A short hash that names a set of raw objects: the same set, the same version. */
    public static String version(Collection<String> rawKeys) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            rawKeys.stream().sorted().forEach(key -> {
                digest.update(key.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            });
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    public static String quarantine(String key) {
        return QUARANTINE_ROOT + key;
    }

    /**
     * A link's bucket among {@code buckets}: the first four bytes of SHA-256 of its id. The stats
     * query computes the same bucket in Java to pick the one file it needs.
     */
    public static int bucketOf(String linkId, int buckets) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(linkId.getBytes(StandardCharsets.UTF_8));
            int value = ((hash[0] & 0xff) << 24) | ((hash[1] & 0xff) << 16) | ((hash[2] & 0xff) << 8) | (hash[3] & 0xff);
            return Integer.remainderUnsigned(value, buckets);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
