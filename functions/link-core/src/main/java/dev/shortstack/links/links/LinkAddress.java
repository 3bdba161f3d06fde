package dev.shortstack.links.links;

import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.HttpApiRequest;
import java.util.HashMap;
import java.util.Map;

/** How a request names one link: the slug in the path, its domain in {@code ?domain=} (absent: the default domain). */
public final class LinkAddress {
    public static final String DOMAIN_PARAM = "domain";

    private LinkAddress() {
    }

    /** The links table key the request names; a malformed {@code domain} is a 400 on {@code query.domain}. */
    public static String key(HttpApiRequest request, String slug, LinkDomains domains) {
        String host = request.queryParam(DOMAIN_PARAM).map(String::strip).filter(h -> !h.isEmpty()).orElse(null);
        if (host != null && !LinkDomains.isShortHost(host)) {
            throw ApiProblem.validation("query." + DOMAIN_PARAM, "must be a host name such as go.example.com");
        }
        return domains.key(host, slug);
    }

    /** The query without {@code domain}, for parsers that refuse parameters they do not know. */
    public static Map<String, String> withoutDomain(Map<String, String> query) {
        Map<String, String> rest = new HashMap<>(query);
        rest.remove(DOMAIN_PARAM);
        return rest;
    }

    /** A link's API path: {@code /v1/links/<slug>}, with {@code ?domain=} when it is not on the default domain. */
    public static String path(dev.shortstack.shared.link.Link link) {
        return "/v1/links/" + link.slug() + (link.domain() == null ? "" : "?" + DOMAIN_PARAM + "=" + link.domain());
    }
}
