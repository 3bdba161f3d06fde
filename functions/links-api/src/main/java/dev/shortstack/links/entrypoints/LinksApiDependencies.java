package dev.shortstack.links.entrypoints;

import dev.shortstack.links.auth.ApiKeyStore;
import dev.shortstack.links.audit.AuditLog;
import dev.shortstack.links.audit.AuditTrail;
import dev.shortstack.links.audit.DynamoAuditLog;
import dev.shortstack.links.auth.Authenticator;
import dev.shortstack.links.auth.RequestLimits;
import dev.shortstack.links.auth.RequestLimitsFromEnv;
import dev.shortstack.links.jobs.ImportLimits;
import dev.shortstack.links.jobs.JobRequestParser;
import dev.shortstack.links.jobs.JobService;
import dev.shortstack.links.keys.ApiKeyService;
import dev.shortstack.links.store.SqsJobQueue;
import dev.shortstack.links.store.dynamodb.DynamoJobStore;
import dev.shortstack.links.store.s3.S3JobFiles;
import dev.shortstack.links.domains.DomainService;
import dev.shortstack.links.links.LinkDomains;
import dev.shortstack.links.links.LinkRequestParser;
import dev.shortstack.shared.domain.ShortDomains;
import dev.shortstack.links.links.LinkService;
import dev.shortstack.links.links.LinkStore;
import dev.shortstack.links.links.ShortBaseUrl;
import dev.shortstack.links.links.SlugGenerator;
import dev.shortstack.links.links.UrlPolicy;
import dev.shortstack.links.store.dynamodb.DynamoApiKeyStore;
import dev.shortstack.links.store.dynamodb.DynamoLinkStore;
import dev.shortstack.shared.aws.AwsClients;
import dev.shortstack.shared.config.Env;
import dev.shortstack.shared.config.EnvNames;
import dev.shortstack.shared.link.DynamoVisitCounter;
import dev.shortstack.shared.link.VisitCounter;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import dev.shortstack.links.links.LinkEvents;
import dev.shortstack.links.links.LinkView;
import dev.shortstack.links.webhooks.WebhookLinkEvents;
import dev.shortstack.links.webhooks.WebhookRequests;
import dev.shortstack.links.webhooks.WebhookService;
import dev.shortstack.shared.webhooks.DeliveryQueue;
import dev.shortstack.shared.webhooks.DynamoWebhookStore;
import dev.shortstack.shared.webhooks.SqsDeliveryQueue;
import dev.shortstack.shared.webhooks.SqsWebhookEvents;
import dev.shortstack.shared.webhooks.SubscribedWebhookEvents;
import dev.shortstack.shared.webhooks.WebhookEvents;
import dev.shortstack.shared.webhooks.WebhookStore;
import dev.shortstack.shared.webhooks.WebhookSubscriptions;
import dev.shortstack.shared.webhooks.WebhookTargets;

