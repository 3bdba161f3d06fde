package dev.shortstack.infra;

import dev.shortstack.infra.config.StageConfig;
import dev.shortstack.infra.constructs.Buckets;
import dev.shortstack.infra.constructs.Cdn;
import dev.shortstack.infra.constructs.CostControls;
import dev.shortstack.infra.constructs.Dashboard;
import dev.shortstack.infra.constructs.DataTables;
import dev.shortstack.infra.constructs.HttpEntry;
import dev.shortstack.infra.constructs.Monitoring;
import dev.shortstack.infra.constructs.Queues;
import dev.shortstack.infra.constructs.ShortstackFunction;
import dev.shortstack.shared.config.EnvNames;
import dev.shortstack.shared.infra.ShortstackResources;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.EventType;
import software.amazon.awscdk.services.s3.NotificationKeyFilter;
import software.amazon.awscdk.services.s3.notifications.SqsDestination;
import software.amazon.awscdk.services.events.RuleTargetInput;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.SqsQueue;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/** Shortstack in one stage: data, queues, buckets, functions, HTTP API, CDN, monitoring, cost limits. */
public final class ShortstackStack extends Stack {
    public static final String LINKS_API_HANDLER = "dev.shortstack.links.entrypoints.LinksApiFunction";
    public static final String REDIRECT_HANDLER = "dev.shortstack.redirect.entrypoints.RedirectFunction";
    public static final String AGGREGATOR_HANDLER = "dev.shortstack.analytics.entrypoints.AggregateClicksFunction";
    public static final String REBUILD_HANDLER = "dev.shortstack.analytics.entrypoints.RebuildStatsFunction";
    public static final String JOBS_WORKER_HANDLER = "dev.shortstack.jobs.entrypoints.JobWorkerFunction";

    private final ShortstackFunction linksApi;
    private final ShortstackFunction redirect;
    private final ShortstackFunction aggregator;
    private final ShortstackFunction rebuild;
    private final ShortstackFunction jobsWorker;

    public ShortstackStack(Construct scope, String id, StackProps props, StageConfig config) {
        super(scope, id, props);
        String stage = config.name();
        DataTables tables = new DataTables(this, "Tables", stage, config.dynamodb());
        Queues queues = new Queues(this, "Queues", stage);
        Buckets buckets = new Buckets(this, "Buckets", config.clickArchive(), config.jobFiles());

        Map<String, String> resources = new HashMap<>();
        tables.all().forEach((definition, table) -> resources.put(definition.envVar(), table.getTableName()));
        queues.all().forEach((definition, queue) -> resources.put(definition.envVar(), queue.getQueueUrl()));
        ShortstackResources.BUCKETS.forEach(b -> resources.put(b.envVar(), buckets.bucket(b).getBucketName()));
        resources.put(EnvNames.COUNTER_SHARDS, Integer.toString(config.counterShards()));

        // The visitor-hash key never appears in the template: CloudFormation resolves it at deploy time.
        Secret visitorHashKey = Secret.Builder.create(this, "VisitorHashKey")
                .description("HMAC key for privacy-safe visitor ids in click events")
                .generateSecretString(SecretStringGenerator.builder().passwordLength(48).excludePunctuation(true).build())
                .build();

        // Links are validated the same way wherever they are made: the API and the import worker.
        Map<String, String> linksEnv = new HashMap<>(resources);
        linksEnv.put(EnvNames.BLOCKED_DOMAINS, String.join(",", config.blockedDomains()));
        this.linksApi = new ShortstackFunction(this, "LinksApi", stage, "links-api", LINKS_API_HANDLER,
                config.function("links-api"), config.logRetentionDays(), linksEnv, "links-api");
        Map<String, String> redirectEnv = new HashMap<>(resources);
        redirectEnv.put(EnvNames.CLICK_IP_HASH_KEY, visitorHashKey.getSecretValue().unsafeUnwrap());
        this.redirect = new ShortstackFunction(this, "Redirect", stage, "redirect", REDIRECT_HANDLER,
                config.function("redirect"), config.logRetentionDays(), redirectEnv, "redirect");

        this.aggregator = new ShortstackFunction(this, "Aggregator", stage, "analytics", AGGREGATOR_HANDLER,
                config.function("aggregator"), config.logRetentionDays(), resources, "aggregator");
        aggregator.addQueueTrigger(queues.queue(ShortstackResources.CLICKS), ShortstackResources.CLICKS, config.function("aggregator"));
        this.rebuild = new ShortstackFunction(this, "Rebuild", stage, "analytics", REBUILD_HANDLER,
                config.function("rebuild"), config.logRetentionDays(), resources, "rebuild");
        rebuild.addQueueTrigger(queues.queue(ShortstackResources.REBUILDS), ShortstackResources.REBUILDS, config.function("rebuild"));
        this.jobsWorker = new ShortstackFunction(this, "JobsWorker", stage, "jobs", JOBS_WORKER_HANDLER,
                config.function("jobs-worker"), config.logRetentionDays(), linksEnv, "jobs-worker");
        jobsWorker.addQueueTrigger(queues.queue(ShortstackResources.JOBS_WORK), ShortstackResources.JOBS_WORK,
                config.function("jobs-worker"));
        // An import starts when its file lands: S3 tells the jobs queue, the worker plans it.
        buckets.bucket(ShortstackResources.JOB_FILES).addEventNotification(EventType.OBJECT_CREATED,
                new SqsDestination(queues.queue(ShortstackResources.JOBS_WORK)),
                NotificationKeyFilter.builder()
                        .prefix(ShortstackResources.IMPORT_UPLOAD_PREFIX)
                        .suffix(ShortstackResources.IMPORT_UPLOAD_SUFFIX)
                        .build());
        // Every night, yesterday's figures are rebuilt exactly from the archive.
        Rule.Builder.create(this, "NightlyRebuild")
                .description("Rebuild yesterday's click statistics from the raw archive")
                .schedule(Schedule.expression("cron(" + config.rebuildScheduleUtc() + ")"))
                .targets(List.of(SqsQueue.Builder.create(queues.queue(ShortstackResources.REBUILDS))
                        .message(RuleTargetInput.fromObject(Map.of("relativeDay", -1)))
                        .build()))
                .build();

        grantLeastPrivilege(tables, queues, buckets);

        HttpEntry http = new HttpEntry(this, "Http", config, linksApi, redirect);
        Cdn cdn = new Cdn(this, "Cdn", config, http, buckets.webAssets(), buckets.accessLogs());
        new Dashboard(this, "Dashboard", buckets.webAssets(), cdn.distribution());
        String shortBaseUrl = config.customDomain() != null
                ? "https://" + config.customDomain().domainName()
                : "https://" + cdn.distribution().getDistributionDomainName();
        List.of(linksApi, redirect, jobsWorker).forEach(f -> f.function().addEnvironment(EnvNames.SHORT_BASE_URL, shortBaseUrl));

        new Monitoring(this, "Monitoring", config, http, List.of(linksApi, redirect, aggregator, rebuild, jobsWorker),
                redirect, queues, tables);
        new CostControls(this, "Cost", config);
        NagSuppressionsForShortstack.apply(this, visitorHashKey, cdn.distribution(), config.customDomain() != null);

        CfnOutput.Builder.create(this, "ShortBaseUrl").value(shortBaseUrl).description("Base of every short link").build();
        CfnOutput.Builder.create(this, "DashboardUrl").value(shortBaseUrl + "/app/")
                .description("The dashboard (sign in with an API key)").build();
        CfnOutput.Builder.create(this, "ApiEndpoint").value(http.api().getApiEndpoint())
                .description("The HTTP API without the CDN (for smoke tests)").build();
        CfnOutput.Builder.create(this, "ApiKeysTable").value(tables.table(ShortstackResources.API_KEYS).getTableName())
                .description("Where the first admin key is written (see README)").build();
    }

