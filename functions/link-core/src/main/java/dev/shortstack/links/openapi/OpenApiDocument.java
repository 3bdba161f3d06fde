package dev.shortstack.links.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortstack.shared.http.HttpApiResponse;
import dev.shortstack.shared.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The OpenAPI 3.1 description of every /v1 route ({@code GET /v1/openapi.json}, no key needed):
 * a resource of this jar, kept true by the contract test that checks every route's real answers
 * against it.
 */
public final class OpenApiDocument {
    public static final String RESOURCE = "/openapi/shortstack-v1.json";
    private static final String TEXT = load();

    private OpenApiDocument() {
    }

    public static String text() {
        return TEXT;
    }

    /** The document's operations as "METHOD template": those tagged {@code tag}, or (tag null) all of them. */
    public static Set<String> operations(String tag) {
        try {
            return operations(Json.mapper().readTree(TEXT), tag);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A document's operations as "METHOD template": those tagged {@code tag}, or (tag null) all of them. */
    public static Set<String> operations(JsonNode document, String tag) {
        Set<String> operations = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(op -> !op.getKey().equals("parameters"))
                .filter(op -> tag == null || op.getValue().path("tags").path(0).asText().equals(tag))
                .forEach(op -> operations.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return operations;
    }

    public static HttpApiResponse response() {
        return HttpApiResponse.of(200, Map.of("content-type", "application/json", "cache-control", "public, max-age=300"), TEXT);
    }

    private static String load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
