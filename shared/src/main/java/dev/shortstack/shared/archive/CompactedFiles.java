package dev.shortstack.shared.archive;

import java.time.LocalDate;

/**
 * One workspace's compacted files of one day: {@code buckets} Parquet files of clicks and one of
 * per-link counts, of one version (a hash of the raw objects they were made from, so a repeated
 * compaction writes the same names).
 */
public record CompactedFiles(String version, int buckets) {

    public String file(LocalDate day, String workspaceId, int bucket) {
        return ArchiveLayout.compactedFile(day, workspaceId, version, bucket, buckets);
    }

    public String rollup(LocalDate day, String workspaceId) {
        return ArchiveLayout.rollupFile(day, workspaceId, version);
    }
}
