package dev.shortstack.stats.compat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.links.auth.Authenticator;
import dev.shortstack.links.auth.Caller;
import dev.shortstack.links.auth.Role;
import dev.shortstack.links.compat.shlink.ShlinkAuth;
import dev.shortstack.links.compat.QueryParams;
import dev.shortstack.links.compat.shlink.ShlinkProblems;
import dev.shortstack.links.compat.shlink.ShlinkViews;
import dev.shortstack.links.compat.shlink.ShortUrlListQuery;
import dev.shortstack.links.compat.shlink.VisitsSummary;
import dev.shortstack.links.links.LinkService;
import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.FieldError;
import dev.shortstack.shared.http.HttpApiRequest;
import dev.shortstack.shared.http.HttpApiResponse;
import dev.shortstack.shared.http.RouteTable;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.link.Link;
import dev.shortstack.links.links.LinkAddress;
import dev.shortstack.links.links.LinkDomains;
import dev.shortstack.shared.domain.OrphanVisits;
import dev.shortstack.shared.domain.ShortDomains;
import dev.shortstack.shared.link.ShortUrls;
import dev.shortstack.stats.query.OrphanVisitLog;
import dev.shortstack.stats.query.StatsService;
import dev.shortstack.stats.query.VisitLog;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Shlink's reads that carry visit figures, answered by the stats API where the figures are:
 * short URLs (one and the list, with {@code visitsSummary}), a short URL's visits one by one, and
 * tag statistics. Figures count every click since the link was created, people's and bots' apart,
 * exactly as {@code GET /v1/links/{slug}/stats} does.
 */
public final class ShlinkReadRoutes {
    private static final Set<String> VISIT_PARAMS = Set.of("page", "itemsPerPage", "startDate", "endDate", "excludeBots", "domain");
    /** Shlink's visit lists default to everything; Shortstack pages them at most this many at a time. */
    static final int MAX_VISITS_PER_PAGE = 5_000;

    private final Authenticator authenticator;
    private final LinkService links;
    private final StatsService stats;
    private final VisitLog visitLog;
    private final String shortBaseUrl;
    private final ShlinkViews views;
    private final Clock clock;
    private final RouteTable routes;

    public ShlinkReadRoutes(Authenticator authenticator, LinkService links, StatsService stats, VisitLog visitLog, String shortBaseUrl,
                            Clock clock) {
        this.authenticator = authenticator;
        this.links = links;
        this.stats = stats;
        this.visitLog = visitLog;
        this.views = new ShlinkViews(shortBaseUrl);
        this.shortBaseUrl = shortBaseUrl;
        this.clock = clock;
        this.routes = new RouteTable()
                .add("GET", "/rest/v3/short-urls", (request, params) -> list(request))
                .add("GET", "/rest/v3/short-urls/{shortCode}", (request, params) -> get(request, key(request, params)))
                .add("GET", "/rest/v3/short-urls/{shortCode}/visits", (request, params) -> visits(request, key(request, params)))
                .add("GET", "/rest/v3/tags/stats", (request, params) -> tagStats(request))
                .add("GET", "/rest/v3/visits/orphan", (request, params) -> orphanVisits(request));
    }

    public static boolean handles(HttpApiRequest request) {
        return request.path().startsWith("/rest/");
    }

    public HttpApiResponse answer(HttpApiRequest request) {
        return ShlinkProblems.answer(request, () -> routes.dispatch(request));
    }

    /** A short code on the domain {@code ?domain=} names (absent: the default domain). */
    private String key(HttpApiRequest request, Map<String, String> params) {
        return LinkAddress.key(request, params.get("shortCode"), links.domains());
    }

    private HttpApiResponse get(HttpApiRequest request, String shortCode) {
        Caller caller = ShlinkAuth.caller(authenticator, request, Role.READ);
        Link link = links.get(caller, shortCode);
        return HttpApiResponse.uncachedJson(200, views.shortUrl(link, Optional.of(summaries(caller, List.of(link)).getOrDefault(link.linkId(), VisitsSummary.NONE))));
    }

