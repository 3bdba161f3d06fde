package dev.shortstack.links.compat.dub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.HttpApiResponse;
import dev.shortstack.shared.json.Json;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Errors in Dub's shape: {@code {"error": {"code", "message", "doc_url"}}}, with Dub's codes and statuses. */
public final class DubProblems {
    private static final String DOCS = "https://github.com/shortstack/shortstack/blob/main/docs/compatibility.md#dub";

    private DubProblems() {
    }

    public static HttpApiResponse answer(Supplier<HttpApiResponse> route) {
        try {
            return route.get();
        } catch (ApiProblem problem) {
            return response(problem);
        }
    }

    private static HttpApiResponse response(ApiProblem problem) {
        int status = problem.type().status();
        String code = switch (problem.type()) {
            // Dub answers a body that parses but is invalid with 422.
            case VALIDATION_FAILED -> {
                status = 422;
                yield "unprocessable_entity";
            }
            case UNAUTHORIZED -> "unauthorized";
            case FORBIDDEN, NOT_FROM_CDN -> "forbidden";
            case NOT_FOUND, ROUTE_NOT_FOUND, LINK_GONE -> "not_found";
            case SLUG_TAKEN, EDIT_CONFLICT -> "conflict";
            case THROTTLED -> {
                status = 429;
                yield "rate_limit_exceeded";
            }
            case INTERNAL, QUERY_LIMIT -> "internal_server_error";
            default -> "bad_request";
        };
        String message = problem.errors().isEmpty() ? problem.getMessage()
                : String.join("; ", problem.errors().stream().map(e -> e.field() + ": " + e.message()).toList());
        ObjectNode body = Json.mapper().createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("code", code);
        error.put("message", message);
        error.put("doc_url", DOCS);
        Map<String, String> headers = new HashMap<>(problem.headers());
        headers.put("content-type", "application/json");
        headers.put("cache-control", "no-store");
        return HttpApiResponse.of(status, headers, body.toString());
    }
}
