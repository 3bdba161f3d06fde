package dev.shortstack.analytics.entrypoints;

import dev.shortstack.analytics.aggregate.ArchiveWriter;
import dev.shortstack.analytics.aggregate.BatchAggregator;
import dev.shortstack.analytics.aggregate.ClickAggregationService;
import dev.shortstack.analytics.classify.ClickClassifier;
import dev.shortstack.analytics.rebuild.RebuildService;
import dev.shortstack.analytics.store.ClickArchive;
import dev.shortstack.analytics.store.CounterStore;
import dev.shortstack.analytics.store.dynamodb.DynamoCounterStore;
import dev.shortstack.analytics.store.dynamodb.DynamoRebuiltStatsStore;
import dev.shortstack.analytics.store.s3.S3ClickArchive;
import dev.shortstack.shared.aws.AwsClients;
import dev.shortstack.shared.config.Env;
import dev.shortstack.shared.config.EnvNames;
import dev.shortstack.shared.observability.Observability;
import dev.shortstack.shared.stats.RebuildJobStore;
import java.time.Clock;
import dev.shortstack.shared.concurrent.DaemonPool;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.s3.S3Client;

/** What the analytics functions are built from; tests pass their own stores. */
public record AnalyticsDependencies(ClickClassifier classifier, ClickArchive archive, CounterStore counters,
                                    RebuildService rebuild, RebuildJobStore jobs, int counterShards, Clock clock) {

    public static final int DEFAULT_COUNTER_SHARDS = 8;
    /** Parallel counter writes per batch; the URLConnection client opens a connection per thread. */
    private static final int WRITER_THREADS = 16;

    public ClickAggregationService aggregation(Observability observability) {
        ExecutorService writers = DaemonPool.fixed("counter-writer", WRITER_THREADS);
        BatchAggregator aggregator = new BatchAggregator(() -> ThreadLocalRandom.current().nextInt(counterShards));
        return new ClickAggregationService(classifier, aggregator, new ArchiveWriter(archive), counters, writers, observability);
    }

    public static AnalyticsDependencies fromEnv(Env env) {
        env.requireAll(EnvNames.STATS_TABLE, EnvNames.CLICK_ARCHIVE_BUCKET);
        AwsClients aws = AwsClients.fromEnv(env);
        S3Client s3 = aws.build(S3Client.builder().forcePathStyle(aws.endpointOverridden("S3")), "S3");
        String table = env.require(EnvNames.STATS_TABLE);
        ClickArchive archive = new S3ClickArchive(s3, env.require(EnvNames.CLICK_ARCHIVE_BUCKET));
        ClickClassifier classifier = new ClickClassifier();
        return new AnalyticsDependencies(classifier, archive,
                new DynamoCounterStore(aws.dynamo(), table),
                new RebuildService(archive, classifier, new DynamoRebuiltStatsStore(aws.dynamo(), table)),
                new RebuildJobStore(aws.dynamo(), table),
                env.getInt(EnvNames.COUNTER_SHARDS, DEFAULT_COUNTER_SHARDS, 1, 256),
                Clock.systemUTC());
    }
}
