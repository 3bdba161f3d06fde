package dev.shortstack.analytics.entrypoints;

import dev.shortstack.analytics.aggregate.ArchiveWriter;
import dev.shortstack.analytics.aggregate.ClickAggregationService;
import dev.shortstack.analytics.classify.ClickClassifier;
import dev.shortstack.analytics.store.ClickArchive;
import dev.shortstack.analytics.store.s3.S3ClickArchive;
import dev.shortstack.shared.archive.ArchiveCatalog;
import dev.shortstack.shared.archive.DynamoArchiveCatalog;
import dev.shortstack.shared.aws.AwsClients;
import dev.shortstack.shared.aws.S3Clients;
import dev.shortstack.shared.config.Env;
import dev.shortstack.shared.config.EnvNames;
import dev.shortstack.shared.observability.Observability;
import dev.shortstack.shared.webhooks.SubscribedWebhookEvents;
import dev.shortstack.shared.webhooks.WebhookEvents;
import dev.shortstack.shared.webhooks.WebhookSubscriptions;
import java.time.Clock;
import software.amazon.awssdk.services.s3.S3Client;

/** What the aggregator is built from; tests pass their own archive, catalog or clock. */
public record AnalyticsDependencies(ClickClassifier classifier, ClickArchive archive, ArchiveCatalog catalog, Clock clock,
                                    WebhookEvents webhooks) {

    /** Without webhooks. */
    public AnalyticsDependencies(ClickClassifier classifier, ClickArchive archive, ArchiveCatalog catalog, Clock clock) {
        this(classifier, archive, catalog, clock, WebhookEvents.NONE);
    }

    public ClickAggregationService aggregation(Observability observability) {
        return new ClickAggregationService(classifier, new ArchiveWriter(archive), catalog, clock, observability, webhooks);
    }

    public static AnalyticsDependencies fromEnv(Env env) {
        env.requireAll(EnvNames.STATS_TABLE, EnvNames.CLICK_ARCHIVE_BUCKET);
        AwsClients aws = AwsClients.fromEnv(env);
        S3Client s3 = S3Clients.of(aws);
        // A batch of clicks asks whether anyone subscribes: remembered for a few seconds, so idle workspaces cost next to nothing.
        WebhookEvents webhooks = SubscribedWebhookEvents.fromEnv(env, aws, WebhookSubscriptions.cacheFromEnv(env));
        return new AnalyticsDependencies(new ClickClassifier(),
                new S3ClickArchive(s3, env.require(EnvNames.CLICK_ARCHIVE_BUCKET)),
                new DynamoArchiveCatalog(aws.dynamo(), env.require(EnvNames.STATS_TABLE)),
                Clock.systemUTC(),
                webhooks);
    }
}
