package dev.shortstack.links.compat.shlink;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.FieldError;
import dev.shortstack.shared.http.HttpApiRequest;
import dev.shortstack.shared.http.HttpApiResponse;
import dev.shortstack.shared.http.Problems;
import dev.shortstack.shared.json.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Errors in Shlink's problem shape: Shlink's type URI where it has one (so its clients' error
 * handling works), Shortstack's own where Shlink has no such error; always a detail that says why.
 */
public final class ShlinkProblems {
    static final String SHLINK = "https://shlink.io/api/error/";
    private static final Pattern SHORT_URL_PATH = Pattern.compile("^/rest/v3/short-urls/([^/]+)");

    private ShlinkProblems() {
    }

    /** Answers a Shlink route, turning any refusal into Shlink's shape. */
    public static HttpApiResponse answer(HttpApiRequest request, Supplier<HttpApiResponse> route) {
        try {
            return route.get();
        } catch (ShlinkProblem problem) {
            return response(problem.status(), problem.type(), problem.title(), problem.getMessage(), problem.extras(), Map.of());
        } catch (ApiProblem problem) {
            return fromShortstack(problem, request);
        }
    }

    private static HttpApiResponse fromShortstack(ApiProblem problem, HttpApiRequest request) {
        ObjectNode extras = Json.mapper().createObjectNode();
        Matcher path = SHORT_URL_PATH.matcher(request.path());
        String shortCode = path.find() ? URLDecoder.decode(path.group(1).replace("+", "%2B"), StandardCharsets.UTF_8) : "";
        return switch (problem.type()) {
            case VALIDATION_FAILED, MALFORMED_BODY, INVALID_CURSOR, UNSUPPORTED_MEDIA_TYPE -> {
                ArrayNode invalid = extras.putArray("invalidElements");
                Set<String> fields = new LinkedHashSet<>();
                problem.errors().stream().map(FieldError::field).forEach(fields::add);
                fields.forEach(invalid::add);
                String detail = problem.errors().isEmpty() ? problem.getMessage()
                        : String.join("; ", problem.errors().stream().map(e -> e.field() + " " + e.message()).toList());
                yield response(400, SHLINK + "invalid-data", "Invalid data", "Provided data is not valid: " + detail, extras, Map.of());
            }
            case UNAUTHORIZED -> request.header("x-api-key").isPresent()
                    ? response(401, SHLINK + "invalid-api-key", "Invalid API key", "Provided API key does not exist or is invalid.",
                            extras, Map.of())
                    : response(401, SHLINK + "missing-authentication", "Invalid authorization",
                            "Expected one of the following authentication headers, [\"X-Api-Key\"], but none were provided", extras,
                            Map.of());
            case NOT_FOUND, LINK_GONE -> {
                extras.put("shortCode", shortCode);
                yield response(404, SHLINK + "short-url-not-found", "Short URL not found",
                        "No URL found with short code \"" + shortCode + "\"", extras, Map.of());
            }
            case SLUG_TAKEN -> response(400, SHLINK + "non-unique-slug", "Invalid custom slug", problem.getMessage(), extras, Map.of());
            case ROUTE_NOT_FOUND -> response(404, SHLINK + "not-found", "Not found",
                    "Requested route " + request.path() + " does not exist.", extras, Map.of());
            default -> Problems.response(problem, request);
        };
    }

    private static HttpApiResponse response(int status, String type, String title, String detail, ObjectNode extras,
                                            Map<String, String> headers) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("type", type);
        body.put("title", title);
        body.put("detail", detail);
        body.put("status", status);
        body.setAll(extras);
        Map<String, String> all = new HashMap<>(headers);
        all.put("content-type", Problems.CONTENT_TYPE);
        all.put("cache-control", "no-store");
        return HttpApiResponse.of(status, all, body.toString());
    }
}
