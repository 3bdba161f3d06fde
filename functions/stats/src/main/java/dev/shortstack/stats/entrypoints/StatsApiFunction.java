package dev.shortstack.stats.entrypoints;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.shortstack.links.auth.Caller;
import dev.shortstack.links.auth.Role;
import dev.shortstack.links.links.LinkAddress;
import dev.shortstack.links.links.LinkDomains;
import dev.shortstack.links.request.JsonBody;
import dev.shortstack.shared.config.ConfigException;
import dev.shortstack.shared.config.Env;
import dev.shortstack.shared.config.EnvNames;
import dev.shortstack.shared.domain.ShortDomains;
import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.HttpApiFunction;
import dev.shortstack.shared.http.HttpApiRequest;
import dev.shortstack.shared.http.HttpApiResponse;
import dev.shortstack.shared.http.OriginVerifier;
import dev.shortstack.shared.http.OriginVerifiers;
import dev.shortstack.shared.http.PrimingEvents;
import dev.shortstack.shared.http.ProblemType;
import dev.shortstack.shared.http.QueryParameters;
import dev.shortstack.shared.http.RouteTable;
import dev.shortstack.shared.link.Link;
import dev.shortstack.shared.link.LinkKeys;
import dev.shortstack.shared.observability.Observability;
import dev.shortstack.shared.stats.CompactionJob;
import dev.shortstack.stats.compat.BitlyMetricRoutes;
import dev.shortstack.stats.compat.DubReadRoutes;
import dev.shortstack.stats.compat.ShlinkReadRoutes;
import dev.shortstack.stats.engine.QueryLimitException;
import dev.shortstack.stats.query.CompactionRange;
import dev.shortstack.stats.query.LinkClickFigures;
import dev.shortstack.stats.query.LinkTotalsQuery;
import dev.shortstack.stats.query.OrphanVisitLog;
import dev.shortstack.stats.query.OrphanVisitQuery;
import dev.shortstack.stats.query.StatsQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * The statistics routes ({@code GET /v1/links/{slug}/stats}, {@code /v1/stats}, {@code
 * /v1/stats/links}, {@code /v1/stats/compactions}): a function of their own, sized for queries, so
 * the links API stays small and fast to start. {@code /stats/live}: the last hour by minute, for the dashboard's live view. Same keys, roles and problem rules as the links API.
 */
public final class StatsApiFunction extends HttpApiFunction {
    private static final Set<String> JSON = Set.of("application/json");

    private final StatsDependencies deps;
    private final RouteTable routes;
    private final ShlinkReadRoutes shlink;
    private final BitlyMetricRoutes bitly;
    private final DubReadRoutes dub;

    public StatsApiFunction() {
        this(Env.system());
    }

    /** Configured by the environment, as in Lambda (and the local runner): with the origin check when one is set. */
    public StatsApiFunction(Env env) {
        this(StatsDependencies.fromEnv(env), OriginVerifiers.fromEnv(env));
    }

    public StatsApiFunction(StatsDependencies deps) {
        this(deps, null);
    }

    public StatsApiFunction(StatsDependencies deps, OriginVerifier origin) {
        super(new Observability("stats-api"), origin);
        this.deps = deps;
        this.routes = routes();
        String shortBaseUrl = deps.shortBaseUrl().orElseThrow(() -> new ConfigException(
                EnvNames.SHORT_BASE_URL + " is required by the stats API: Shlink's short URLs name their links"));
        this.shlink = new ShlinkReadRoutes(deps.authenticator(), deps.links(), deps.stats(), deps.visitLog(), shortBaseUrl, deps.clock());
        this.bitly = new BitlyMetricRoutes(deps.authenticator(), deps.links(), deps.linkFigures(), shortBaseUrl, deps.clock());
        this.dub = new DubReadRoutes(deps.authenticator(), deps.links(), deps.stats(), deps.linkFigures(), shortBaseUrl, deps.clock());
    }

    /** The function's own routes as "METHOD template" (the compatibility APIs' aside), for the OpenAPI document's test. */
    public List<String> describeRoutes() {
        return routes.describe();
    }

    @Override
    protected HttpApiResponse handle(HttpApiRequest request, Context context) {
        if (ShlinkReadRoutes.handles(request)) {
            return shlink.answer(request);
        }
        if (BitlyMetricRoutes.handles(request)) {
            return bitly.answer(request);
        }
        if (DubReadRoutes.handles(request)) {
            return dub.answer(request);
        }
        return routes.dispatch(request);
    }

