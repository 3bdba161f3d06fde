package dev.shortstack.links.compat.shlink;

import dev.shortstack.links.compat.QueryParams;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.links.auth.Authenticator;
import dev.shortstack.links.auth.Caller;
import dev.shortstack.links.auth.Role;
import dev.shortstack.links.compat.CompatContext;
import dev.shortstack.links.links.LinkPatch;
import dev.shortstack.links.links.LinkAddress;
import dev.shortstack.links.domains.DomainInfo;
import dev.shortstack.links.domains.DomainRequests;
import dev.shortstack.links.domains.DomainService;
import dev.shortstack.shared.domain.DomainSettings;
import dev.shortstack.shared.domain.ShortDomains;
import com.fasterxml.jackson.databind.JsonNode;
import dev.shortstack.links.links.LinkRequestParser;
import dev.shortstack.links.links.LinkService;
import dev.shortstack.links.request.JsonBody;
import dev.shortstack.shared.http.HttpApiRequest;
import dev.shortstack.shared.http.HttpApiResponse;
import dev.shortstack.shared.http.RouteTable;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.link.Link;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Shlink's REST API (v3) in the links API: creating, editing and deleting short URLs, tags, domains
 * and health. Reading short URLs (with their visit figures) is the stats API's ({@code ShlinkReadRoutes}).
 * Same keys, roles and services as {@code /v1}; errors in Shlink's shape.
 */
public final class ShlinkLinkRoutes {
    public static final String VERSION = "4.4.0";
    private static final Set<String> JSON = Set.of("application/json");
    private static final int MAX_LINKS = ShortUrlListQuery.MAX_LINKS;

    private final Authenticator authenticator;
    private final LinkService links;
    private final ShlinkRequests requests;
    private final ShlinkViews views;
    private final Clock clock;
    private final RouteTable routes;
    private final DomainService domains;

    public ShlinkLinkRoutes(CompatContext context) {
        this.authenticator = context.authenticator();
        this.links = context.links();
        this.views = new ShlinkViews(context.shortBaseUrl());
        this.requests = new ShlinkRequests(context.parser());
        this.domains = context.domains();
        this.clock = context.clock();
        this.routes = new RouteTable()
                .add("POST", "/rest/v3/short-urls", (request, params) -> create(request))
                .add("PATCH", "/rest/v3/short-urls/{shortCode}", (request, params) -> edit(request, key(request, params)))
                .add("DELETE", "/rest/v3/short-urls/{shortCode}", (request, params) -> {
                    links.delete(caller(request, Role.WRITE), key(request, params), Optional.empty());
                    return HttpApiResponse.noContent();
                })
                .add("GET", "/rest/v3/short-urls/{shortCode}/redirect-rules", (request, params) ->
                        HttpApiResponse.uncachedJson(200, ShlinkRedirectRules.of(links.get(caller(request, Role.READ), key(request, params)))))
                .add("POST", "/rest/v3/short-urls/{shortCode}/redirect-rules", (request, params) -> setRules(request, key(request, params)))
                .add("GET", "/rest/v3/tags", (request, params) -> listTags(request))
                .add("PUT", "/rest/v3/tags", (request, params) -> renameTag(request))
                .add("DELETE", "/rest/v3/tags", (request, params) -> deleteTags(request))
                .add("GET", "/rest/v3/domains", (request, params) -> domains(request))
                .add("PATCH", "/rest/v3/domains/redirects", (request, params) -> setRedirects(request))
                .add("GET", "/rest/v3/health", (request, params) -> health())
                .add("GET", "/rest/health", (request, params) -> health());
    }

    /** Whether a request is Shlink's (its paths start with /rest/). */
    public static boolean handles(HttpApiRequest request) {
        return request.path().startsWith("/rest/") || request.path().equals("/rest");
    }

    public HttpApiResponse answer(HttpApiRequest request) {
        return ShlinkProblems.answer(request, () -> routes.dispatch(request));
    }

    private HttpApiResponse create(HttpApiRequest request) {
        Caller caller = caller(request, Role.WRITE);
        Link link = links.create(caller, requests.create(JsonBody.parse(request, JSON), clock.instant()));
        // A new short URL has no visits yet: its figures are known without reading any.
        return HttpApiResponse.uncachedJson(200, views.shortUrl(link, Optional.of(VisitsSummary.NONE)));
    }

