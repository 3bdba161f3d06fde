package dev.shortstack.links.compat.bitly;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.FieldError;
import dev.shortstack.shared.http.HttpApiResponse;
import dev.shortstack.shared.http.ProblemType;
import dev.shortstack.shared.json.Json;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Errors in Bitly's shape ({@code message}, {@code description}, {@code resource}, {@code errors}),
 * with Bitly's messages where Bitly has one: INVALID_ARG_LONG_URL, FORBIDDEN, NOT_FOUND...
 */
public final class BitlyProblems {
    private static final Map<String, String> BITLY_FIELDS = Map.of("url", "long_url", "tags", "tags", "slug", "keyword");

    private BitlyProblems() {
    }

    public static HttpApiResponse answer(String resource, Supplier<HttpApiResponse> route) {
        try {
            return route.get();
        } catch (ApiProblem problem) {
            return response(problem, resource);
        }
    }

    private static HttpApiResponse response(ApiProblem problem, String resource) {
        int status = problem.type().status();
        String message = switch (problem.type()) {
            case VALIDATION_FAILED, MALFORMED_BODY, INVALID_CURSOR -> problem.errors().isEmpty() ? "INVALID_ARG"
                    : "INVALID_ARG_" + bitlyField(problem.errors().get(0).field()).replaceAll("\\[.*$", "").toUpperCase(Locale.ROOT);
            // Bitly answers a missing or wrong token with 403 FORBIDDEN.
            case UNAUTHORIZED, FORBIDDEN -> "FORBIDDEN";
            case NOT_FOUND, LINK_GONE, ROUTE_NOT_FOUND -> "NOT_FOUND";
            case SLUG_TAKEN -> "ALREADY_A_BITLINK";
            case METHOD_NOT_ALLOWED -> "METHOD_NOT_ALLOWED";
            case THROTTLED, QUERY_LIMIT -> "TEMPORARILY_UNAVAILABLE";
            default -> problem.type().name();
        };
        if (problem.type() == ProblemType.UNAUTHORIZED) {
            status = 403;
        }
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("message", message);
        body.put("description", problem.getMessage());
        body.put("resource", resource);
        ArrayNode errors = body.putArray("errors");
        for (FieldError error : problem.errors()) {
            errors.addObject().put("field", bitlyField(error.field())).put("message", error.message()).put("error_code", "invalid");
        }
        Map<String, String> headers = new HashMap<>(problem.headers());
        headers.put("content-type", "application/json");
        headers.put("cache-control", "no-store");
        return HttpApiResponse.of(status, headers, body.toString());
    }

    private static String bitlyField(String own) {
        String base = own.replaceFirst("\\[.*$", "");
        return BITLY_FIELDS.getOrDefault(base, base) + own.substring(base.length());
    }
}
