package dev.shortstack.stats.compat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.links.auth.Authenticator;
import dev.shortstack.links.auth.Caller;
import dev.shortstack.links.auth.Role;
import dev.shortstack.links.compat.QueryParams;
import dev.shortstack.links.compat.dub.DubAuth;
import dev.shortstack.links.compat.dub.DubProblems;
import dev.shortstack.links.compat.dub.DubViews;
import dev.shortstack.links.compat.dub.DubIds;
import dev.shortstack.links.compat.dub.Paging;
import dev.shortstack.links.links.LinkService;
import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.FieldError;
import dev.shortstack.shared.http.HttpApiRequest;
import dev.shortstack.shared.http.HttpApiResponse;
import dev.shortstack.shared.http.RouteTable;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.link.Link;
import dev.shortstack.stats.query.LinkClickFigures;
import dev.shortstack.stats.query.LinkClickFigures.Scope;
import dev.shortstack.stats.query.LinkClickFigures.Unit;
import dev.shortstack.stats.query.LinkTotals;
import dev.shortstack.stats.query.StatsService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Dub's reads that carry click figures, answered by the stats API: links (one and the list, with
 * their clicks) and analytics ({@code event=clicks} with the {@code groupBy} values Shortstack can
 * answer). Clicks are people's (bots left out); time is UTC.
 */
public final class DubReadRoutes {
    private static final Set<String> LIST_PARAMS = Set.of("domain", "tagId", "tagIds", "tagNames", "search", "showArchived", "withTags");
    private static final Set<String> ANALYTICS_PARAMS = Set.of("event", "groupBy", "linkId", "domain", "key", "tagId", "tagIds",
            "tagName", "interval", "start", "end", "timezone");
    private static final Map<String, String> GROUP_COLUMNS = Map.of("countries", "country", "devices", "device",
            "browsers", "browser", "os", "os", "referers", "referrer_host", "top_links", "link_id");
    private static final Map<String, String> GROUP_FIELDS = Map.of("countries", "country", "devices", "device",
            "browsers", "browser", "os", "os", "referers", "referer");
    private static final int MAX_LINKS = 10_000;
    private static final int MAX_GROUPS = 100;

    private final Authenticator authenticator;
    private final LinkService links;
    private final StatsService stats;
    private final LinkClickFigures figures;
    private final DubViews views;
    private final Clock clock;
    private final RouteTable routes;

    public DubReadRoutes(Authenticator authenticator, LinkService links, StatsService stats, LinkClickFigures figures,
                         String shortBaseUrl, Clock clock) {
        this.authenticator = authenticator;
        this.links = links;
        this.stats = stats;
        this.figures = figures;
        this.views = new DubViews(shortBaseUrl);
        this.clock = clock;
        this.routes = new RouteTable()
                .add("GET", "/dub/links", (request, params) -> list(request))
                .add("GET", "/dub/links/info", (request, params) -> info(request))
                .add("GET", "/dub/analytics", (request, params) -> analytics(request));
    }

    public static boolean handles(HttpApiRequest request) {
        return request.path().startsWith("/dub/");
    }

    public HttpApiResponse answer(HttpApiRequest request) {
        return DubProblems.answer(() -> routes.dispatch(request));
    }

