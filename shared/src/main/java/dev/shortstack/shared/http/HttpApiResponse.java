package dev.shortstack.shared.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP API (payload format 2.0) response. */
public record HttpApiResponse(
        int statusCode,
        Map<String, String> headers,
        String body,
        @JsonProperty("isBase64Encoded") boolean base64Encoded) {

    public static HttpApiResponse of(int status, Map<String, String> headers, String body) {
        return new HttpApiResponse(status, Map.copyOf(headers), body, false);
    }

    public static HttpApiResponse json(int status, String body) {
        return of(status, Map.of("content-type", "application/json"), body);
    }

    /** An API answer: JSON that no cache may keep (the API's answers change with every write). */
    public static HttpApiResponse uncachedJson(int status, JsonNode body) {
        return of(status, Map.of("content-type", "application/json", "cache-control", "no-store"), body.toString());
    }

    public static HttpApiResponse noContent() {
        return of(204, Map.of(), null);
    }

    public HttpApiResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new HttpApiResponse(statusCode, Map.copyOf(copy), body, base64Encoded);
    }
}
