package dev.shortstack.stats.entrypoints;

import dev.shortstack.links.auth.Authenticator;
import dev.shortstack.links.auth.RequestLimitsFromEnv;
import dev.shortstack.links.links.LinkDomains;
import dev.shortstack.links.links.LinkEvents;
import dev.shortstack.links.links.LinkService;
import dev.shortstack.links.links.ShortBaseUrl;
import dev.shortstack.links.links.SlugGenerator;
import dev.shortstack.links.store.dynamodb.DynamoApiKeyStore;
import dev.shortstack.links.store.dynamodb.DynamoLinkStore;
import dev.shortstack.shared.aws.AwsClients;
import dev.shortstack.shared.config.Env;
import dev.shortstack.shared.config.EnvNames;
import dev.shortstack.shared.link.DynamoVisitCounter;
import dev.shortstack.shared.observability.Observability;
import dev.shortstack.shared.sqs.SqsBatches;
import dev.shortstack.shared.stats.CompactionJobStore;
import dev.shortstack.stats.ArchiveAccess;
import dev.shortstack.stats.compaction.CompactionService;
import dev.shortstack.stats.query.CompactionJobs;
import dev.shortstack.stats.query.LinkClickFigures;
import dev.shortstack.stats.query.LiveClicks;
import dev.shortstack.stats.query.StatsService;
import dev.shortstack.stats.query.VisitLog;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

/** What the stats API and the compactor are built from, once per execution environment. */
public record StatsDependencies(Authenticator authenticator, LinkService links, StatsService stats, VisitLog visitLog,
                                LinkClickFigures linkFigures, LiveClicks live,
                                CompactionJobs jobs, CompactionService compaction, Optional<String> shortBaseUrl, Clock clock) {

    /** A stats request's statements get this long, unless QUERY_TIMEOUT_SECONDS says otherwise. */
    private static final int QUERY_TIMEOUT_SECONDS = 20;

    public static StatsDependencies fromEnv(Env env) {
        env.requireAll(EnvNames.LINKS_TABLE, EnvNames.API_KEYS_TABLE, EnvNames.VISITS_TABLE, EnvNames.STATS_TABLE,
                EnvNames.CLICK_ARCHIVE_BUCKET, EnvNames.COMPACTION_QUEUE_URL);
        AwsClients aws = AwsClients.fromEnv(env);
        Clock clock = Clock.systemUTC();
        Observability observability = new Observability("stats");
        ArchiveAccess archive = ArchiveAccess.fromEnv(env, aws, observability, QUERY_TIMEOUT_SECONDS);
        String compactionQueueUrl = env.require(EnvNames.COMPACTION_QUEUE_URL);
        int indexShards = env.getInt(EnvNames.LINK_INDEX_SHARDS, DynamoLinkStore.DEFAULT_INDEX_SHARDS, 1, 256);
        // The stats API reads links on any domain (?domain=); the compactor reads none and has no short base URL.
        LinkService links = new LinkService(
                new DynamoLinkStore(aws.dynamo(), env.require(EnvNames.LINKS_TABLE), env.require(EnvNames.VISITS_TABLE), indexShards),
                new DynamoVisitCounter(aws.dynamo(), env.require(EnvNames.VISITS_TABLE)),
                new SlugGenerator(new SecureRandom()), clock, LinkEvents.NONE,
                env.optional(EnvNames.SHORT_BASE_URL).isPresent() ? LinkDomains.fromEnv(env, aws.dynamo())
                        : LinkDomains.defaultOnly("https://default.invalid"));
        return new StatsDependencies(
                new Authenticator(new DynamoApiKeyStore(aws.dynamo(), env.require(EnvNames.API_KEYS_TABLE)),
                        RequestLimitsFromEnv.of(env, aws), Clock.systemUTC()),
                links,
                new StatsService(archive.slicer(), archive.engine()),
                new VisitLog(archive.slicer(), archive.engine()),
                new LinkClickFigures(archive.slicer(), archive.engine()),
                new LiveClicks(archive.slicer(), archive.engine()),
                new CompactionJobs(new CompactionJobStore(aws.dynamo(), env.require(EnvNames.STATS_TABLE)),
                        requests -> SqsBatches.sendJson(aws.sqs(), compactionQueueUrl, requests), clock),
                new CompactionService(archive.store(), archive.catalog(), archive.engine(), archive.scratch().resolve("work"),
                        clock, observability),
                // The stats API names short links (Shlink's short URLs); the compactor does not.
                env.optional(EnvNames.SHORT_BASE_URL).map(ShortBaseUrl::validated),
                clock);
    }
}
