package dev.shortstack.stats;

import dev.shortstack.shared.archive.ArchiveCatalog;
import dev.shortstack.shared.archive.DynamoArchiveCatalog;
import dev.shortstack.shared.aws.AwsClients;
import dev.shortstack.shared.aws.S3Clients;
import dev.shortstack.shared.concurrent.DaemonPool;
import dev.shortstack.shared.config.Env;
import dev.shortstack.shared.config.EnvNames;
import dev.shortstack.shared.observability.Observability;
import dev.shortstack.stats.archive.ArchiveSlicer;
import dev.shortstack.stats.archive.ArchiveStore;
import dev.shortstack.stats.archive.CompactedFileCache;
import dev.shortstack.stats.archive.RawObjectReader;
import dev.shortstack.stats.archive.s3.S3ArchiveStore;
import dev.shortstack.stats.engine.ClickEngine;
import dev.shortstack.stats.engine.QueryLimits;
import java.nio.file.Path;
import java.time.Duration;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Everything that reads the click archive, built once per execution environment: the bucket, the
 * catalog, the local file cache, the slicer and the engine. The stats API, the compactor and the
 * exports of the jobs worker all read clicks through it, so they count the same way.
 *
 * @param scratch where fetched files, spills and compaction output go ({@code /tmp} in Lambda)
 */
public record ArchiveAccess(ArchiveStore store, ArchiveCatalog catalog, ArchiveSlicer slicer, ClickEngine engine, Path scratch) {
    /** Raw clicks kept decoded in memory (about 1 KB each). */
    private static final long DECODED_CLICKS = 200_000;
    private static final int FETCH_THREADS = 16;

    /** @param defaultTimeoutSeconds a statement's time limit unless QUERY_TIMEOUT_SECONDS says otherwise */
    public static ArchiveAccess fromEnv(Env env, AwsClients aws, Observability observability, int defaultTimeoutSeconds) {
        env.requireAll(EnvNames.STATS_TABLE, EnvNames.CLICK_ARCHIVE_BUCKET);
        S3Client s3 = S3Clients.of(aws);
        ArchiveStore store = new S3ArchiveStore(s3, env.require(EnvNames.CLICK_ARCHIVE_BUCKET));
        ArchiveCatalog catalog = new DynamoArchiveCatalog(aws.dynamo(), env.require(EnvNames.STATS_TABLE));
        Path scratch = Path.of(env.get(EnvNames.ARCHIVE_CACHE_DIR, System.getProperty("java.io.tmpdir")), "shortstack-archive");
        ClickEngine engine = new ClickEngine(new QueryLimits(
                env.getInt(EnvNames.QUERY_MEMORY_MB, 1024, 64, 65_536),
                Math.max(1, Runtime.getRuntime().availableProcessors()),
                Duration.ofSeconds(env.getInt(EnvNames.QUERY_TIMEOUT_SECONDS, defaultTimeoutSeconds, 1, 900))), scratch.resolve("spill"));
        CompactedFileCache files = new CompactedFileCache(store, scratch.resolve("files"),
                env.getInt(EnvNames.ARCHIVE_CACHE_MB, 1024, 16, 1_048_576) * 1024L * 1024L);
        ArchiveSlicer slicer = new ArchiveSlicer(catalog, store, files, new RawObjectReader(store, DECODED_CLICKS, observability),
                DaemonPool.fixed("archive-fetch", FETCH_THREADS));
        return new ArchiveAccess(store, catalog, slicer, engine, scratch);
    }
}