    private HttpApiResponse list(HttpApiRequest request) {
        Caller caller = ShlinkAuth.caller(authenticator, request, Role.READ);
        ShortUrlListQuery query = ShortUrlListQuery.parse(request, links.domains());
        List<Link> candidates = links.all(caller, query.narrowingTag(), query.searchTerm(), ShortUrlListQuery.MAX_LINKS);
        ShortUrlListQuery.Page<ObjectNode> page = query.apply(candidates, clock.instant(),
                query.excludeMaxVisitsReached() ? links.visitsUsed(candidates) : Map.of(),
                some -> summaries(caller, some), (link, visits) -> views.shortUrl(link, Optional.of(visits)));
        ObjectNode body = Json.mapper().createObjectNode();
        body.set("shortUrls", ShlinkViews.page(page.items(), page.page(), page.itemsPerPage(), page.totalItems()));
        return HttpApiResponse.uncachedJson(200, body);
    }

    private HttpApiResponse visits(HttpApiRequest request, String shortCode) {
        Caller caller = ShlinkAuth.caller(authenticator, request, Role.READ);
        List<FieldError> errors = new ArrayList<>();
        VisitPaging paging = VisitPaging.parse(request, VISIT_PARAMS, errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        int page = paging.page();
        int perPage = paging.perPage();
        Instant from = paging.from();
        Instant to = paging.to();
        boolean excludeBots = paging.excludeBots();
        Link link = links.get(caller, shortCode);
        Instant start = from != null ? from : link.createdAt().atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to != null ? to.plusSeconds(1) : clock.instant().plusSeconds(1);
        VisitLog.Page visits = end.isAfter(start)
                ? visitLog.visits(caller.workspaceId(), Set.of(link.linkId()), start, end, excludeBots,
                        (long) (page - 1) * perPage, perPage)
                : new VisitLog.Page(List.of(), 0);
        List<ObjectNode> items = visits.visits().stream().map(ShlinkReadRoutes::visit).toList();
        ObjectNode body = Json.mapper().createObjectNode();
        body.set("visits", ShlinkViews.page(items, page, perPage, visits.total()));
        return HttpApiResponse.uncachedJson(200, body);
    }

    /**
     * Shlink's orphan visits: visits to the workspace's own domains that found no short URL (the default domain's only when
     * the stage gives it to this workspace); {@code domain} narrows them to one.
     */
    private HttpApiResponse orphanVisits(HttpApiRequest request) {
        Caller caller = ShlinkAuth.caller(authenticator, request, Role.READ);
        List<FieldError> errors = new ArrayList<>();
        VisitPaging paging = VisitPaging.parse(request, Set.of("page", "itemsPerPage", "startDate", "endDate", "excludeBots", "domain",
                "type"), errors);
        int page = paging.page();
        int perPage = paging.perPage();
        Instant from = paging.from();
        Instant to = paging.to();
        boolean excludeBots = paging.excludeBots();
        Optional<OrphanVisits.Kind> kind = request.queryParam("type").flatMap(OrphanVisits.Kind::ofWireName);
        if (request.queryParam("type").isPresent() && kind.isEmpty()) {
            errors.add(new FieldError("type", "must be base_url, invalid_short_url or regular_404"));
        }
        LinkDomains domains = links.domains();
        List<String> owned = new ArrayList<>();
        domains.configured().ownerOf(null).filter(caller.workspaceId()::equals).ifPresent(o -> owned.add(ShortDomains.DEFAULT_DOMAIN));
        owned.addAll(domains.configured().ownedBy(caller.workspaceId()));
        Optional<String> only = request.queryParam("domain").map(d -> d.equals("DEFAULT") ? ShortDomains.DEFAULT_DOMAIN
                : ShortDomains.settingsKey(domains.named(d)));
        if (only.isPresent() && !owned.contains(only.get())) {
            errors.add(new FieldError("domain", "must be a domain this workspace owns"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        Instant start = from != null ? from : clock.instant().minus(java.time.Duration.ofDays(30));
        Instant end = to != null ? to.plusSeconds(1) : clock.instant().plusSeconds(1);
        OrphanVisitLog.Result result = new OrphanVisitLog(visitLog).visits(caller.workspaceId(), only.map(List::of).orElse(owned), kind,
                start, end, excludeBots, (long) (page - 1) * perPage, perPage);
        List<ObjectNode> items = result.page().visits().stream().map(visit -> {
            ObjectNode node = visit(visit);
            OrphanVisits.parse(visit.linkId()).ifPresent(filed -> {
                String host = filed.domain().equals(ShortDomains.DEFAULT_DOMAIN) ? null : filed.domain();
                node.put("visitedUrl", ShortUrls.base(shortBaseUrl, host) + visit.slug());
                node.put("type", filed.kind().wireName());
            });
            return node;
        }).toList();
        ObjectNode body = Json.mapper().createObjectNode();
        body.set("visits", ShlinkViews.page(items, page, perPage, result.page().total()));
        return HttpApiResponse.uncachedJson(200, body);
    }

    /** Shlink's visit-list parameters: a page of at most {@value #MAX_VISITS_PER_PAGE} (-1 or 0: that many), dates, bots. */
    private record VisitPaging(int page, int perPage, Instant from, Instant to, boolean excludeBots) {
        static VisitPaging parse(HttpApiRequest request, Set<String> known, List<FieldError> errors) {
            QueryParams.onlyKnown(request, known, errors);
            int page = QueryParams.whole(request, "page", 1, 1, Integer.MAX_VALUE, errors);
            int perPage = QueryParams.whole(request, "itemsPerPage", MAX_VISITS_PER_PAGE, -1, MAX_VISITS_PER_PAGE, errors);
            return new VisitPaging(page, perPage == 0 || perPage == -1 ? MAX_VISITS_PER_PAGE : perPage,
                    QueryParams.date(request, "startDate", errors), QueryParams.date(request, "endDate", errors),
                    QueryParams.flag(request, "excludeBots", errors));
        }
    }

    private HttpApiResponse tagStats(HttpApiRequest request) {
        Caller caller = ShlinkAuth.caller(authenticator, request, Role.READ);
        QueryParams.requireOnly(request, Set.of());
        List<Link> all = links.all(caller, null, null, ShortUrlListQuery.MAX_LINKS);
        Map<String, VisitsSummary> figures = summaries(caller, all);
        Map<String, long[]> counts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, VisitsSummary> byTag = new HashMap<>();
        for (Link link : all) {
            for (String tag : link.tags()) {
                counts.computeIfAbsent(tag, t -> new long[1])[0]++;
                byTag.merge(tag.toLowerCase(Locale.ROOT), figures.getOrDefault(link.linkId(), VisitsSummary.NONE), VisitsSummary::plus);
            }
        }
        List<ObjectNode> items = new ArrayList<>();
        counts.forEach((tag, count) -> {
            ObjectNode item = Json.mapper().createObjectNode();
            item.put("tag", tag);
            item.put("shortUrlsCount", count[0]);
            item.set("visitsSummary", views.summary(byTag.get(tag.toLowerCase(Locale.ROOT))));
            items.add(item);
        });
        ObjectNode body = Json.mapper().createObjectNode();
        body.set("tags", ShlinkViews.page(items, 1, -1, items.size()));
        return HttpApiResponse.uncachedJson(200, body);
    }

    /** Every click of each link since the day it was created: one query for all of them. */
    private Map<String, VisitsSummary> summaries(Caller caller, List<Link> some) {
        Map<String, VisitsSummary> summaries = new HashMap<>();
        stats.totalsSinceCreated(caller.workspaceId(), some, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))
                .forEach((linkId, totals) -> summaries.put(linkId, new VisitsSummary(totals.human(), totals.bot())));
        return summaries;
    }

    private static ObjectNode visit(VisitLog.Visit visit) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("referer", visit.referrer() == null ? "" : visit.referrer());
        node.put("date", ShlinkViews.atom(visit.at()));
        node.put("userAgent", visit.userAgent() == null ? "" : visit.userAgent());
        if (visit.country() == null) {
            node.putNull("visitLocation");
        } else {
            ObjectNode location = node.putObject("visitLocation");
            location.put("countryCode", visit.country());
            location.put("countryName", new Locale("", visit.country()).getDisplayCountry(Locale.ENGLISH));
            location.putNull("regionName");
            location.putNull("cityName");
            location.putNull("latitude");
            location.putNull("longitude");
            location.putNull("timezone");
            location.put("isEmpty", false);
        }
        node.put("potentialBot", visit.bot());
        return node;
    }
}
