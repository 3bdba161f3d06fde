package dev.shortstack.infra;

import dev.shortstack.analytics.entrypoints.AggregateClicksFunction;
import dev.shortstack.analytics.entrypoints.ReplayClicksFunction;
import dev.shortstack.infra.constructs.ClickReplay;
import dev.shortstack.infra.config.StageConfig;
import dev.shortstack.infra.constructs.Buckets;
import dev.shortstack.infra.constructs.Cdn;
import dev.shortstack.infra.constructs.ClickArchiveGrants;
import dev.shortstack.infra.constructs.ClickEngineEnvironment;
import dev.shortstack.infra.constructs.ClickTable;
import dev.shortstack.infra.constructs.CostControls;
import dev.shortstack.infra.constructs.Dashboard;
import dev.shortstack.infra.constructs.DataTables;
import dev.shortstack.infra.constructs.HttpEntry;
import dev.shortstack.infra.constructs.ManagedInstancesCapacity;
import dev.shortstack.infra.constructs.Monitoring;
import dev.shortstack.infra.constructs.QueryWorkgroup;
import dev.shortstack.infra.constructs.Queues;
import dev.shortstack.infra.constructs.ShortstackFunction;
import dev.shortstack.jobs.entrypoints.JobWorkerFunction;
import dev.shortstack.links.entrypoints.LinksApiFunction;
import dev.shortstack.redirect.entrypoints.RedirectFunction;
import dev.shortstack.shared.config.EnvNames;
import dev.shortstack.shared.domain.ShortDomains;
import dev.shortstack.shared.infra.ShortstackResources;
import dev.shortstack.stats.entrypoints.CompactArchiveFunction;
import dev.shortstack.stats.entrypoints.StatsApiFunction;
import dev.shortstack.webhooks.entrypoints.DeliverWebhooksFunction;
import dev.shortstack.webhooks.entrypoints.FanOutWebhookEventsFunction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.RuleTargetInput;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.SqsQueue;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.SystemLogLevel;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.EventType;
import software.amazon.awscdk.services.s3.NotificationKeyFilter;
import software.amazon.awscdk.services.s3.notifications.SqsDestination;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * Shortstack in one stage: data, queues, buckets, functions, HTTP API, CDN, Athena over the click
 * archive, monitoring, cost limits.
 */
public final class ShortstackStack extends Stack {
    private final ShortstackFunction linksApi;
    private final ShortstackFunction redirect;
    private final ShortstackFunction aggregator;
    private final ShortstackFunction compactor;
    private final ShortstackFunction statsApi;
    private final ShortstackFunction jobsWorker;
    private final ShortstackFunction webhookFanOut;
    private final ShortstackFunction webhookDeliverer;
    private final ShortstackFunction clickReplayFunction;
    private final ClickReplay clickReplay;

