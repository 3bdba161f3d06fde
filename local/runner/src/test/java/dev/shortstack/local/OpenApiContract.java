package dev.shortstack.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.shortstack.links.openapi.OpenApiDocument;
import dev.shortstack.shared.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An OpenAPI 3.1 document as a contract: answers (and the requests that got them) are checked
 * against the schema the document gives for their route, method, status and media type, and every
 * answer checked is recorded, so a test can tell which operations and problem types it covered.
 */
final class OpenApiContract {
    private static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private final JsonNode document;
    private final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    /** "METHOD template" → the statuses seen. */
    private final Map<String, Set<Integer>> seen = new TreeMap<>();
    private final Set<String> problemTypes = new TreeSet<>();
    private int exchanges;

    OpenApiContract(JsonNode document) {
        this.document = document;
    }

    /** Every operation of the document as "METHOD template". */
    Set<String> operations() {
        return OpenApiDocument.operations(document, null);
    }

    /** The problem type URIs the document's Problem schema allows. */
    Set<String> documentedProblemTypes() {
        Set<String> types = new TreeSet<>();
        document.at("/components/schemas/Problem/properties/type/enum").forEach(t -> types.add(t.asText()));
        return types;
    }

    /**
     * Checks one exchange: the status must be documented for the operation, the body must match the
     * schema documented for its media type; a request body that succeeded must match the request schema.
     */
    void check(String method, String template, String requestMediaType, String requestBody, int status, String mediaType, String body,
               String allow) {
        if (status == 405) {
            checkMethodNotAllowed(method, template, body, allow);
            return;
        }
        String operation = method + " " + template;
        JsonNode op = document.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
        assertThat(op.isObject()).as("%s is in the document", operation).isTrue();
        JsonNode response = op.path("responses").path(String.valueOf(status));
        assertThat(response.isObject()).as("%s answered %d, which the document does not list: %s", operation, status, body).isTrue();
        if (body.isEmpty()) {
            assertThat(response.has("content")).as("%s %d has no body, as documented", operation, status).isFalse();
        } else {
            JsonNode schema = response.path("content").path(mediaType).path("schema");
            assertThat(schema.isObject()).as("%s %d answered %s, a media type the document does not give", operation, status, mediaType)
                    .isTrue();
            assertValid(schema, body, operation + " " + status);
            if (mediaType.equals("application/problem+json")) {
                problemTypes.add(parse(body).path("type").asText());
            }
        }
        if (status < 300 && requestBody != null && !requestBody.isEmpty()) {
            JsonNode requestSchema = op.path("requestBody").path("content").path(requestMediaType).path("schema");
            assertThat(requestSchema.isObject()).as("%s takes %s, as documented", operation, requestMediaType).isTrue();
            if (requestMediaType.endsWith("json")) {
                assertValid(requestSchema, requestBody, operation + " request");
            }
        }
        seen.computeIfAbsent(operation, k -> new TreeSet<>()).add(status);
        exchanges++;
    }

    int exchanges() {
        return exchanges;
    }

    /** A 405 is the path's: Allow must list exactly the path's documented methods, and the body is a documented Problem. */
    private void checkMethodNotAllowed(String method, String template, String body, String allow) {
        JsonNode path = document.path("paths").path(template);
        assertThat(path.isObject()).as("%s is in the document", template).isTrue();
        Set<String> documented = new TreeSet<>();
        path.properties().stream().map(Map.Entry::getKey).filter(k -> !k.equals("parameters"))
                .forEach(k -> documented.add(k.toUpperCase(Locale.ROOT)));
        assertThat(documented).as("%s %s is not documented", method, template).doesNotContain(method);
        Set<String> allowed = new TreeSet<>();
        for (String m : allow.split(",")) {
            allowed.add(m.trim());
        }
        assertThat(allowed).as("Allow of %s", template).isEqualTo(documented);
        checkProblem(body, method + " " + template);
        documented.forEach(m -> seen.computeIfAbsent(m + " " + template, k -> new TreeSet<>()).add(405));
        exchanges++;
    }

    /** A problem answered outside any route (no route matched): it must still be the documented Problem. */
    void checkProblem(String body, String what) {
        assertValid(document.at("/components/schemas/Problem"), body, what);
        problemTypes.add(parse(body).path("type").asText());
    }

    Map<String, Set<Integer>> seen() {
        return seen;
    }

    Set<String> problemTypesSeen() {
        return problemTypes;
    }

    static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    void assertValid(JsonNode schema, String body, String what) {
        ObjectNode rooted = schema.deepCopy();
        rooted.put("$schema", DIALECT);
        rooted.set("components", document.path("components"));
        List<Error> errors = schemas.getSchema(rooted.toString()).validate(body, InputFormat.JSON);
        List<String> messages = new ArrayList<>();
        errors.forEach(e -> messages.add(e.getInstanceLocation() + ": " + e.getMessage()));
        assertThat(messages).as("%s matches the document: %s", what, body).isEmpty();
    }
}
