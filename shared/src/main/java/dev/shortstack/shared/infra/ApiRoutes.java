package dev.shortstack.shared.infra;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP API's routes and the function behind each: the one definition behind the API Gateway
 * routes (CDK), CloudFront's API behaviours and the local runner's gateway. API Gateway answers
 * the most specific route: literal segments before {@code {variables}}, both before a greedy
 * {@code {proxy+}}; so reads that need click figures go to the stats API while everything else
 * under a prefix stays with the links API.
 */
public final class ApiRoutes {
    /** The function a route invokes. */
    public enum Target { LINKS_API, STATS_API, REDIRECT }

    /** @param method an HTTP method or {@code ANY} */
    public record Route(String method, String path, Target target) {
    }

    public static final List<Route> ROUTES = List.of(
            // Shortstack's own API.
            new Route("ANY", "/v1/{proxy+}", Target.LINKS_API),
            new Route("GET", "/v1/links/{slug}/stats", Target.STATS_API),
            new Route("GET", "/v1/links/{slug}/stats/live", Target.STATS_API),
            new Route("ANY", "/v1/stats", Target.STATS_API),
            new Route("ANY", "/v1/stats/{proxy+}", Target.STATS_API),
            new Route("GET", "/v1/domains/{host}/visits", Target.STATS_API),
            // Shlink's REST API (v3): short URLs are read where their visit figures are.
            new Route("ANY", "/rest/{proxy+}", Target.LINKS_API),
            new Route("GET", "/rest/v3/short-urls", Target.STATS_API),
            new Route("GET", "/rest/v3/short-urls/{shortCode}", Target.STATS_API),
            new Route("GET", "/rest/v3/short-urls/{shortCode}/visits", Target.STATS_API),
            new Route("GET", "/rest/v3/tags/stats", Target.STATS_API),
            new Route("GET", "/rest/v3/visits/orphan", Target.STATS_API),
            // Bitly's API (v4): a Bitlink's click figures; a Bitlink is domain/back-half, or the back-half alone.
            new Route("ANY", "/v4/{proxy+}", Target.LINKS_API),
            new Route("GET", "/v4/bitlinks/{domain}/{hash}/clicks", Target.STATS_API),
            new Route("GET", "/v4/bitlinks/{domain}/{hash}/clicks/summary", Target.STATS_API),
            new Route("GET", "/v4/bitlinks/{domain}/{hash}/countries", Target.STATS_API),
            new Route("GET", "/v4/bitlinks/{domain}/{hash}/referrers", Target.STATS_API),
            new Route("GET", "/v4/bitlinks/{hash}/clicks", Target.STATS_API),
            new Route("GET", "/v4/bitlinks/{hash}/clicks/summary", Target.STATS_API),
            new Route("GET", "/v4/bitlinks/{hash}/countries", Target.STATS_API),
            new Route("GET", "/v4/bitlinks/{hash}/referrers", Target.STATS_API),
            // Dub's API (a Dub SDK's server URL is https://<host>/dub): links are read where their clicks are.
            new Route("ANY", "/dub/{proxy+}", Target.LINKS_API),
            new Route("GET", "/dub/links", Target.STATS_API),
            new Route("GET", "/dub/links/info", Target.STATS_API),
            new Route("GET", "/dub/analytics", Target.STATS_API),
            // A protected link's password form posts here: through API Gateway, because CloudFront's access control on the
            // redirect's function URL takes a POST only with the body's SHA-256 in a header, which a form cannot send.
            new Route("POST", "/unlock/{slug}", Target.REDIRECT));

    private ApiRoutes() {
    }

    /** The first segments of the routes, worked out once: every request asks whether its path is the API's. */
    private static final List<String> PREFIXES = ROUTES.stream().map(route -> "/" + route.path().split("/")[1]).distinct().toList();

    /** The first segments the API answers under ({@code /v1}, {@code /rest}): uncached paths in CloudFront. */
    public static List<String> prefixes() {
        return PREFIXES;
    }

    /** Whether a path is the API's rather than a short link's or the dashboard's. */
    public static boolean isApiPath(String path) {
        return PREFIXES.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }

    /** A route chosen for a request, with its path parameters as API Gateway passes them (decoded). */
    public record Match(Route route, Map<String, String> pathParameters) {
        public String routeKey() {
            return route.method() + " " + route.path();
        }
    }

    /** The route API Gateway would choose for a request, the way it chooses: the most specific one. */
    public static Optional<Match> match(String method, String rawPath) {
        Match best = null;
        for (Route route : ROUTES) {
            if (!route.method().equals("ANY") && !route.method().equals(method)) {
                continue;
            }
            Optional<Map<String, String>> params = parameters(route.path(), rawPath);
            if (params.isPresent() && (best == null || MORE_SPECIFIC.compare(route, best.route()) < 0)) {
                best = new Match(route, params.get());
            }
        }
        return Optional.ofNullable(best);
    }

    /** Literal segments before variables, segment by segment; a greedy route last; a named method before ANY. */
    private static final Comparator<Route> MORE_SPECIFIC = (a, b) -> {
        String[] sa = a.path().split("/");
        String[] sb = b.path().split("/");
        for (int i = 1; i < Math.min(sa.length, sb.length); i++) {
            int rank = Integer.compare(rank(sa[i]), rank(sb[i]));
            if (rank != 0) {
                return rank;
            }
        }
        if (sa.length != sb.length) {
            // Only greedy routes match paths of different lengths: the longer template is the more specific.
            return Integer.compare(sb.length, sa.length);
        }
        return Boolean.compare(a.method().equals("ANY"), b.method().equals("ANY"));
    };

    private static int rank(String segment) {
        return segment.endsWith("+}") ? 2 : segment.startsWith("{") ? 1 : 0;
    }

    private static Optional<Map<String, String>> parameters(String template, String rawPath) {
        String[] want = template.substring(1).split("/");
        String[] got = rawPath.substring(1).split("/", -1);
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < want.length; i++) {
            String segment = want[i];
            if (segment.endsWith("+}")) {
                String rest = String.join("/", Arrays.copyOfRange(got, Math.min(i, got.length), got.length));
                if (rest.isEmpty()) {
                    return Optional.empty();
                }
                params.put(segment.substring(1, segment.length() - 2), decodePath(rest));
                return Optional.of(params);
            }
            if (i >= got.length || got[i].isEmpty()) {
                return Optional.empty();
            }
            if (segment.startsWith("{")) {
                params.put(segment.substring(1, segment.length() - 1), decodePath(got[i]));
            } else if (!segment.equals(got[i])) {
                return Optional.empty();
            }
        }
        return got.length == want.length ? Optional.of(params) : Optional.empty();
    }

    /** Percent-decoded as API Gateway decodes path parameters ({@code +} stays a plus); a malformed escape stays as given. */
    public static String decodePath(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }
}
