package dev.shortstack.shared.infra;

import dev.shortstack.shared.config.EnvNames;
import java.util.List;
import java.util.Optional;

/**
 * The one source of truth for Shortstack's tables, queues and buckets. The CDK app and the
 * local runner both build from these, so local and cloud cannot drift apart.
 */
public final class ShortstackResources {

    /** One item per slug; listing by workspace goes through a write-sharded index. */
    public static final TableDefinition LINKS = new TableDefinition(
            "links", EnvNames.LINKS_TABLE,
            KeyAttribute.string(LinkAttributes.SLUG),
            Optional.empty(),
            List.of(new IndexDefinition(LinkAttributes.WORKSPACE_INDEX,
                    KeyAttribute.string(LinkAttributes.WORKSPACE_SHARD),
                    KeyAttribute.string(LinkAttributes.CREATED_KEY))),
            Optional.empty());

    /** API keys by key id; only a hash of the secret is stored. */
    public static final TableDefinition API_KEYS = new TableDefinition(
            "api-keys", EnvNames.API_KEYS_TABLE,
            KeyAttribute.string(ApiKeyAttributes.KEY_ID),
            Optional.empty(),
            List.of(new IndexDefinition(ApiKeyAttributes.WORKSPACE_INDEX,
                    KeyAttribute.string(ApiKeyAttributes.WORKSPACE_ID),
                    KeyAttribute.string(ApiKeyAttributes.CREATED_KEY))),
            Optional.empty());

    /** Visit counters of links with a maxVisits limit, keyed by link id so a re-used slug starts at zero. */
    public static final TableDefinition VISITS = new TableDefinition(
            "visits", EnvNames.VISITS_TABLE,
            KeyAttribute.string(VisitAttributes.LINK_ID),
            Optional.empty(),
            List.of(),
            Optional.of(VisitAttributes.EXPIRES_AT_EPOCH));

    /**
     * The click archive's catalog (which days are compacted, late raw objects) and compaction
     * jobs; see {@code dev.shortstack.shared.stats.StatsKeys}. No click is counted here.
     */
    public static final TableDefinition STATS = new TableDefinition(
            "stats", EnvNames.STATS_TABLE,
            KeyAttribute.string(StatsAttributes.PK),
            Optional.of(KeyAttribute.string(StatsAttributes.SK)),
            List.of(),
            Optional.of(StatsAttributes.EXPIRES_AT_EPOCH));

    /**
     * Click events from the redirect function to the aggregator, delivered in batches of up to 500
     * gathered over at most 5 s: bigger batches aggregate more clicks into each write (see
     * docs/performance.md). The aggregator's timeout is 30 s; the visibility timeout is six times that.
     */
    public static final QueueDefinition CLICKS = new QueueDefinition(
            "clicks", EnvNames.CLICKS_QUEUE_URL, 180, 5, 14 * 24 * 3600, 500, 5);

    /**
     * Batch jobs (imports and exports) with their progress, and the ledger of finished import
     * chunks; listed per workspace, newest first, through a sparse index. Items expire 30 days
     * after the job ends.
     */
    public static final TableDefinition JOBS = new TableDefinition(
            "jobs", EnvNames.JOBS_TABLE,
            KeyAttribute.string(JobAttributes.JOB_ID),
            Optional.of(KeyAttribute.string(JobAttributes.ITEM)),
            List.of(new IndexDefinition(JobAttributes.WORKSPACE_INDEX,
                    KeyAttribute.string(JobAttributes.WORKSPACE_ID),
                    KeyAttribute.string(JobAttributes.CREATED_KEY))),
            Optional.of(JobAttributes.EXPIRES_AT_EPOCH));

    /**
     * Compaction work: one message per closed day to compact, or the schedule's "every day that is
     * due". The compactor's timeout is 5 minutes; the visibility timeout is six times that.
     */
    public static final QueueDefinition COMPACTIONS = new QueueDefinition(
            "compactions", EnvNames.COMPACTION_QUEUE_URL, 1800, 5, 14 * 24 * 3600, 1, 0);

    /**
     * Batch job work: one message per job to plan or export, one per import chunk. The worker's
     * timeout is 5 minutes; the visibility timeout is six times that. A chunk that fails five
     * times goes to the DLQ (and its job stays running, which an alarm reports).
     */
    public static final QueueDefinition JOBS_WORK = new QueueDefinition(
            "jobs", EnvNames.JOBS_QUEUE_URL, 1800, 5, 4 * 24 * 3600, 1, 0);

