package dev.shortstack.shared.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortstack.shared.text.Utf8;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of an API Gateway HTTP API (payload format 2.0) event that Shortstack reads.
 * Header names are lower-cased, as API Gateway delivers them.
 *
 * @param body          the decoded body, or null when there is none
 * @param queryValues   every query parameter's values in the order given, read from the raw query
 *                      string (API Gateway joins a repeated parameter's values with commas, so
 *                      {@code ?tag=a&tag=b} would otherwise read as the one tag "a,b")
 * @param rawQuery      the query string as the client sent it, still encoded ("" when none): what a
 *                      redirect forwards to its target
 */
public record HttpApiRequest(
        String method,
        String path,
        Map<String, String> headers,
        Map<String, String> query,
        Map<String, String> pathParameters,
        String body,
        int bodyBytes,
        String requestId,
        String sourceIp,
        long timeEpochMillis,
        Map<String, List<String>> queryValues,
        String rawQuery) {

    public HttpApiRequest {
        queryValues = Map.copyOf(queryValues);
        rawQuery = rawQuery == null ? "" : rawQuery;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** @throws ApiProblem (400) when the parameter is given more than once */
    public Optional<String> queryParam(String name) {
        if (queryValues.getOrDefault(name, List.of()).size() > 1) {
            throw repeated(name);
        }
        return Optional.ofNullable(query.get(name));
    }

    /** Every value of a parameter that may be repeated ({@code ?tags[]=a&tags[]=b}), in the order given. */
    public List<String> queryValues(String name) {
        return queryValues.getOrDefault(name, List.of());
    }

    /**
     * Every query parameter, for parsers that read them all.
     *
     * @throws ApiProblem (400) when any is given more than once
     */
    @Override
    public Map<String, String> query() {
        queryValues.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).sorted().findFirst().ifPresent(name -> {
            throw repeated(name);
        });
        return query;
    }

    private static ApiProblem repeated(String name) {
        return ApiProblem.validation("query." + name, "is given more than once; give it once");
    }

    /** Parses the event; a body that is not valid UTF-8 (or not valid base64) is a bad request. */
    public static HttpApiRequest fromEvent(JsonNode event) {
        JsonNode http = event.path("requestContext").path("http");
        String method = text(http, "method", "GET").toUpperCase(Locale.ROOT);
        String path = text(http, "path", text(event, "rawPath", "/"));
        String rawBody = event.hasNonNull("body") ? event.get("body").asText() : null;
        byte[] bodyBytes = null;
        if (rawBody != null) {
            bodyBytes = event.path("isBase64Encoded").asBoolean(false)
                    ? decodeBase64(rawBody)
                    : rawBody.getBytes(StandardCharsets.UTF_8);
        }
        return new HttpApiRequest(
                method,
                path,
                lowerCaseKeys(stringMap(event.path("headers"))),
                stringMap(event.path("queryStringParameters")),
                stringMap(event.path("pathParameters")),
                bodyBytes == null ? null : utf8(bodyBytes),
                bodyBytes == null ? 0 : bodyBytes.length,
                text(event.path("requestContext"), "requestId", ""),
                text(http, "sourceIp", null),
                event.path("requestContext").path("timeEpoch").asLong(System.currentTimeMillis()),
                valuesByName(text(event, "rawQueryString", "")),
                text(event, "rawQueryString", ""));
    }

    private static Map<String, List<String>> valuesByName(String rawQuery) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] parts = pair.split("=", 2);
            values.computeIfAbsent(FormEncoding.decode(parts[0]), n -> new ArrayList<>())
                    .add(parts.length > 1 ? FormEncoding.decode(parts[1]) : "");
        }
        values.replaceAll((name, list) -> List.copyOf(list));
        return values;
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }

    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new HashMap<>();
        if (node != null && node.isObject()) {
            node.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        }
        return map;
    }

    private static Map<String, String> lowerCaseKeys(Map<String, String> headers) {
        Map<String, String> lower = new HashMap<>();
        headers.forEach((k, v) -> lower.merge(k.toLowerCase(Locale.ROOT), v, (a, b) -> a + "," + b));
        return lower;
    }

    private static byte[] decodeBase64(String raw) {
        try {
            return Base64.getDecoder().decode(raw);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(ProblemType.MALFORMED_BODY, "The request body is not valid base64.");
        }
    }

    private static String utf8(byte[] bytes) {
        return Utf8.decodeStrict(bytes).orElseThrow(
                () -> new ApiProblem(ProblemType.MALFORMED_BODY, "The request body is not valid UTF-8."));
    }
}
