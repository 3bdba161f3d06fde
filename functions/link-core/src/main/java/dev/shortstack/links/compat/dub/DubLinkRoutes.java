package dev.shortstack.links.compat.dub;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.links.auth.Authenticator;
import dev.shortstack.links.auth.Caller;
import dev.shortstack.links.auth.Role;
import dev.shortstack.links.compat.CompatContext;
import dev.shortstack.links.links.LinkService;
import dev.shortstack.links.request.JsonBody;
import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.HttpApiRequest;
import dev.shortstack.shared.http.HttpApiResponse;
import dev.shortstack.shared.http.ProblemType;
import dev.shortstack.shared.http.RouteTable;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.link.Link;
import dev.shortstack.shared.link.LinkKeys;
import dev.shortstack.links.domains.DomainInfo;
import dev.shortstack.links.domains.DomainService;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Dub's API in the links API, under {@code /dub} (a Dub SDK's server URL is {@code https://<host>/dub}):
 * creating, updating and deleting links, tags and domains. Reading links (with their clicks) and
 * analytics are the stats API's ({@code DubReadRoutes}). Bearer keys as on /v1; errors in Dub's shape.
 */
public final class DubLinkRoutes {
    private static final Set<String> JSON = Set.of("application/json");

    private final Authenticator authenticator;
    private final LinkService links;
    private final DubRequests requests;
    private final DubViews views;
    private final Clock clock;
    private final RouteTable routes;
    private final DomainService domains;

    public DubLinkRoutes(CompatContext context) {
        this.authenticator = context.authenticator();
        this.links = context.links();
        this.views = new DubViews(context.shortBaseUrl());
        this.requests = new DubRequests(context.parser(), context.domain());
        this.clock = context.clock();
        this.domains = context.domains();
        this.routes = new RouteTable()
                .add("POST", "/dub/links", (request, params) -> create(request))
                .add("PATCH", "/dub/links/{linkId}", (request, params) -> update(request, params.get("linkId")))
                .add("DELETE", "/dub/links/{linkId}", (request, params) -> delete(request, params.get("linkId")))
                .add("GET", "/dub/tags", (request, params) -> tags(request))
                .add("POST", "/dub/tags", (request, params) -> {
                    caller(request, Role.WRITE);
                    throw ApiProblem.validation("name", "cannot be created on its own: a Shortstack tag exists while a link has it;"
                            + " give it in a link's tagNames");
                })
                .add("GET", "/dub/domains", (request, params) -> domains(request));
    }

    public static boolean handles(HttpApiRequest request) {
        return request.path().startsWith("/dub/") || request.path().equals("/dub");
    }

    public HttpApiResponse answer(HttpApiRequest request) {
        return DubProblems.answer(() -> routes.dispatch(request));
    }

    private HttpApiResponse create(HttpApiRequest request) {
        Caller caller = caller(request, Role.WRITE);
        Link link = links.create(caller, requests.create(JsonBody.parse(request, JSON), clock.instant()));
        return HttpApiResponse.uncachedJson(200, views.link(link, Optional.of(DubViews.Figures.NONE)));
    }

    private HttpApiResponse update(HttpApiRequest request, String linkId) {
        Caller caller = caller(request, Role.WRITE);
        if (linkId.startsWith("ext_")) {
            throw new ApiProblem(ProblemType.NOT_FOUND, "Shortstack links have no external ids; use the link's id (its key).");
        }
        // Dub has no versions: an update overwrites whatever is there, as If-Match: * does.
        Link link = links.update(caller, DubIds.key(linkId), Optional.empty(), requests.update(JsonBody.parse(request, JSON),
                LinkKeys.slugOf(DubIds.key(linkId)), clock.instant()));
        return HttpApiResponse.uncachedJson(200, views.link(link, Optional.empty()));
    }

    private HttpApiResponse delete(HttpApiRequest request, String linkId) {
        links.delete(caller(request, Role.WRITE), DubIds.key(linkId), Optional.empty());
        return HttpApiResponse.uncachedJson(200, Json.mapper().createObjectNode().put("id", linkId));
    }

    /** Every tag on the workspace's links, by name, paged as Dub pages. */
    private HttpApiResponse tags(HttpApiRequest request) {
        Caller caller = caller(request, Role.READ);
        Paging paging = Paging.of(request, Set.of("search", "ids", "sortBy", "sortOrder"));
        String sortBy = request.queryParam("sortBy").orElse("name");
        String sortOrder = request.queryParam("sortOrder").orElse("asc");
        if (!sortBy.equals("name")) {
            throw ApiProblem.validation("sortBy", "must be name: a Shortstack tag has no creation time");
        }
        if (!Set.of("asc", "desc").contains(sortOrder)) {
            throw ApiProblem.validation("sortOrder", "must be asc or desc");
        }
        String search = request.queryParam("search").map(s -> s.strip().toLowerCase(Locale.ROOT)).orElse("");
        List<String> ids = request.queryValues("ids").stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip).toList();
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        links.all(caller, null, null, 10_000).forEach(link -> names.addAll(link.tags()));
        Comparator<String> order = String.CASE_INSENSITIVE_ORDER;
        List<String> matching = names.stream().filter(name -> name.toLowerCase(Locale.ROOT).contains(search))
                .filter(name -> ids.isEmpty() || ids.stream().anyMatch(name::equalsIgnoreCase))
                .sorted(sortOrder.equals("desc") ? order.reversed() : order).toList();
        ArrayNode tags = Json.mapper().createArrayNode();
        paging.of(matching).forEach(name -> tags.add(DubViews.tag(name)));
        return HttpApiResponse.uncachedJson(200, tags);
    }

    /** The workspace's domains (the stage's default first, primary unless another is the workspace's default); no creation times. */
    private HttpApiResponse domains(HttpApiRequest request) {
        Caller caller = caller(request, Role.READ);
        Paging paging = Paging.of(request, Set.of("archived", "search"));
        String search = request.queryParam("search").map(s -> s.strip().toLowerCase(Locale.ROOT)).orElse("");
        List<DomainInfo> matching = domains.list(caller).stream().filter(d -> name(d).contains(search)).toList();
        ArrayNode list = Json.mapper().createArrayNode();
        for (DomainInfo domain : paging.of(matching)) {
            ObjectNode item = list.addObject();
            item.put("id", name(domain));
            item.put("slug", name(domain));
            item.put("verified", true);
            item.put("primary", domain.workspaceDefault());
            item.put("archived", false);
            item.putNull("placeholder");
            item.putNull("expiredUrl");
            item.put("notFoundUrl", domain.settings() == null ? null : domain.settings().notFoundUrl());
            for (String none : new String[] {"logo", "assetLinks", "appleAppSiteAssociation", "registeredDomain"}) {
                item.putNull(none);
            }
            item.put("createdAt", Instant.EPOCH.toString());
            item.put("updatedAt", Instant.EPOCH.toString());
        }
        return HttpApiResponse.uncachedJson(200, list);
    }

    /** Dub names the default domain as its links' shortLink shows it (with the port locally). */
    private String name(DomainInfo domain) {
        return domain.stageDefault() ? views.domain() : domain.host();
    }

    private Caller caller(HttpApiRequest request, Role role) {
        return DubAuth.caller(authenticator, request, role);
    }
}
