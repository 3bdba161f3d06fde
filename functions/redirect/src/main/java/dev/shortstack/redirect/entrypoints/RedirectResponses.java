package dev.shortstack.redirect.entrypoints;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.redirect.service.RedirectOutcome;
import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.HttpApiRequest;
import dev.shortstack.shared.http.HttpApiResponse;
import dev.shortstack.shared.http.ProblemType;
import dev.shortstack.shared.http.Problems;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.link.Link;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders redirect answers as HTML for browsers or JSON for API clients, by Accept. */
final class RedirectResponses {
    private RedirectResponses() {
    }

    static HttpApiResponse redirect(HttpApiRequest request, RedirectOutcome.Redirect redirect, String cacheControl, boolean head) {
        Link link = redirect.link();
        return redirect(request, link.slug(), redirect.location(), link.redirectType(), cacheControl, head);
    }

    /**
     * A gone link's visitor sent to its fallback URL: a temporary redirect, cached only as briefly as the
     * 410 page it replaces (the link may be enabled or extended again), the reason in a header.
     */
    static HttpApiResponse fallback(HttpApiRequest request, RedirectOutcome.Fallback fallback, boolean head) {
        return redirect(request, fallback.link().slug(), fallback.link().fallbackUrl(), 302, CachePolicy.MISS, head)
                .withHeader("x-shortstack-fallback", fallback.reason());
    }

    /**
     * A visit that found no link sent to the page its domain's owner chose (the root's, or the one for unknown slugs):
     * temporary and cached as briefly as the not-found page, since the owner may change it.
     */
    static HttpApiResponse domainPage(HttpApiRequest request, String location, String reason, boolean head) {
        return redirect(request, "", location, 302, CachePolicy.MISS, head).withHeader("x-shortstack-fallback", reason);
    }

    /** A protected link's visitor who gave the right password: See Other, so the browser follows with a GET. */
    static HttpApiResponse unlocked(HttpApiRequest request, RedirectOutcome.Redirect redirect) {
        return redirect(request, redirect.link().slug(), redirect.location(), 303, CachePolicy.NO_STORE, false);
    }

    /** A password sent for a link that has none: back to the link itself. */
    static HttpApiResponse toLink(HttpApiRequest request, String slug) {
        return redirect(request, slug, "/" + slug + (request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery()), 303,
                CachePolicy.NO_STORE, false);
    }

    private static HttpApiResponse redirect(HttpApiRequest request, String slug, String location, int status, String cacheControl,
                                            boolean head) {
        Map<String, String> headers = new HashMap<>();
        headers.put("location", location);
        headers.put("cache-control", cacheControl);
        headers.put("referrer-policy", "strict-origin-when-cross-origin");
        String body;
        if (wantsJson(request)) {
            ObjectNode json = Json.mapper().createObjectNode();
            json.put("slug", slug);
            json.put("location", location);
            json.put("status", status);
            headers.put("content-type", "application/json");
            body = json.toString();
        } else {
            headers.put("content-type", "text/html; charset=utf-8");
            String href = html(location);
            body = "<!doctype html><meta charset=\"utf-8\"><title>Redirecting</title>"
                    + "<p>Redirecting to <a href=\"" + href + "\">" + href + "</a>.</p>";
        }
        return HttpApiResponse.of(status, headers, head ? null : body);
    }

    static HttpApiResponse failure(HttpApiRequest request, RedirectOutcome outcome, boolean head) {
        boolean gone = outcome instanceof RedirectOutcome.Gone;
        String detail = outcome instanceof RedirectOutcome.Gone g
                ? "The link '" + g.slug() + "' is no longer available (" + g.reason() + ")."
                : "There is no link '" + ((RedirectOutcome.NotFound) outcome).slug() + "'.";
        ProblemType type = gone ? ProblemType.LINK_GONE : ProblemType.NOT_FOUND;
        HttpApiResponse response;
        if (wantsJson(request)) {
            response = Problems.response(type, detail, request);
        } else {
            String title = gone ? "Link no longer available" : "Link not found";
            response = HttpApiResponse.of(type.status(), Map.of("content-type", "text/html; charset=utf-8"),
                    "<!doctype html><meta charset=\"utf-8\"><title>" + title + "</title><h1>" + title + "</h1><p>"
                            + html(detail) + "</p>");
        }
        response = response.withHeader("cache-control", CachePolicy.MISS);
        return head ? new HttpApiResponse(response.statusCode(), response.headers(), null, false) : response;
    }

    static HttpApiResponse methodNotAllowed(HttpApiRequest request) {
        return Problems.response(new ApiProblem(ProblemType.METHOD_NOT_ALLOWED, "Short links answer GET and HEAD.",
                List.of(), Map.of("allow", "GET, HEAD")), request);
    }

    /** JSON when the client asks for it and does not also accept HTML (browsers send text/html). */
    static boolean wantsJson(HttpApiRequest request) {
        String accept = request.header("accept").orElse("").toLowerCase(Locale.ROOT);
        return accept.contains("json") && !accept.contains("text/html");
    }

    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