    /**
     * Each function gets the actions its code calls and nothing else: the redirect can read a link
     * but not change one; it can count visits and send clicks.
     */
    private void grantLeastPrivilege(DataTables tables, Queues queues, Buckets buckets) {
        tables.table(ShortstackResources.LINKS).grant(redirect.function(), "dynamodb:GetItem");
        tables.table(ShortstackResources.VISITS).grant(redirect.function(), "dynamodb:UpdateItem");
        queues.queue(ShortstackResources.CLICKS).grantSendMessages(redirect.function());

        tables.table(ShortstackResources.LINKS).grant(linksApi.function(),
                "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:Query");
        tables.table(ShortstackResources.API_KEYS).grant(linksApi.function(),
                "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query");
        tables.table(ShortstackResources.VISITS).grant(linksApi.function(), "dynamodb:GetItem", "dynamodb:DeleteItem");
        tables.table(ShortstackResources.STATS).grant(linksApi.function(), "dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem");
        queues.queue(ShortstackResources.REBUILDS).grantSendMessages(linksApi.function());

        tables.table(ShortstackResources.STATS).grant(aggregator.function(), "dynamodb:UpdateItem", "dynamodb:GetItem", "dynamodb:PutItem");
        Bucket archive = buckets.bucket(ShortstackResources.CLICK_ARCHIVE);
        aggregator.function().addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:PutObject"))
                .resources(List.of(archive.arnForObjects("clicks/*")))
                .build());

        tables.table(ShortstackResources.STATS).grant(rebuild.function(), "dynamodb:GetItem", "dynamodb:PutItem",
                "dynamodb:UpdateItem", "dynamodb:BatchWriteItem", "dynamodb:Query");
        rebuild.function().addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:GetObject"))
                .resources(List.of(archive.arnForObjects("clicks/*")))
                .build());
        rebuild.function().addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:ListBucket"))
                .resources(List.of(archive.getBucketArn()))
                .conditions(Map.of("StringLike", Map.of("s3:prefix", List.of("clicks/*"))))
                .build());
        grantJobs(tables, queues, buckets);
    }

    /**
     * The links API creates jobs, stores inline uploads and signs the upload and download URLs
     * (a presigned URL acts with its signer's rights, so the API holds exactly those). The worker
     * reads uploads, writes reports and exports, and creates links.
     */
    private void grantJobs(DataTables tables, Queues queues, Buckets buckets) {
        Bucket jobFiles = buckets.bucket(ShortstackResources.JOB_FILES);
        String uploads = ShortstackResources.IMPORT_UPLOAD_PREFIX + "*";
        tables.table(ShortstackResources.JOBS).grant(linksApi.function(),
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

        tables.table(ShortstackResources.LINKS).grant(jobsWorker.function(), "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query");
        tables.table(ShortstackResources.JOBS).grant(jobsWorker.function(), "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem");
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
        // Statistics and click exports read what the stats API and the rebuild read.
        tables.table(ShortstackResources.STATS).grant(jobsWorker.function(), "dynamodb:Query");
        Bucket archive = buckets.bucket(ShortstackResources.CLICK_ARCHIVE);
        jobsWorker.function().addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:GetObject"))
                .resources(List.of(archive.arnForObjects("clicks/*")))
                .build());
        jobsWorker.function().addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:ListBucket"))
                .resources(List.of(archive.getBucketArn()))
                .conditions(Map.of("StringLike", Map.of("s3:prefix", List.of("clicks/*"))))
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