    public ShortstackStack(Construct scope, String id, StackProps props, StageConfig config) {
        super(scope, id, props);
        String stage = config.name();
        DataTables tables = new DataTables(this, "Tables", stage, config.dynamodb());
        Queues queues = new Queues(this, "Queues", stage);
        Buckets buckets = new Buckets(this, "Buckets", config.clickArchive(), config.jobFiles(), config.athena());

        Map<String, String> resources = new HashMap<>();
        tables.all().forEach((definition, table) -> resources.put(definition.envVar(), table.getTableName()));
        queues.all().forEach((definition, queue) -> resources.put(definition.envVar(), queue.getQueueUrl()));
        ShortstackResources.BUCKETS.forEach(b -> resources.put(b.envVar(), buckets.bucket(b).getBucketName()));

        // The visitor-hash key never appears in the template nor in any function's configuration.
        Secret visitorHashKey = Secret.Builder.create(this, "VisitorHashKey")
                .description("HMAC key for privacy-safe visitor ids in click events")
                .generateSecretString(SecretStringGenerator.builder().passwordLength(48).excludePunctuation(true).build())
                .build();

        // CloudFront sends it to the API with every request; the functions refuse requests without it, so
        // nothing (no forged CloudFront-Viewer-* header) reaches them around the CDN. They read it at start.
        Secret originSecret = Secret.Builder.create(this, "OriginVerifySecret")
                .description("Sent by CloudFront to the API origin; requests without it are refused")
                .generateSecretString(SecretStringGenerator.builder().passwordLength(48).excludePunctuation(true).build())
                .build();

        // Links are validated the same way wherever they are made: the API and the import worker.
        Map<String, String> linksEnv = new HashMap<>(resources);
        linksEnv.put(EnvNames.BLOCKED_DOMAINS, String.join(",", config.blockedDomains()));
        this.linksApi = new ShortstackFunction(this, config, ShortstackFunction.Props.builder()
                .name("links-api").module("links-api").handler(LinksApiFunction.class)
                .environment(linksEnv)
                .build());
        // The redirect reads the visitor-hash key from the secret at start: only its ARN is in the configuration.
        Map<String, String> redirectEnv = new HashMap<>(resources);
        redirectEnv.put(EnvNames.CLICK_IP_HASH_SECRET_ARN, visitorHashKey.getSecretArn());
        // On "managed-instances" the redirect runs on a capacity provider in the stage's own VPC; the front door is the same.
        ManagedInstancesCapacity redirectCapacity = config.redirectCompute().onManagedInstances()
                ? new ManagedInstancesCapacity(this, "RedirectCapacity", config)
                : null;
        this.redirect = new ShortstackFunction(this, config, ShortstackFunction.Props.builder()
                .name("redirect").module("redirect").handler(RedirectFunction.class)
                .environment(redirectEnv)
                .managedInstances(redirectCapacity == null ? null : redirectCapacity.placement())
                .platformLogLevel(SystemLogLevel.WARN)
                .build());
        redirect.function().addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("secretsmanager:GetSecretValue"))
                .resources(List.of(visitorHashKey.getSecretArn()))
                .build());

        this.aggregator = new ShortstackFunction(this, config, ShortstackFunction.Props.builder()
                .name("aggregator").module("analytics").handler(AggregateClicksFunction.class)
                .environment(resources)
                .build());
        aggregator.addQueueTrigger(queues.queue(ShortstackResources.CLICKS), ShortstackResources.CLICKS);
        // Clicks SQS refused: the redirect logs them; a subscription filter hands those lines to this function.
        this.clickReplayFunction = new ShortstackFunction(this, config, ShortstackFunction.Props.builder()
                .name("click-replay").module("analytics").handler(ReplayClicksFunction.class)
                .environment(Map.of(EnvNames.CLICKS_QUEUE_URL, queues.queue(ShortstackResources.CLICKS).getQueueUrl()))
                .build());
        this.clickReplay = new ClickReplay(this, "ReplayPath", config, redirect, clickReplayFunction,
                queues.queue(ShortstackResources.CLICKS));
        // A deployment updates the consumer of click messages before their producer (and a rollback undoes the
        // producer first), so an aggregator never meets a message shape it does not read yet.
        redirect.function().getNode().addDependency(aggregator.alias());
        // The stats module's two functions (DuckDB over the archive): the compactor and the stats API.
        this.compactor = new ShortstackFunction(this, config, ShortstackFunction.Props.builder()
                .name("compactor").module("stats").handler(CompactArchiveFunction.class)
                .environment(resources).environmentFromSettings(ClickEngineEnvironment::limitsAndTimeout)
                .build());
        compactor.addQueueTrigger(queues.queue(ShortstackResources.COMPACTIONS), ShortstackResources.COMPACTIONS);
        this.statsApi = new ShortstackFunction(this, config, ShortstackFunction.Props.builder()
                .name("stats-api").module("stats").handler(StatsApiFunction.class)
                .environment(resources).environmentFromSettings(ClickEngineEnvironment::limitsAndTimeout)
                .build());
        // Exports keep the worker's own statement limit, which leaves it time to write the file.
        this.jobsWorker = new ShortstackFunction(this, config, ShortstackFunction.Props.builder()
                .name("jobs-worker").module("jobs").handler(JobWorkerFunction.class)
                .environment(linksEnv).environmentFromSettings(ClickEngineEnvironment::limits)
                .build());
        jobsWorker.addQueueTrigger(queues.queue(ShortstackResources.JOBS_WORK), ShortstackResources.JOBS_WORK);
        // An import starts when its file lands: S3 tells the jobs queue, the worker plans it.
        buckets.bucket(ShortstackResources.JOB_FILES).addEventNotification(EventType.OBJECT_CREATED,
                new SqsDestination(queues.queue(ShortstackResources.JOBS_WORK)),
                NotificationKeyFilter.builder()
                        .prefix(ShortstackResources.IMPORT_UPLOAD_PREFIX)
                        .suffix(ShortstackResources.IMPORT_UPLOAD_SUFFIX)
                        .build());
        // Webhooks: producers put events on a queue; the fan-out makes one delivery per subscribed endpoint; the
        // deliverer posts each, retrying through its message's visibility timeout.
        this.webhookFanOut = new ShortstackFunction(this, config, ShortstackFunction.Props.builder()
                .name("webhook-fanout").module("webhooks").handler(FanOutWebhookEventsFunction.class)
                .environment(resources)
                .build());
        webhookFanOut.addQueueTrigger(queues.queue(ShortstackResources.WEBHOOK_EVENTS), ShortstackResources.WEBHOOK_EVENTS);
        this.webhookDeliverer = new ShortstackFunction(this, config, ShortstackFunction.Props.builder()
                .name("webhook-deliverer").module("webhooks").handler(DeliverWebhooksFunction.class)
                .environment(resources)
                .build());
        webhookDeliverer.addQueueTrigger(queues.queue(ShortstackResources.WEBHOOK_DELIVERIES), ShortstackResources.WEBHOOK_DELIVERIES);
        // Every hour the compactor takes in what is due: days just closed, and late clicks of compacted days.
        Rule.Builder.create(this, "HourlyCompaction")
                .description("Compact every closed day of the click archive that is due")
                .schedule(Schedule.expression("cron(" + config.compactionScheduleUtc() + ")"))
                .targets(List.of(SqsQueue.Builder.create(queues.queue(ShortstackResources.COMPACTIONS))
                        .message(RuleTargetInput.fromObject(Map.of("due", true)))
                        .build()))
                .build();

        grantLeastPrivilege(tables, queues, buckets);
        // The API's abuse limits: per key per second, failed authentications per client per minute (DynamoDB counters).
        for (ShortstackFunction function : List.of(linksApi, statsApi)) {
            function.function().addEnvironment(EnvNames.API_KEY_REQUESTS_PER_SECOND, Integer.toString(config.api().keyRequestsPerSecond()));
            function.function().addEnvironment(EnvNames.API_AUTH_FAILURES_PER_MINUTE, Integer.toString(config.api().authFailuresPerMinute()));
            tables.grant(ShortstackResources.LIMITS, function.function(), "dynamodb:GetItem", "dynamodb:UpdateItem");
        }
        // The audit log: the links API notes what keys do with keys, jobs and webhooks, and lists it for admins.
        linksApi.function().addEnvironment(EnvNames.AUDIT_RETENTION_DAYS, Integer.toString(config.api().auditRetentionDays()));
        tables.grant(ShortstackResources.AUDIT, linksApi.function(), "dynamodb:PutItem", "dynamodb:Query");
        for (ShortstackFunction function : List.of(linksApi, redirect, statsApi)) {
            function.function().addEnvironment(EnvNames.ORIGIN_VERIFY_SECRET_ARN, originSecret.getSecretArn());
            function.function().addToRolePolicy(PolicyStatement.Builder.create()
                    .actions(List.of("secretsmanager:GetSecretValue"))
                    .resources(List.of(originSecret.getSecretArn()))
                    .build());
        }

        HttpEntry http = new HttpEntry(this, "Http", config, linksApi, statsApi, redirect);
        Cdn cdn = new Cdn(this, "Cdn", config, http, redirect, buckets.webAssets(), buckets.accessLogs(), originSecret,
                buckets.bucket(ShortstackResources.JOB_FILES));
        new Dashboard(this, "Dashboard", buckets.webAssets(), cdn.distribution());
        String shortBaseUrl = config.customDomain() != null
                ? "https://" + config.customDomain().domainName()
                : "https://" + cdn.distribution().getDistributionDomainName();
        // Not the redirect: it never names its own domain, and CloudFront depends on its URL (no cycle).
        List.of(linksApi, statsApi, jobsWorker).forEach(f -> f.function().addEnvironment(EnvNames.SHORT_BASE_URL, shortBaseUrl));
        if (config.customDomain() != null) {
            // The other short domains and their owners are configuration, known before anything is built: the redirect too.
            ShortDomains domains = config.customDomain().shortDomains();
            for (ShortstackFunction f : List.of(linksApi, statsApi, jobsWorker, redirect)) {
                f.function().addEnvironment(EnvNames.SHORT_DOMAINS, domains.spec());
                if (domains.defaultOwner() != null) {
                    f.function().addEnvironment(EnvNames.DEFAULT_DOMAIN_WORKSPACE, domains.defaultOwner());
                }
            }
        }

        List<ShortstackFunction> functions = List.of(linksApi, redirect, statsApi, aggregator, compactor, jobsWorker,
                webhookFanOut, webhookDeliverer, clickReplayFunction);
        new Monitoring(this, "Monitoring", config, http, functions, redirect, queues, tables, clickReplay);
        ClickTable clickTable = new ClickTable(this, "ClickTable", stage, buckets.bucket(ShortstackResources.CLICK_ARCHIVE));
        QueryWorkgroup workgroup = new QueryWorkgroup(this, "Athena", stage, config.athena(), buckets.queryResults());
        new CostControls(this, "Cost", config);
        NagSuppressionsForShortstack.apply(this, visitorHashKey, originSecret, cdn.distribution(), config.customDomain() != null,
                functions.stream().map(ShortstackFunction::function).toList(),
                http.api(), clickReplay.failures());
        if (redirectCapacity != null) {
            NagSuppressionsForShortstack.applyToManagedInstances(redirectCapacity);
        }

        CfnOutput.Builder.create(this, "ShortBaseUrl").value(shortBaseUrl).description("Base of every short link").build();
        CfnOutput.Builder.create(this, "DashboardUrl").value(shortBaseUrl + "/app/")
                .description("The dashboard (sign in with an API key)").build();
        CfnOutput.Builder.create(this, "ApiEndpoint").value(http.api().getApiEndpoint())
                .description("The HTTP API without the CDN (for smoke tests)").build();
        CfnOutput.Builder.create(this, "ApiKeysTable").value(tables.table(ShortstackResources.API_KEYS).getTableName())
                .description("Where the first admin key is written (see README)").build();
        CfnOutput.Builder.create(this, "AthenaWorkGroup").value(workgroup.name())
                .description("The Athena workgroup for SQL over the click archive (bytes-scanned cutoff enforced)").build();
        CfnOutput.Builder.create(this, "AthenaDatabase").value(clickTable.databaseName())
                .description("The Glue database holding the table '" + ClickTable.TABLE_NAME + "' (name the workspace: WHERE ws = '...')").build();
    }

    /**
     * Each function gets the actions its code calls and nothing else: the redirect can read a link
     * but not change one; it can count visits and send clicks.
     */
    private void grantLeastPrivilege(DataTables tables, Queues queues, Buckets buckets) {
        tables.grant(ShortstackResources.LINKS, redirect.function(), "dynamodb:GetItem");
        tables.grant(ShortstackResources.VISITS, redirect.function(), "dynamodb:UpdateItem");
        queues.queue(ShortstackResources.CLICKS).grantSendMessages(redirect.function());

        tables.grant(ShortstackResources.LINKS, linksApi.function(),
                "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:Query");
        tables.grant(ShortstackResources.API_KEYS, linksApi.function(),
                "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query");
        tables.grant(ShortstackResources.VISITS, linksApi.function(), "dynamodb:GetItem", "dynamodb:DeleteItem");
        grantAnalytics(tables, queues, new ClickArchiveGrants(buckets.bucket(ShortstackResources.CLICK_ARCHIVE)));
        grantJobs(tables, queues, buckets);
        grantWebhooks(tables, queues);
        // Domains' pages: the redirect reads them for visits that find no link; the links API sets them and workspaces'
        // default domains; the jobs worker reads a workspace's default for imported links.
        tables.grant(ShortstackResources.DOMAINS, redirect.function(), "dynamodb:GetItem");
        tables.grant(ShortstackResources.DOMAINS, linksApi.function(), "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem");
        tables.grant(ShortstackResources.DOMAINS, jobsWorker.function(), "dynamodb:GetItem");
    }

    /**
     * The links API manages endpoints and redelivers; producers (the links API, the aggregator, the
     * jobs worker) look up whether a workspace subscribes and raise events; the fan-out records and
     * queues deliveries; the deliverer reads an endpoint and its delivery and records each attempt.
     */
    private void grantWebhooks(DataTables tables, Queues queues) {
        var webhooks = ShortstackResources.WEBHOOKS;
        tables.grant(webhooks, linksApi.function(), "dynamodb:Query", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem");
        queues.queue(ShortstackResources.WEBHOOK_DELIVERIES).grantSendMessages(linksApi.function());
        for (ShortstackFunction producer : List.of(linksApi, aggregator, jobsWorker)) {
            queues.queue(ShortstackResources.WEBHOOK_EVENTS).grantSendMessages(producer.function());
        }
        tables.grant(webhooks, aggregator.function(), "dynamodb:Query");
        tables.grant(webhooks, jobsWorker.function(), "dynamodb:Query");
        tables.grant(webhooks, webhookFanOut.function(), "dynamodb:Query", "dynamodb:GetItem", "dynamodb:PutItem");
        queues.queue(ShortstackResources.WEBHOOK_DELIVERIES).grantSendMessages(webhookFanOut.function());
        tables.grant(webhooks, webhookDeliverer.function(), "dynamodb:GetItem", "dynamodb:UpdateItem");
    }

    /**
     * The archive is the only copy of every click; the stats table is its catalog (which days are
     * compacted, late raw objects) and holds compaction jobs. Only the aggregator writes clicks, only
     * the compactor rewrites or deletes them; the stats API and the jobs worker read them.
     */
    private void grantAnalytics(DataTables tables, Queues queues, ClickArchiveGrants archive) {
        // A batch with clicks of days already closed notes its raw object in the archive catalog (late clicks).
        tables.grant(ShortstackResources.STATS, aggregator.function(), "dynamodb:UpdateItem");
        archive.writeRawObjects(aggregator.function());

        tables.grant(ShortstackResources.STATS, compactor.function(), "dynamodb:Query", "dynamodb:GetItem",
                "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem");
        archive.compact(compactor.function());

        // Authentication and the link a statistic is about: reads only, like the links API's.
        // Reading the key, and noting (at most once a minute) when it was last used.
        tables.grant(ShortstackResources.API_KEYS, statsApi.function(), "dynamodb:GetItem", "dynamodb:UpdateItem");
        tables.grant(ShortstackResources.LINKS, statsApi.function(), "dynamodb:GetItem");
        // The catalog (Query), and compaction jobs started with POST /v1/stats/compactions.
        tables.grant(ShortstackResources.STATS, statsApi.function(), "dynamodb:Query",
                "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem");
        queues.queue(ShortstackResources.COMPACTIONS).grantSendMessages(statsApi.function());
        archive.readClicks(statsApi.function());

        // Statistics and click exports read clicks the way the stats API does.
        tables.grant(ShortstackResources.STATS, jobsWorker.function(), "dynamodb:Query");
        archive.readClicks(jobsWorker.function());
    }

    /**
     * The links API creates jobs, stores inline uploads and signs the upload and download URLs
     * (a presigned URL acts with its signer's rights, so the API holds exactly those). The worker
     * reads uploads, writes reports and exports, and creates links.
     */
    private void grantJobs(DataTables tables, Queues queues, Buckets buckets) {
        Bucket jobFiles = buckets.bucket(ShortstackResources.JOB_FILES);
        String uploads = ShortstackResources.IMPORT_UPLOAD_PREFIX + "*";
        tables.grant(ShortstackResources.JOBS, linksApi.function(),
                "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query");
        queues.queue(ShortstackResources.JOBS_WORK).grantSendMessages(linksApi.function());
        linksApi.function().addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:PutObject", "s3:GetObject"))
                .resources(List.of(jobFiles.arnForObjects(uploads)))
                .build());
        linksApi.function().addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:GetObject"))
                .resources(List.of(jobFiles.arnForObjects("jobs/*")))
                .build());

        tables.grant(ShortstackResources.LINKS, jobsWorker.function(), "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query");
        tables.grant(ShortstackResources.JOBS, jobsWorker.function(), "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem");
        queues.queue(ShortstackResources.JOBS_WORK).grantSendMessages(jobsWorker.function());
        jobsWorker.function().addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:GetObject"))
                .resources(List.of(jobFiles.arnForObjects(uploads)))
                .build());
        jobsWorker.function().addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"))
                .resources(List.of(jobFiles.arnForObjects("jobs/*")))
                .build());
        jobsWorker.function().addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:ListBucket"))
                .resources(List.of(jobFiles.getBucketArn()))
                .conditions(Map.of("StringLike", Map.of("s3:prefix", List.of("jobs/*"))))
                .build());
    }

    public ShortstackFunction linksApi() {
        return linksApi;
    }

    public ShortstackFunction jobsWorker() {
        return jobsWorker;
    }

    public ShortstackFunction redirect() {
        return redirect;
    }
}