    /** A short code on the domain {@code ?domain=} names (Shlink's way; absent: the default domain). */
    private String key(HttpApiRequest request, Map<String, String> params) {
        return LinkAddress.key(request, params.get("shortCode"), links.domains());
    }

    private HttpApiResponse edit(HttpApiRequest request, String shortCode) {
        Caller caller = caller(request, Role.WRITE);
        LinkPatch patch = requests.edit(JsonBody.parse(request, JSON), clock.instant());
        // Shlink has no versions: an edit overwrites whatever is there, as If-Match: * does.
        Link link = links.update(caller, shortCode, Optional.empty(), patch);
        return HttpApiResponse.uncachedJson(200, views.shortUrl(link, Optional.empty()));
    }

    /** Replaces the short URL's rules with Shlink's list, validated as /v1 validates rules. */
    private HttpApiResponse setRules(HttpApiRequest request, String shortCode) {
        Caller caller = caller(request, Role.WRITE);
        LinkPatch patch = requests.rules(JsonBody.parse(request, JSON), clock.instant());
        Link link = links.update(caller, shortCode, Optional.empty(), patch);
        return HttpApiResponse.uncachedJson(200, ShlinkRedirectRules.of(link));
    }

    private HttpApiResponse listTags(HttpApiRequest request) {
        Caller caller = caller(request, Role.READ);
        QueryParams.requireOnly(request, Set.of("searchTerm"));
        String search = request.queryParam("searchTerm").map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        TreeSet<String> tags = new TreeSet<>();
        links.all(caller, null, null, MAX_LINKS).forEach(link -> tags.addAll(link.tags()));
        ObjectNode body = Json.mapper().createObjectNode();
        ObjectNode list = body.putObject("tags");
        ArrayNode data = list.putArray("data");
        List<String> matching = tags.stream().filter(t -> t.toLowerCase(Locale.ROOT).contains(search)).toList();
        matching.forEach(data::add);
        list.set("pagination", ShlinkViews.pagination(1, -1, matching.size(), matching.size()));
        return HttpApiResponse.uncachedJson(200, body);
    }

    /** Renames a tag on every link that has it; a retry after a failure finishes the job (renamed links no longer match). */
    private HttpApiResponse renameTag(HttpApiRequest request) {
        Caller caller = caller(request, Role.WRITE);
        ObjectNode body = JsonBody.parse(request, JSON);
        String oldName = text(body, "oldName");
        String newName = text(body, "newName");
        if (!LinkRequestParser.isValidTag(newName)) {
            throw ShlinkProblem.invalid("newName", "must be 1 to 50 letters, digits, spaces or _ . : / -");
        }
        List<Link> all = links.all(caller, null, null, MAX_LINKS);
        List<Link> tagged = all.stream().filter(link -> hasTag(link, oldName)).toList();
        if (tagged.isEmpty()) {
            throw ShlinkProblem.tagNotFound(oldName);
        }
        if (!oldName.equalsIgnoreCase(newName) && all.stream().anyMatch(link -> hasTag(link, newName))) {
            throw new ShlinkProblem(409, ShlinkProblems.SHLINK + "tag-conflict", "Tag conflict",
                    "You cannot rename tag " + oldName + " to " + newName + ", because it already exists")
                    .with("oldName", oldName).with("newName", newName);
        }
        for (Link link : tagged) {
            List<String> renamed = link.tags().stream().map(t -> t.equalsIgnoreCase(oldName) ? newName : t).distinct().toList();
            links.update(caller, link.key(), Optional.of(Set.of(link.version())), LinkPatch.tags(renamed));
        }
        return HttpApiResponse.noContent();
    }

    private HttpApiResponse deleteTags(HttpApiRequest request) {
        Caller caller = caller(request, Role.WRITE);
        QueryParams.requireOnly(request, Set.of("tags[]"));
        List<String> doomed = request.queryValues("tags[]");
        if (doomed.isEmpty()) {
            throw ShlinkProblem.invalid("tags", "must name at least one tag (?tags[]=name)");
        }
        for (Link link : links.all(caller, null, null, MAX_LINKS)) {
            List<String> kept = new ArrayList<>(link.tags());
            kept.removeIf(tag -> doomed.stream().anyMatch(tag::equalsIgnoreCase));
            if (kept.size() != link.tags().size()) {
                links.update(caller, link.key(), Optional.of(Set.of(link.version())), LinkPatch.tags(kept));
            }
        }
        return HttpApiResponse.noContent();
    }

