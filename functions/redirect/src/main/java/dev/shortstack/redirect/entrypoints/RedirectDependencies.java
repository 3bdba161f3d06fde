package dev.shortstack.redirect.entrypoints;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.shortstack.redirect.lookup.CachedDomainSettings;
import dev.shortstack.redirect.lookup.CachedLinkReader;
import dev.shortstack.redirect.service.DomainPages;
import dev.shortstack.shared.domain.DynamoDomainStore;
import dev.shortstack.shared.domain.ShortDomains;
import dev.shortstack.redirect.service.LoggedClickReplayLog;
import dev.shortstack.redirect.service.RedirectService;
import dev.shortstack.shared.aws.AwsClients;
import dev.shortstack.shared.aws.Secrets;
import dev.shortstack.shared.click.ClickPublisher;
import dev.shortstack.shared.click.GroupCommitClickPublisher;
import dev.shortstack.shared.click.VisitorHasher;
import dev.shortstack.shared.config.Env;
import dev.shortstack.shared.config.EnvNames;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.link.DynamoLinkReader;
import dev.shortstack.shared.link.DynamoPasswordAttempts;
import dev.shortstack.shared.link.DynamoVisitCounter;
import dev.shortstack.shared.link.PasswordAttempts;
import dev.shortstack.shared.link.LinkReader;
import dev.shortstack.shared.link.VisitCounter;
import dev.shortstack.shared.observability.Observability;
import java.time.Clock;
import java.time.Duration;

/** Everything the redirect function is built from; tests pass fakes for storage and the queue. */
public record RedirectDependencies(RedirectService service, DomainPages domainPages, Observability observability, CachePolicy cachePolicy,
                                   Clock clock) {

    public static final Duration NEGATIVE_CACHE_TTL = Duration.ofSeconds(5);
    /** How long an instance keeps a domain's root and not-found pages: an owner's change is seen within this. */
    public static final Duration DOMAIN_PAGES_TTL = Duration.ofSeconds(30);

    /** Only the default domain, with no pages of its own. */
    public static RedirectDependencies of(LinkReader links, VisitCounter visits, PasswordAttempts attempts, ClickPublisher clicks,
                                          String visitorHashKey, Duration cacheTtl, int cacheSize, int permanentMaxAgeSeconds, Clock clock) {
        return of(links, visits, attempts, clicks, visitorHashKey, cacheTtl, cacheSize, permanentMaxAgeSeconds, clock, DomainPages.none());
    }

    public static RedirectDependencies of(LinkReader links, VisitCounter visits, PasswordAttempts attempts, ClickPublisher clicks,
                                          String visitorHashKey, Duration cacheTtl, int cacheSize, int permanentMaxAgeSeconds, Clock clock,
                                          DomainPages domainPages) {
        Observability observability = new Observability("redirect");
        LinkReader cached = new CachedLinkReader(links, cacheSize, cacheTtl, NEGATIVE_CACHE_TTL, Ticker.systemTicker());
        RedirectService service = new RedirectService(cached, visits, clicks, new VisitorHasher(visitorHashKey),
                new LoggedClickReplayLog(observability), attempts);
        return new RedirectDependencies(service, domainPages, observability, new CachePolicy(permanentMaxAgeSeconds), clock);
    }

    /** The stage's domains; their pages from the domains table when the function has it (only owned domains have pages). */
    private static DomainPages domainPages(Env env, AwsClients aws) {
        ShortDomains domains = ShortDomains.fromEnv(env);
        return new DomainPages(domains, env.optional(EnvNames.DOMAINS_TABLE)
                .map(table -> new CachedDomainSettings(new DynamoDomainStore(aws.dynamo(), table), DOMAIN_PAGES_TTL, Ticker.systemTicker()))
                .orElse(null));
    }

    /** Validates the configuration up front: a missing variable fails the cold start, naming it. */
    public static RedirectDependencies fromEnv(Env env) {
        env.requireAll(EnvNames.LINKS_TABLE, EnvNames.VISITS_TABLE, EnvNames.CLICKS_QUEUE_URL);
        AwsClients aws = AwsClients.fromEnv(env);
        String visitorHashKey = VisitorHashKey.resolve(env, Secrets.of(aws));
        return of(
                DynamoLinkReader.eventuallyConsistentFirst(aws.dynamo(), env.require(EnvNames.LINKS_TABLE)),
                new DynamoVisitCounter(aws.dynamo(), env.require(EnvNames.VISITS_TABLE)),
                new DynamoPasswordAttempts(aws.dynamo(), env.require(EnvNames.VISITS_TABLE)),
                new GroupCommitClickPublisher(aws.sqs(), env.require(EnvNames.CLICKS_QUEUE_URL), Json.mapper()),
                visitorHashKey,
                Duration.ofSeconds(env.getInt(EnvNames.REDIRECT_CACHE_SECONDS, 10, 0, 3600)),
                env.getInt(EnvNames.REDIRECT_CACHE_SIZE, 10_000, 1, 1_000_000),
                env.getInt(EnvNames.PERMANENT_REDIRECT_MAX_AGE, 3600, 0, 31_536_000),
                Clock.systemUTC(),
                domainPages(env, aws));
    }
}