/** Everything the links API is built from; tests pass fakes for the stores. */
public record LinksApiDependencies(
        Authenticator authenticator,
        LinkService links,
        ApiKeyService keys,
        LinkRequestParser parser,
        JobService jobs,
        JobRequestParser jobRequests,
        WebhookService webhooks,
        WebhookRequests webhookRequests,
        AuditTrail audit,
        DomainService domains,
        String shortBaseUrl,
        Clock clock) {

    /**
     * @param webhookEvents where link events go once some endpoint subscribes to them
     * @param targets       which webhook URLs are allowed
     */
    public static LinksApiDependencies of(LinkStore linkStore, VisitCounter visits, ApiKeyStore keyStore,
                                          JobService jobs, ImportLimits importLimits,
                                          String shortBaseUrl, String blockedDomains, Clock clock,
                                          WebhookStore webhookStore, DeliveryQueue deliveries, WebhookEvents webhookEvents,
                                          WebhookTargets targets, Duration subscriptionCache, RequestLimits limits,
                                          AuditLog auditLog) {
        return of(linkStore, visits, keyStore, jobs, importLimits, shortBaseUrl, blockedDomains, clock, webhookStore, deliveries,
                webhookEvents, targets, subscriptionCache, limits, auditLog, new LinkDomains(ShortDomains.NONE, shortBaseUrl, null));
    }

    /** @param domains the stage's short domains and the store of their settings */
    public static LinksApiDependencies of(LinkStore linkStore, VisitCounter visits, ApiKeyStore keyStore,
                                          JobService jobs, ImportLimits importLimits,
                                          String shortBaseUrl, String blockedDomains, Clock clock,
                                          WebhookStore webhookStore, DeliveryQueue deliveries, WebhookEvents webhookEvents,
                                          WebhookTargets targets, Duration subscriptionCache, RequestLimits limits,
                                          AuditLog auditLog, LinkDomains domains) {
        WebhookSubscriptions subscriptions = new WebhookSubscriptions(webhookStore, subscriptionCache);
        LinkEvents linkEvents = new WebhookLinkEvents(new SubscribedWebhookEvents(subscriptions, webhookEvents),
                new LinkView(shortBaseUrl), clock);
        return new LinksApiDependencies(
                new Authenticator(keyStore, limits, clock),
                new LinkService(linkStore, visits, new SlugGenerator(new SecureRandom()), clock, linkEvents, domains),
                new ApiKeyService(keyStore, clock),
                new LinkRequestParser(new UrlPolicy(shortBaseUrl, blockedDomains, domains.configured().owners().keySet())),
                jobs,
                new JobRequestParser(importLimits),
                new WebhookService(webhookStore, deliveries, subscriptions, clock),
                new WebhookRequests(targets),
                new AuditTrail(auditLog, clock),
                new DomainService(domains, domains.store(), clock),
                shortBaseUrl,
                clock);
    }

    /** Validates the configuration up front: a missing variable fails the cold start, naming it. */
    public static LinksApiDependencies fromEnv(Env env) {
        env.requireAll(EnvNames.LINKS_TABLE, EnvNames.API_KEYS_TABLE, EnvNames.VISITS_TABLE, EnvNames.JOBS_TABLE, EnvNames.JOBS_QUEUE_URL, EnvNames.JOB_FILES_BUCKET,
                EnvNames.SHORT_BASE_URL, EnvNames.WEBHOOKS_TABLE, EnvNames.WEBHOOK_EVENTS_QUEUE_URL, EnvNames.WEBHOOK_DELIVERIES_QUEUE_URL,
                EnvNames.DOMAINS_TABLE);
        AwsClients aws = AwsClients.fromEnv(env);
        int shards = env.getInt(EnvNames.LINK_INDEX_SHARDS, DynamoLinkStore.DEFAULT_INDEX_SHARDS, 1, 256);
        Clock clock = Clock.systemUTC();
        JobService jobs = new JobService(
                new DynamoJobStore(aws.dynamo(), env.require(EnvNames.JOBS_TABLE)),
                new SqsJobQueue(aws.sqs(), env.require(EnvNames.JOBS_QUEUE_URL)),
                S3JobFiles.fromEnv(aws, env.require(EnvNames.JOB_FILES_BUCKET)),
                clock);
        return of(
                new DynamoLinkStore(aws.dynamo(), env.require(EnvNames.LINKS_TABLE), env.require(EnvNames.VISITS_TABLE), shards),
                new DynamoVisitCounter(aws.dynamo(), env.require(EnvNames.VISITS_TABLE)),
                new DynamoApiKeyStore(aws.dynamo(), env.require(EnvNames.API_KEYS_TABLE)),
                jobs,
                ImportLimits.fromEnv(env),
                ShortBaseUrl.validated(env.require(EnvNames.SHORT_BASE_URL)),
                env.get(EnvNames.BLOCKED_DOMAINS, ""),
                clock,
                new DynamoWebhookStore(aws.dynamo(), env.require(EnvNames.WEBHOOKS_TABLE)),
                new SqsDeliveryQueue(aws.sqs(), env.require(EnvNames.WEBHOOK_DELIVERIES_QUEUE_URL)),
                new SqsWebhookEvents(aws.sqs(), env.require(EnvNames.WEBHOOK_EVENTS_QUEUE_URL)),
                WebhookTargets.fromEnv(env),
                // Link changes are rare next to clicks: each asks afresh, so a new endpoint hears of the very next one.
                Duration.ZERO,
                RequestLimitsFromEnv.of(env, aws),
                new DynamoAuditLog(aws.dynamo(), env.require(EnvNames.AUDIT_TABLE), Duration.ofDays(
                        env.getInt(EnvNames.AUDIT_RETENTION_DAYS, DynamoAuditLog.DEFAULT_RETENTION_DAYS, 1, 3650))),
                LinkDomains.fromEnv(env, aws.dynamo()));
    }
}
