package dev.shortstack.links.entrypoints;

import dev.shortstack.links.auth.ApiKeyStore;
import dev.shortstack.links.auth.Authenticator;
import dev.shortstack.links.jobs.ImportLimits;
import dev.shortstack.links.jobs.JobRequestParser;
import dev.shortstack.links.jobs.JobService;
import dev.shortstack.links.keys.ApiKeyService;
import dev.shortstack.links.store.SqsJobQueue;
import dev.shortstack.links.store.dynamodb.DynamoJobStore;
import dev.shortstack.links.store.s3.S3JobFiles;
import dev.shortstack.links.links.LinkRequestParser;
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

/** Everything the links API is built from; tests pass fakes for the stores. */
public record LinksApiDependencies(
        Authenticator authenticator,
        LinkService links,
        ApiKeyService keys,
        LinkRequestParser parser,
        JobService jobs,
        JobRequestParser jobRequests,
        String shortBaseUrl,
        Clock clock) {

    public static LinksApiDependencies of(LinkStore linkStore, VisitCounter visits, ApiKeyStore keyStore,
                                          JobService jobs, ImportLimits importLimits,
                                          String shortBaseUrl, String blockedDomains, Clock clock) {
        return new LinksApiDependencies(
                new Authenticator(keyStore),
                new LinkService(linkStore, visits, new SlugGenerator(new SecureRandom()), clock),
                new ApiKeyService(keyStore, clock),
                new LinkRequestParser(new UrlPolicy(shortBaseUrl, blockedDomains)),
                jobs,
                new JobRequestParser(importLimits),
                shortBaseUrl,
                clock);
    }

    /** Validates the configuration up front: a missing variable fails the cold start, naming it. */
    public static LinksApiDependencies fromEnv(Env env) {
        env.requireAll(EnvNames.LINKS_TABLE, EnvNames.API_KEYS_TABLE, EnvNames.VISITS_TABLE, EnvNames.JOBS_TABLE, EnvNames.JOBS_QUEUE_URL, EnvNames.JOB_FILES_BUCKET,
                EnvNames.SHORT_BASE_URL);
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
                clock);
    }
}
