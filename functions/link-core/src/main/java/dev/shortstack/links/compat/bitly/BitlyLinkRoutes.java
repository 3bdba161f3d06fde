package dev.shortstack.links.compat.bitly;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.links.auth.Authenticator;
import dev.shortstack.links.auth.Caller;
import dev.shortstack.links.auth.Role;
import dev.shortstack.links.compat.CompatContext;
import dev.shortstack.links.compat.QueryParams;
import dev.shortstack.links.links.LinkService;
import dev.shortstack.links.request.JsonBody;
import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.FieldError;
import dev.shortstack.shared.http.HttpApiRequest;
import dev.shortstack.shared.http.HttpApiResponse;
import dev.shortstack.shared.http.RouteTable;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.link.Link;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Bitly's API (v4) in the links API: shortening, Bitlinks (create, read, edit, delete, expand), a
 * group's Bitlinks, groups and the user. Click figures are the stats API's ({@code BitlyMetricRoutes}).
 * A group is a workspace, a token is a Shortstack API key; errors in Bitly's shape.
 */
public final class BitlyLinkRoutes {
    private static final Set<String> JSON = Set.of("application/json");
    private static final Set<String> GROUP_LINK_PARAMS = Set.of("size", "page", "query", "tags", "keyword");
    private static final int MAX_PAGE_SIZE = 100;

    private final Authenticator authenticator;
    private final LinkService links;
    private final BitlyRequests requests;
    private final BitlyViews views;
    private final Clock clock;
    private final RouteTable routes;

    public BitlyLinkRoutes(CompatContext context) {
        this.authenticator = context.authenticator();
        this.links = context.links();
        this.views = new BitlyViews(context.shortBaseUrl());
        this.requests = new BitlyRequests(context.parser(), context.domain());
        this.clock = context.clock();
        this.routes = new RouteTable()
                .add("POST", "/v4/shorten", (request, params) -> create(request, true))
                .add("POST", "/v4/bitlinks", (request, params) -> create(request, false))
                .add("POST", "/v4/expand", (request, params) -> expand(request))
                .add("GET", "/v4/bitlinks/{domain}/{hash}", (request, params) -> get(request, BitlinkId.key(params, links.domains())))
                .add("GET", "/v4/bitlinks/{hash}", (request, params) -> get(request, BitlinkId.key(params, links.domains())))
                .add("PATCH", "/v4/bitlinks/{domain}/{hash}", (request, params) -> edit(request, BitlinkId.key(params, links.domains())))
                .add("PATCH", "/v4/bitlinks/{hash}", (request, params) -> edit(request, BitlinkId.key(params, links.domains())))
                .add("DELETE", "/v4/bitlinks/{domain}/{hash}", (request, params) -> delete(request, BitlinkId.key(params, links.domains())))
                .add("DELETE", "/v4/bitlinks/{hash}", (request, params) -> delete(request, BitlinkId.key(params, links.domains())))
                .add("GET", "/v4/groups", (request, params) -> groups(request))
                .add("GET", "/v4/groups/{group}", (request, params) -> group(request, params.get("group")))
                .add("GET", "/v4/groups/{group}/bitlinks", (request, params) -> groupLinks(request, params.get("group")))
                .add("GET", "/v4/user", (request, params) -> user(request));
    }

    public static boolean handles(HttpApiRequest request) {
        return request.path().startsWith("/v4/");
    }

    public HttpApiResponse answer(HttpApiRequest request) {
        return BitlyProblems.answer(resource(request), () -> routes.dispatch(request));
    }

    /** Bitly names the resource an error is about: the path's first segment after /v4 ("bitlinks", "groups"...). */
    static String resource(HttpApiRequest request) {
        String[] segments = request.path().split("/");
        return segments.length > 2 ? segments[2] : "";
    }

    private HttpApiResponse create(HttpApiRequest request, boolean shorten) {
        Caller caller = caller(request, Role.WRITE);
        ObjectNode body = JsonBody.parse(request, JSON);
        BitlyRequests.group(body).ifPresent(guid -> BitlyAuth.requireGroup(caller, guid));
        Link link = links.create(caller, requests.create(body, shorten, clock.instant()));
        return HttpApiResponse.uncachedJson(201, views.bitlink(link));
    }