    private HttpApiResponse info(HttpApiRequest request) {
        Caller caller = DubAuth.caller(authenticator, request, Role.READ);
        List<FieldError> errors = new ArrayList<>();
        QueryParams.onlyKnown(request, Set.of("linkId", "domain", "key", "externalId"), errors);
        String slug = linkKey(request).orElse(null);
        if (request.queryParam("externalId").isPresent()) {
            errors.add(new FieldError("externalId", "Shortstack links have no external ids; use linkId or domain and key"));
        } else if (slug == null) {
            errors.add(new FieldError("linkId", "or domain and key is required"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        Link link = links.get(caller, slug);
        return HttpApiResponse.uncachedJson(200, views.link(link, Optional.of(figures(caller, List.of(link)).apply(link))));
    }

    /** Newest first, by page number as Dub pages (100 a page unless pageSize says fewer). */
    private HttpApiResponse list(HttpApiRequest request) {
        Caller caller = DubAuth.caller(authenticator, request, Role.READ);
        Paging paging = Paging.of(request, LIST_PARAMS);
        List<FieldError> errors = new ArrayList<>();
        if (QueryParams.flag(request, "showArchived", errors)) {
            errors.add(new FieldError("showArchived", "cannot be true: Shortstack has no archive"));
        }
        QueryParams.flag(request, "withTags", errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        List<String> tags = tags(request, "tagId", "tagIds", "tagNames");
        String search = request.queryParam("search").map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        List<Link> matching = links.all(caller, tags.size() == 1 ? tags.get(0) : null, search, MAX_LINKS).stream()
                .filter(link -> tags.isEmpty() || link.tags().stream().anyMatch(t -> tags.stream().anyMatch(t::equalsIgnoreCase)))
                .filter(onDomain(request))
                .toList();
        List<Link> pageLinks = paging.of(matching);
        Function<Link, DubViews.Figures> counted = figures(caller, pageLinks);
        ArrayNode body = Json.mapper().createArrayNode();
        pageLinks.forEach(link -> body.add(views.link(link, Optional.of(counted.apply(link)))));
        return HttpApiResponse.uncachedJson(200, body);
    }

    private HttpApiResponse analytics(HttpApiRequest request) {
        Caller caller = DubAuth.caller(authenticator, request, Role.READ);
        List<FieldError> errors = new ArrayList<>();
        QueryParams.onlyKnown(request, ANALYTICS_PARAMS, errors);
        String event = request.queryParam("event").orElse("clicks");
        if (!event.equals("clicks")) {
            errors.add(new FieldError("event", "must be clicks: Shortstack counts clicks, not leads or sales"));
        }
        String groupBy = request.queryParam("groupBy").orElse("count");
        if (!groupBy.equals("count") && !groupBy.equals("timeseries") && !GROUP_COLUMNS.containsKey(groupBy)) {
            errors.add(new FieldError("groupBy", "must be one of count, timeseries, " + String.join(", ",
                    GROUP_COLUMNS.keySet().stream().sorted().toList()) + ": Shortstack keeps no other breakdown"));
        }
        request.queryParam("timezone").filter(tz -> !tz.equals("UTC") && !tz.equals("Etc/UTC")).ifPresent(tz ->
                errors.add(new FieldError("timezone", "must be UTC here; GET /v1/links/{slug}/stats?tz= answers in any time zone")));
        Instant start = QueryParams.date(request, "start", errors);
        Instant end = QueryParams.date(request, "end", errors);
        String interval = request.queryParam("interval").orElse(start == null ? "24h" : null);
        if (interval != null && !Set.of("24h", "7d", "30d", "90d", "1y", "mtd", "qtd", "ytd", "all").contains(interval)) {
            errors.add(new FieldError("interval", "must be one of 24h, 7d, 30d, 90d, 1y, mtd, qtd, ytd, all"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        Optional<List<Link>> scoped = scopedLinks(request, caller);
        Scope scope = new Scope(caller.workspaceId(), scoped.map(list -> list.stream().map(Link::linkId).collect(Collectors.toSet())));
        Instant now = clock.instant();
        Instant to = end != null ? end : now;
        Instant from = start != null ? start : intervalStart(interval, to, scoped.orElseGet(() -> links.all(caller, null, null, MAX_LINKS)));
        if (!from.isBefore(to)) {
            throw ApiProblem.validation("start", "must be before end");
        }
        return switch (groupBy) {
            case "count" -> HttpApiResponse.uncachedJson(200,
                    count(figures.count(scope, from, to)));
            case "timeseries" -> HttpApiResponse.uncachedJson(200, timeseries(scope, interval, from, to));
            case "top_links" -> HttpApiResponse.uncachedJson(200, topLinks(caller, scope, from, to));
            default -> HttpApiResponse.uncachedJson(200, breakdown(scope, groupBy, from, to));
        };
    }

    /** The links an analytics request is about: one (linkId, or domain and key), those with a tag, or the whole workspace (empty). */
    private Optional<List<Link>> scopedLinks(HttpApiRequest request, Caller caller) {
        Optional<String> key = linkKey(request);
        if (key.isPresent()) {
            return Optional.of(List.of(links.get(caller, key.get())));
        }
        List<String> tags = tags(request, "tagId", "tagIds", "tagName");
        if (tags.isEmpty() && request.queryParam("domain").isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(links.all(caller, tags.size() == 1 ? tags.get(0) : null, null, MAX_LINKS).stream()
                .filter(link -> tags.isEmpty() || link.tags().stream().anyMatch(t -> tags.stream().anyMatch(t::equalsIgnoreCase)))
                .filter(onDomain(request))
                .toList());
    }

    private ArrayNode timeseries(Scope scope, String interval, Instant from, Instant to) {
        Unit unit = granularity(interval, from, to);
        Map<Instant, Long> counts = figures.byUnit(scope, unit, from, to);
        ArrayNode series = Json.mapper().createArrayNode();
        for (ZonedDateTime bucket = unit.startOf(from); bucket.toInstant().isBefore(to); bucket = unit.plus(bucket, 1)) {
            ObjectNode point = count(counts.getOrDefault(bucket.toInstant(), 0L));
            series.add(Json.mapper().createObjectNode().put("start", bucket.toInstant().toString()).setAll(point));
        }
        return series;
    }

    private ArrayNode breakdown(Scope scope, String groupBy, Instant from, Instant to) {
        ArrayNode rows = Json.mapper().createArrayNode();
        for (Map.Entry<String, Long> entry : figures.byValue(scope, GROUP_COLUMNS.get(groupBy), "(unknown)", from, to, MAX_GROUPS)) {
            rows.add(Json.mapper().createObjectNode().put(GROUP_FIELDS.get(groupBy), entry.getKey()).setAll(count(entry.getValue())));
        }
        return rows;
    }

    private ArrayNode topLinks(Caller caller, Scope scope, Instant from, Instant to) {
        Map<String, Link> byId = links.all(caller, null, null, MAX_LINKS).stream().collect(Collectors.toMap(Link::linkId, l -> l));
        ArrayNode rows = Json.mapper().createArrayNode();
        for (Map.Entry<String, Long> entry : figures.byValue(scope, "link_id", "", from, to, MAX_GROUPS)) {
            Link link = byId.get(entry.getKey());
            if (link == null) {
                continue; // deleted since: Dub lists existing links only
            }
            ObjectNode row = Json.mapper().createObjectNode();
            row.put("link", DubIds.of(link));
            row.put("id", DubIds.of(link));
            row.put("domain", views.domainOf(link));
            row.put("key", link.slug());
            row.put("shortLink", views.shortLink(link));
            row.put("url", link.url());
            row.put("createdAt", link.createdAt().toString());
            rows.add(row.setAll(count(entry.getValue())));
        }
        return rows;
    }

    private static ObjectNode count(long clicks) {
        return Json.mapper().createObjectNode().put("clicks", clicks).put("leads", 0).put("sales", 0).put("saleAmount", 0);
    }

    /** People's clicks and the last one of each link since it was created: one query for all of them. */
    private Function<Link, DubViews.Figures> figures(Caller caller, List<Link> some) {
        Map<String, LinkTotals> totals = stats.totalsSinceCreated(caller.workspaceId(), some, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        return link -> {
            LinkTotals t = totals.getOrDefault(link.linkId(), LinkTotals.NONE);
            return new DubViews.Figures(t.human(), t.lastHumanClick());
        };
    }

    /** Links on the domain {@code ?domain=} names (the default one by its name), or every link when it names none. */
    private java.util.function.Predicate<Link> onDomain(HttpApiRequest request) {
        Optional<String> named = request.queryParam("domain").map(String::strip).filter(d -> !d.isEmpty());
        if (named.isEmpty()) {
            return link -> true;
        }
        String domain = links.domains().named(named.get());
        return link -> java.util.Objects.equals(link.domain(), domain);
    }

    /** The link a request names: its {@code linkId} ({@link DubIds}), or {@code key} on the {@code domain} (absent: the default). */
    private Optional<String> linkKey(HttpApiRequest request) {
        Optional<String> id = request.queryParam("linkId").map(DubIds::key);
        return id.isPresent() ? id : request.queryParam("key").map(key -> links.domains().key(request.queryParam("domain").orElse(null), key));
    }

    /** Tags as Dub sends them: each parameter once, comma-separated (tagIds=a,b), or repeated. */
    private static List<String> tags(HttpApiRequest request, String... names) {
        List<String> tags = new ArrayList<>();
        for (String name : names) {
            request.queryValues(name).forEach(value -> Arrays.stream(value.split(",")).map(String::strip)
                    .filter(t -> !t.isEmpty()).forEach(tags::add));
        }
        return tags;
    }

    /** Where Dub's named intervals start (UTC); "all" starts when the oldest link in scope was created. */
    private static Instant intervalStart(String interval, Instant to, List<Link> inScope) {
        ZonedDateTime end = to.atZone(ZoneOffset.UTC);
        return switch (interval) {
            case "24h" -> to.minus(Duration.ofHours(24));
            case "7d" -> to.minus(Duration.ofDays(7));
            case "30d" -> to.minus(Duration.ofDays(30));
            case "90d" -> to.minus(Duration.ofDays(90));
            case "1y" -> to.minus(Duration.ofDays(365));
            case "mtd" -> end.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1).toInstant();
            case "qtd" -> end.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1).withMonth((end.getMonthValue() - 1) / 3 * 3 + 1).toInstant();
            case "ytd" -> end.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1).toInstant();
            default -> inScope.stream().map(Link::createdAt).min(Comparator.naturalOrder()).orElse(to.minus(Duration.ofHours(24)));
        };
    }

    /** Dub's buckets: hours for a day, days up to a quarter, months beyond. */
    private static Unit granularity(String interval, Instant from, Instant to) {
        if (interval != null) {
            return switch (interval) {
                case "24h" -> Unit.HOUR;
                case "1y", "ytd", "all" -> Unit.MONTH;
                default -> Unit.DAY;
            };
        }
        Duration span = Duration.between(from, to);
        return span.compareTo(Duration.ofDays(2)) <= 0 ? Unit.HOUR : span.compareTo(Duration.ofDays(92)) <= 0 ? Unit.DAY : Unit.MONTH;
    }
}