    /** The statistics routes; 404 and 405 (with Allow) come from the table, as in the links API. */
    private RouteTable routes() {
        return new RouteTable()
                .add("GET", "/v1/links/{slug}/stats", (request, params) -> linkStats(request, params.get("slug")))
                .add("GET", "/v1/links/{slug}/stats/live", (request, params) -> liveLinkStats(request, params.get("slug")))
                .add("GET", "/v1/stats/live", (request, params) -> {
                    Caller caller = caller(request, Role.READ);
                    QueryParameters.requireOnly(request.query(), Set.of());
                    return HttpApiResponse.uncachedJson(200, StatsViews.lastHour(limited(() -> deps.live().lastHour(
                            new LinkClickFigures.Scope(caller.workspaceId(), Optional.empty()), deps.clock().instant()))));
                })
                .add("GET", "/v1/domains/{host}/visits", (request, params) -> orphanVisits(request, params.get("host")))
                .add("GET", "/v1/stats", (request, params) -> {
                    Caller caller = caller(request, Role.READ);
                    StatsQuery query = StatsQuery.parse(request.query(), today());
                    return HttpApiResponse.uncachedJson(200, StatsViews.workspaceStats(limited(() -> deps.stats().workspaceStats(caller.workspaceId(), query))));
                })
                .add("GET", "/v1/stats/links", (request, params) -> linkTotals(request))
                .add("POST", "/v1/stats/compactions", (request, params) -> {
                    caller(request, Role.ADMIN);
                    CompactionJob job = deps.jobs().start(CompactionRange.parse(JsonBody.parse(request, JSON)));
                    return HttpApiResponse.uncachedJson(202, StatsViews.compaction(job)).withHeader("location", "/v1/stats/compactions/" + job.jobId());
                })
                .add("GET", "/v1/stats/compactions/{jobId}", (request, params) -> {
                    caller(request, Role.ADMIN);
                    return HttpApiResponse.uncachedJson(200, StatsViews.compaction(deps.jobs().find(params.get("jobId"))));
                });
    }

    private HttpApiResponse linkStats(HttpApiRequest request, String slug) {
        Link link = readableLink(request, slug);
        StatsQuery query = StatsQuery.parse(LinkAddress.withoutDomain(request.query()), today());
        return HttpApiResponse.uncachedJson(200, StatsViews.linkStats(limited(() -> deps.stats().linkStats(link, query))));
    }

    private HttpApiResponse liveLinkStats(HttpApiRequest request, String slug) {
        Link link = readableLink(request, slug);
        QueryParameters.requireOnly(LinkAddress.withoutDomain(request.query()), Set.of());
        return HttpApiResponse.uncachedJson(200, StatsViews.lastHour(limited(() -> deps.live().lastHour(
                LinkClickFigures.Scope.of(link), deps.clock().instant()))));
    }

    /** The link a stats route names ({@code ?domain=} too), for a key that may read it; 404 for any other. */
    private Link readableLink(HttpApiRequest request, String slug) {
        MDC.put("slug", slug);
        return deps.links().get(caller(request, Role.READ), LinkAddress.key(request, slug, deps.links().domains()));
    }

    /** A domain's orphan visits, for the workspace that owns it only (to any other it does not exist). */
    private HttpApiResponse orphanVisits(HttpApiRequest request, String host) {
        Caller caller = caller(request, Role.READ);
        LinkDomains domains = deps.links().domains();
        String domain = domains.named(host);
        if (!domains.configured().ownerOf(domain).filter(caller.workspaceId()::equals).isPresent()) {
            throw new ApiProblem(ProblemType.NOT_FOUND, "No short domain '" + host + "' that this workspace owns: only a domain's owner"
                    + " sees its orphan visits (GET /v1/domains says which it owns).");
        }
        OrphanVisitQuery query = OrphanVisitQuery.parse(request.query(), today());
        Instant start = query.from().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = query.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        OrphanVisitLog.Result result = limited(() -> new OrphanVisitLog(deps.visitLog()).visits(caller.workspaceId(),
                List.of(ShortDomains.settingsKey(domain)), query.kind(), start, end, query.excludeBots(),
                (long) (query.page() - 1) * query.limit(), query.limit()));
        return HttpApiResponse.uncachedJson(200, StatsViews.orphanVisits(domain == null ? domains.defaultHost() : domain, query, result));
    }

    private HttpApiResponse linkTotals(HttpApiRequest request) {
        Caller caller = caller(request, Role.READ);
        LinkTotalsQuery query = LinkTotalsQuery.parse(request.query(), today());
        List<Link> links = query.slugs().stream().map(key -> deps.links().get(caller,
                deps.links().domains().key(LinkKeys.domainOf(key), LinkKeys.slugOf(key)))).toList();
        return HttpApiResponse.uncachedJson(200, StatsViews.linkTotals(query.from(), query.to(), links,
                limited(() -> deps.stats().totalsByLink(caller.workspaceId(), links, query.from(), query.to()))));
    }

    @Override
    protected JsonNode primingEvent() {
        return PrimingEvents.get("/v1/stats", Map.of("proxy", "stats"),
                Map.of("authorization", "Bearer ssk_primingprimi_" + "P".repeat(32), "accept", "application/json"));
    }

    /** A query over its time or memory limit is the caller's to narrow: a 503 with a reason, not a 500. */
    private <T> T limited(Supplier<T> query) {
        try {
            return query.get();
        } catch (QueryLimitException e) {
            observability().count("QueryLimit");
            throw new ApiProblem(ProblemType.QUERY_LIMIT, e.getMessage() + "; ask for a shorter range or fewer dimensions.",
                    List.of(), Map.of("retry-after", "30"));
        }
    }

    private Caller caller(HttpApiRequest request, Role required) {
        Caller caller = deps.authenticator().authenticate(request, required);
        MDC.put("workspaceId", caller.workspaceId());
        MDC.put("keyId", caller.keyId());
        return caller;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(deps.clock().instant(), ZoneOffset.UTC);
    }
}
