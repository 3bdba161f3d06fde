package dev.shortstack.jobs.entrypoints;

import dev.shortstack.jobs.exports.Exporter;
import dev.shortstack.jobs.imports.ChunkImporter;
import dev.shortstack.jobs.imports.ImportFinisher;
import dev.shortstack.jobs.imports.ImportPlanner;
import dev.shortstack.links.links.ShortBaseUrl;
import dev.shortstack.links.jobs.ImportLimits;
import dev.shortstack.links.jobs.JobFiles;
import dev.shortstack.links.jobs.JobQueue;
import dev.shortstack.links.jobs.JobStore;
import dev.shortstack.links.links.LinkRequestParser;
import dev.shortstack.links.links.LinkService;
import dev.shortstack.links.links.LinkDomains;
import dev.shortstack.links.links.LinkEvents;
import dev.shortstack.links.links.LinkStore;
import dev.shortstack.links.links.SlugGenerator;
import dev.shortstack.links.links.UrlPolicy;
import dev.shortstack.links.store.SqsJobQueue;
import dev.shortstack.links.store.dynamodb.DynamoJobStore;
import dev.shortstack.links.store.dynamodb.DynamoLinkStore;
import dev.shortstack.shared.observability.Observability;
import dev.shortstack.stats.ArchiveAccess;
import dev.shortstack.stats.query.ClickExports;
import dev.shortstack.links.store.s3.S3JobFiles;
import dev.shortstack.shared.aws.AwsClients;
import dev.shortstack.shared.concurrent.DaemonPool;
import dev.shortstack.shared.config.Env;
import dev.shortstack.shared.config.EnvNames;
import dev.shortstack.shared.sqs.RetrySoon;
import dev.shortstack.shared.link.DynamoVisitCounter;
import dev.shortstack.shared.webhooks.SubscribedWebhookEvents;
import dev.shortstack.shared.webhooks.WebhookEvents;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

/** What the jobs worker is built from; tests swap in their own stores or files. */
public record JobWorkerDependencies(JobStore jobs, JobQueue queue, JobFiles files, LinkStore linkStore,
                                    LinkService links, LinkRequestParser parser, ClickExports clicks,
                                    ImportLimits limits, Clock clock, WebhookEvents webhooks, RetrySoon retrySoon) {

    /** Without webhooks. */
    public JobWorkerDependencies(JobStore jobs, JobQueue queue, JobFiles files, LinkStore linkStore, LinkService links,
                                 LinkRequestParser parser, ClickExports clicks, ImportLimits limits, Clock clock) {
        this(jobs, queue, files, linkStore, links, parser, clicks, limits, clock, WebhookEvents.NONE, RetrySoon.NONE);
    }

    /** Rows of a chunk in flight at once: the writes are I/O-bound, and each thread holds one connection. */
    static final int ROW_THREADS = 8;
    private static final ExecutorService ROW_WORKERS = DaemonPool.fixed("import-row", ROW_THREADS);

    public ImportPlanner planner() {
        return new ImportPlanner(jobs, queue, files, limits, clock);
    }

    public ChunkImporter chunkImporter() {
        return new ChunkImporter(jobs, files, parser, links, new ImportFinisher(jobs, files, clock, webhooks), ROW_WORKERS, clock);
    }

    public Exporter exporter() {
        return new Exporter(jobs, files, linkStore, clicks, clock, webhooks);
    }

    /** Exports run for minutes: a statement may take up to this long unless QUERY_TIMEOUT_SECONDS says otherwise. */
    private static final int EXPORT_QUERY_TIMEOUT_SECONDS = 240;

    private static ClickExports clickExports(Env env, AwsClients aws) {
        ArchiveAccess archive = ArchiveAccess.fromEnv(env, aws, new Observability("jobs-worker"), EXPORT_QUERY_TIMEOUT_SECONDS);
        return new ClickExports(archive.slicer(), archive.engine());
    }

    public static JobWorkerDependencies fromEnv(Env env) {
        env.requireAll(EnvNames.LINKS_TABLE, EnvNames.VISITS_TABLE, EnvNames.JOBS_TABLE, EnvNames.JOBS_QUEUE_URL,
                EnvNames.JOB_FILES_BUCKET, EnvNames.STATS_TABLE, EnvNames.CLICK_ARCHIVE_BUCKET, EnvNames.SHORT_BASE_URL);
        AwsClients aws = AwsClients.fromEnv(env);
        Clock clock = Clock.systemUTC();
        String shortBaseUrl = ShortBaseUrl.validated(env.require(EnvNames.SHORT_BASE_URL));
        // Imported links go to the workspace's default domain, as links made without naming one do.
        LinkDomains domains = LinkDomains.fromEnv(env, aws.dynamo());
        LinkStore linkStore = new DynamoLinkStore(aws.dynamo(), env.require(EnvNames.LINKS_TABLE), env.require(EnvNames.VISITS_TABLE),
                env.getInt(EnvNames.LINK_INDEX_SHARDS, DynamoLinkStore.DEFAULT_INDEX_SHARDS, 1, 256));
        return new JobWorkerDependencies(
                new DynamoJobStore(aws.dynamo(), env.require(EnvNames.JOBS_TABLE)),
                new SqsJobQueue(aws.sqs(), env.require(EnvNames.JOBS_QUEUE_URL)),
                S3JobFiles.fromEnv(aws, env.require(EnvNames.JOB_FILES_BUCKET)),
                linkStore,
                new LinkService(linkStore, new DynamoVisitCounter(aws.dynamo(), env.require(EnvNames.VISITS_TABLE)),
                        new SlugGenerator(new SecureRandom()), clock, LinkEvents.NONE, domains),
                new LinkRequestParser(new UrlPolicy(shortBaseUrl, env.get(EnvNames.BLOCKED_DOMAINS, ""), domains.configured().owners().keySet())),
                clickExports(env, aws),
                ImportLimits.fromEnv(env),
                clock,
                SubscribedWebhookEvents.fromEnv(env, aws, Duration.ZERO),
                RetrySoon.sqs(aws.sqs(), env.require(EnvNames.JOBS_QUEUE_URL)));
    }
}