    /** The workspace's domains; the redirects of those it owns (Shlink's "not found" redirects are one page in Shortstack). */
    private HttpApiResponse domains(HttpApiRequest request) {
        Caller caller = caller(request, Role.READ);
        ObjectNode body = Json.mapper().createObjectNode();
        ObjectNode list = body.putObject("domains");
        ArrayNode data = list.putArray("data");
        ObjectNode defaultRedirects = redirects(null);
        for (DomainInfo domain : domains.list(caller)) {
            ObjectNode item = data.addObject();
            item.put("domain", domain.stageDefault() ? views.domain() : domain.host());
            item.put("isDefault", domain.stageDefault());
            item.set("redirects", redirects(domain.settings()));
            if (domain.stageDefault()) {
                defaultRedirects = redirects(domain.settings());
            }
        }
        list.set("defaultRedirects", defaultRedirects);
        return HttpApiResponse.uncachedJson(200, body);
    }

    /**
     * Shlink's {@code PATCH /domains/redirects}: {@code baseUrlRedirect} is the domain's root page; its two not-found redirects
     * are Shortstack's one not-found page, so when both are sent they must agree.
     */
    private HttpApiResponse setRedirects(HttpApiRequest request) {
        Caller caller = caller(request, Role.ADMIN);
        ObjectNode body = JsonBody.parse(request, JSON);
        QueryParams.requireOnly(request, Set.of());
        for (String field : List.of("domain", "baseUrlRedirect", "regular404Redirect", "invalidShortUrlRedirect")) {
            if (body.has(field) && !body.get(field).isTextual() && !body.get(field).isNull()) {
                throw ShlinkProblem.invalid(field, "must be a string or null");
            }
        }
        body.fieldNames().forEachRemaining(field -> {
            if (!Set.of("domain", "baseUrlRedirect", "regular404Redirect", "invalidShortUrlRedirect").contains(field)) {
                throw ShlinkProblem.invalid(field, "is not a field of a domain's redirects");
            }
        });
        String host = body.path("domain").asText("");
        if (host.isBlank()) {
            throw ShlinkProblem.invalid("domain", "is required");
        }
        JsonNode invalid = body.get("invalidShortUrlRedirect");
        JsonNode regular = body.get("regular404Redirect");
        if (invalid != null && regular != null && !invalid.equals(regular)) {
            throw ShlinkProblem.invalid("regular404Redirect", "must equal invalidShortUrlRedirect: Shortstack sends every visit that"
                    + " finds no link to one not-found page");
        }
        ObjectNode own = Json.mapper().createObjectNode();
        if (body.has("baseUrlRedirect")) {
            own.set("rootUrl", body.get("baseUrlRedirect"));
        }
        JsonNode notFound = invalid != null ? invalid : regular;
        if (notFound != null) {
            own.set("notFoundUrl", notFound);
        }
        DomainInfo updated = domains.update(caller, ShortDomains.normalised(host), DomainRequests.parsePatch(own));
        return HttpApiResponse.uncachedJson(200, redirects(updated.settings()));
    }

    private static ObjectNode redirects(DomainSettings settings) {
        ObjectNode redirects = Json.mapper().createObjectNode();
        String root = settings == null ? null : settings.rootUrl();
        String notFound = settings == null ? null : settings.notFoundUrl();
        redirects.put("baseUrlRedirect", root);
        redirects.put("regular404Redirect", notFound);
        redirects.put("invalidShortUrlRedirect", notFound);
        return redirects;
    }

    /** Unauthenticated, as Shlink's: it says the service answers, not what it holds. */
    private static HttpApiResponse health() {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("status", "pass");
        body.put("version", VERSION);
        body.putObject("links").put("about", "https://github.com/shortstack/shortstack").put("project", "https://shlink.io");
        return HttpApiResponse.of(200, Map.of("content-type", "application/health+json", "cache-control", "no-store"),
                body.toString());
    }

    private static boolean hasTag(Link link, String tag) {
        return link.tags().stream().anyMatch(tag::equalsIgnoreCase);
    }

    private static String text(ObjectNode body, String field) {
        if (!body.path(field).isTextual() || body.path(field).asText().isBlank()) {
            throw ShlinkProblem.invalid(field, "is required");
        }
        return body.path(field).asText().strip();
    }

    private Caller caller(HttpApiRequest request, Role role) {
        return ShlinkAuth.caller(authenticator, request, role);
    }
}