    private HttpApiResponse expand(HttpApiRequest request) {
        Caller caller = caller(request, Role.READ);
        ObjectNode body = JsonBody.parse(request, JSON);
        String id = body.path("bitlink_id").asText("");
        if (id.isBlank()) {
            throw ApiProblem.validation("bitlink_id", "is required: the Bitlink as domain/back-half");
        }
        Link link = links.get(caller, BitlinkId.key(id, links.domains()));
        ObjectNode bitlink = views.bitlink(link);
        ObjectNode expanded = Json.mapper().createObjectNode();
        expanded.set("created_at", bitlink.get("created_at"));
        expanded.set("link", bitlink.get("link"));
        expanded.set("id", bitlink.get("id"));
        expanded.set("long_url", bitlink.get("long_url"));
        return HttpApiResponse.uncachedJson(200, expanded);
    }

    private HttpApiResponse get(HttpApiRequest request, String slug) {
        return HttpApiResponse.uncachedJson(200, views.bitlink(links.get(caller(request, Role.READ), slug)));
    }

    private HttpApiResponse edit(HttpApiRequest request, String slug) {
        Caller caller = caller(request, Role.WRITE);
        // Bitly has no versions: an edit overwrites whatever is there, as If-Match: * does.
        Link link = links.update(caller, slug, Optional.empty(), requests.edit(JsonBody.parse(request, JSON), clock.instant()));
        return HttpApiResponse.uncachedJson(200, views.bitlink(link));
    }

    private HttpApiResponse delete(HttpApiRequest request, String slug) {
        Caller caller = caller(request, Role.WRITE);
        Link link = links.get(caller, slug);
        links.delete(caller, slug, Optional.empty());
        ObjectNode body = Json.mapper().createObjectNode();
        body.putArray("links_deleted").addObject().put("id", views.id(link)).put("long_url", link.url());
        return HttpApiResponse.uncachedJson(200, body);
    }

    private HttpApiResponse groups(HttpApiRequest request) {
        Caller caller = caller(request, Role.READ);
        ObjectNode body = Json.mapper().createObjectNode();
        body.putArray("groups").add(views.group(caller.workspaceId(), links.domains().configured().ownedBy(caller.workspaceId())));
        return HttpApiResponse.uncachedJson(200, body);
    }

    private HttpApiResponse group(HttpApiRequest request, String guid) {
        Caller caller = caller(request, Role.READ);
        BitlyAuth.requireGroup(caller, guid);
        return HttpApiResponse.uncachedJson(200, views.group(guid, links.domains().configured().ownedBy(guid)));
    }

    /** A group's Bitlinks, newest first, by page number as Bitly pages them. */
    private HttpApiResponse groupLinks(HttpApiRequest request, String guid) {
        Caller caller = caller(request, Role.READ);
        BitlyAuth.requireGroup(caller, guid);
        List<FieldError> errors = new ArrayList<>();
        QueryParams.onlyKnown(request, GROUP_LINK_PARAMS, errors);
        int size = QueryParams.whole(request, "size", 50, 1, MAX_PAGE_SIZE, errors);
        int page = QueryParams.whole(request, "page", 1, 1, Integer.MAX_VALUE, errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        String search = request.queryParam("query").or(() -> request.queryParam("keyword")).filter(q -> !q.isBlank()).orElse(null);
        List<String> tags = request.queryValues("tags");
        List<Link> matching = links.all(caller, tags.size() == 1 ? tags.get(0) : null, search, 10_000).stream()
                .filter(link -> tags.stream().allMatch(t -> link.tags().stream().anyMatch(t::equalsIgnoreCase)))
                .toList();
        int from = (int) Math.min((long) (page - 1) * size, matching.size());
        List<Link> pageLinks = matching.subList(from, Math.min(from + size, matching.size()));
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode items = body.putArray("links");
        pageLinks.forEach(link -> items.add(views.bitlink(link)));
        ObjectNode pagination = body.putObject("pagination");
        String base = "/v4/groups/" + guid + "/bitlinks?size=" + size + "&page=";
        pagination.put("prev", page > 1 ? base + (page - 1) : "");
        pagination.put("next", from + size < matching.size() ? base + (page + 1) : "");
        pagination.put("size", size);
        pagination.put("page", page);
        pagination.put("total", matching.size());
        return HttpApiResponse.uncachedJson(200, body);
    }

    private HttpApiResponse user(HttpApiRequest request) {
        Caller caller = caller(request, Role.READ);
        ObjectNode user = Json.mapper().createObjectNode();
        user.put("login", caller.keyId());
        user.put("name", caller.keyId());
        user.put("is_active", true);
        user.put("is_sso_user", false);
        user.putArray("emails");
        user.put("is_2fa_enabled", false);
        user.put("default_group_guid", caller.workspaceId());
        return HttpApiResponse.uncachedJson(200, user);
    }

    private Caller caller(HttpApiRequest request, Role role) {
        return BitlyAuth.caller(authenticator, request, role);
    }
}
