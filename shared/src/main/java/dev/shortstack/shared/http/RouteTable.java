package dev.shortstack.shared.http;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A function's routes: method, path template ({@code /v1/links/{slug}}) and handler, matched by the
 * path's segments, so the order they are added in does not matter. A path no template matches is a
 * 404 {@code route-not-found}; one that matches with another method is a 405 whose {@code Allow}
 * lists the methods the table has for it. A trailing slash is ignored.
 */
public final class RouteTable {
    /** Answers one route; {@code params} holds the template's variables, taken from the path as given. */
    @FunctionalInterface
    public interface Handler {
        HttpApiResponse handle(HttpApiRequest request, Map<String, String> params);
    }

    private record Route(String method, PathTemplate template, Handler handler) {
    }

    private final List<Route> routes = new ArrayList<>();

    public RouteTable add(String method, String template, Handler handler) {
        PathTemplate parsed = PathTemplate.parse(template);
        for (Route route : routes) {
            if (route.method().equals(method) && route.template().equals(parsed)) {
                throw new IllegalArgumentException("Route " + method + " " + template + " is already in the table");
            }
        }
        routes.add(new Route(method, parsed, handler));
        return this;
    }

    public HttpApiResponse dispatch(HttpApiRequest request) {
        String path = request.path().length() > 1 && request.path().endsWith("/")
                ? request.path().substring(0, request.path().length() - 1)
                : request.path();
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            Optional<Map<String, String>> params = route.template().match(path);
            if (params.isPresent()) {
                if (route.method().equals(request.method())) {
                    return route.handler().handle(request, params.get());
                }
                allowed.add(route.method());
            }
        }
        if (!allowed.isEmpty()) {
            String allow = String.join(", ", allowed);
            throw new ApiProblem(ProblemType.METHOD_NOT_ALLOWED, "Allowed methods: " + allow + ".", List.of(), Map.of("allow", allow));
        }
        throw new ApiProblem(ProblemType.ROUTE_NOT_FOUND, "No route " + request.method() + " " + request.path() + ".");
    }

    /** The routes as "METHOD template", in the order added (for documentation and tests). */
    public List<String> describe() {
        return routes.stream().map(r -> r.method() + " " + r.template()).toList();
    }
}