    /**
     * The single source of truth of analytics: every click with its classification, as raw gzip
     * JSON Lines per batch and, for closed days, compacted Parquet; see {@code ArchiveLayout}.
     */
    public static final BucketDefinition CLICK_ARCHIVE = new BucketDefinition("click-archive", EnvNames.CLICK_ARCHIVE_BUCKET);

    /**
     * Import uploads ({@code imports/<job>/source}), error reports and export results
     * ({@code jobs/<job>/...}); clients reach them only through presigned URLs.
     */
    public static final BucketDefinition JOB_FILES = new BucketDefinition("job-files", EnvNames.JOB_FILES_BUCKET);
    /** An upload landing under this prefix with this suffix starts its import (an S3 event notification to {@link #JOBS_WORK}). */
    public static final String IMPORT_UPLOAD_PREFIX = "imports/";
    public static final String IMPORT_UPLOAD_SUFFIX = "/source";

    /**
     * Webhook endpoints ({@code ws#<workspace>} / {@code ep#<id>}) and their delivery log
     * ({@code ep#<id>} / {@code dl#<delivery>}, newest last); deliveries expire 30 days after they are made.
     */
    public static final TableDefinition WEBHOOKS = new TableDefinition(
            "webhooks", EnvNames.WEBHOOKS_TABLE,
            KeyAttribute.string(WebhookAttributes.PK),
            Optional.of(KeyAttribute.string(WebhookAttributes.SK)),
            List.of(),
            Optional.of(WebhookAttributes.EXPIRES_AT_EPOCH));

    /**
     * The API's abuse limits: one counter per key and second ({@code k#<key>#<second>}) and per client
     * and minute of failed authentications ({@code f#<client>#<minute>}); each expires minutes later.
     */
    public static final TableDefinition LIMITS = new TableDefinition(
            "limits", EnvNames.LIMITS_TABLE,
            KeyAttribute.string(LimitAttributes.PK),
            Optional.empty(),
            List.of(),
            Optional.of(LimitAttributes.EXPIRES_AT_EPOCH));

    /**
     * The audit log: per workspace ({@code ws#<workspace>}), entries keyed by time ({@code <instant>#<random>});
     * each expires after the stage's retention.
     */
    public static final TableDefinition AUDIT = new TableDefinition(
            "audit", EnvNames.AUDIT_TABLE,
            KeyAttribute.string(AuditAttributes.PK),
            Optional.of(KeyAttribute.string(AuditAttributes.SK)),
            List.of(),
            Optional.of(AuditAttributes.EXPIRES_AT_EPOCH));

    /**
     * Events to fan out to a workspace's endpoints: link changes, batches of clicks, finished jobs.
     * The fan-out's timeout is 30 s; the visibility timeout is six times that.
     */
    public static final QueueDefinition WEBHOOK_EVENTS = new QueueDefinition(
            "webhook-events", EnvNames.WEBHOOK_EVENTS_QUEUE_URL, 180, 5, 4 * 24 * 3600, 10, 1);

    /**
     * One message per delivery. A failed attempt sets the message's visibility timeout to the
     * retry's backoff (doubling to at most 4 hours), so the receives span about a day before the
     * 15th failure sends it to the DLQ. The deliverer's timeout is 60 s.
     */
    public static final QueueDefinition WEBHOOK_DELIVERIES = new QueueDefinition(
            "webhook-deliveries", EnvNames.WEBHOOK_DELIVERIES_QUEUE_URL, 360, 15, 4 * 24 * 3600, 10, 0);

    /**
     * Short domains' settings ({@code d#<domain>}: root and not-found redirects) and workspaces' default domains
     * ({@code w#<workspace>}). Which workspace owns a domain is configuration, not data.
     */
    public static final TableDefinition DOMAINS = new TableDefinition(
            "domains", EnvNames.DOMAINS_TABLE,
            KeyAttribute.string(DomainAttributes.PK),
            Optional.empty(),
            List.of(),
            Optional.empty());

    public static final List<TableDefinition> TABLES = List.of(LINKS, API_KEYS, VISITS, STATS, JOBS, WEBHOOKS, LIMITS, AUDIT, DOMAINS);
    public static final List<QueueDefinition> QUEUES = List.of(CLICKS, COMPACTIONS, JOBS_WORK, WEBHOOK_EVENTS, WEBHOOK_DELIVERIES);
    public static final List<BucketDefinition> BUCKETS = List.of(CLICK_ARCHIVE, JOB_FILES);

    private ShortstackResources() {
    }

    /** Physical name of a resource in a stage, e.g. {@code shortstack-prod-links}. */
    public static String physicalName(String stage, String logicalName) {
        return "shortstack-" + stage + "-" + logicalName;
    }
}
