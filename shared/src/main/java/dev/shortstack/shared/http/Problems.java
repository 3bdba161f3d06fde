package dev.shortstack.shared.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.shared.json.Json;
import java.util.HashMap;
import java.util.Map;

/** Renders RFC 9457 problem details. */
public final class Problems {
    public static final String CONTENT_TYPE = "application/problem+json";

    private Problems() {
    }

    public static HttpApiResponse response(ApiProblem problem, HttpApiRequest request) {
        return response(problem.type(), problem.getMessage(), problem, request);
    }

    public static HttpApiResponse response(ProblemType type, String detail, HttpApiRequest request) {
        return response(type, detail, null, request);
    }

    private static HttpApiResponse response(ProblemType type, String detail, ApiProblem problem, HttpApiRequest request) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("type", type.uri());
        body.put("title", type.title());
        body.put("status", type.status());
        body.put("detail", detail);
        if (request != null) {
            body.put("instance", request.path());
            if (!request.requestId().isEmpty()) {
                body.put("requestId", request.requestId());
            }
        }
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", CONTENT_TYPE);
        headers.put("cache-control", "no-store");
        if (problem != null) {
            if (!problem.errors().isEmpty()) {
                ArrayNode errors = body.putArray("errors");
                problem.errors().forEach(e -> errors.addObject().put("field", e.field()).put("message", e.message()));
            }
            headers.putAll(problem.headers());
        }
        return HttpApiResponse.of(type.status(), headers, body.toString());
    }
}
