package dev.shortstack.shared.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.shared.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/** Sample events from the repository's {@code events/} folder, the same files used for local invokes. */
public final class Fixtures {
    /** The admin key the fixtures carry in their Authorization headers. */
    public static final String ADMIN_KEY = "ssk_fixtureadmin_FixtureSecretFixtureSecret000000";
    public static final String WORKSPACE = "fixtures";

    private Fixtures() {
    }

    public static ObjectNode event(String relativePath) {
        Path file = eventsDir().resolve(relativePath);
        try {
            return (ObjectNode) Json.mapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read fixture " + file, e);
        }
    }

    public static Path eventsDir() {
        String root = System.getProperty("shortstack.repo.root");
        Path start = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("events")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir.resolve("events");
            }
        }
        throw new IllegalStateException("No events/ folder above " + start);
    }

    /** A copy of an event with one header set (names are lower-case, as API Gateway sends them). */
    public static ObjectNode withHeader(ObjectNode event, String name, String value) {
        ObjectNode copy = event.deepCopy();
        copy.withObjectProperty("headers").put(name, value);
        return copy;
    }

    public static ObjectNode withoutHeader(ObjectNode event, String name) {
        ObjectNode copy = event.deepCopy();
        copy.withObjectProperty("headers").remove(name);
        return copy;
    }

    /** A copy of an event sent as {@code method} to {@code path} (the route key stays: API Gateway matched it). */
    public static ObjectNode withRequest(ObjectNode event, String method, String path) {
        ObjectNode copy = event.deepCopy();
        copy.put("rawPath", path);
        ObjectNode http = copy.withObjectProperty("requestContext").withObjectProperty("http");
        http.put("method", method);
        http.put("path", path);
        return copy;
    }

    /** A copy of an event with exactly these query parameters. */
    public static ObjectNode withQuery(ObjectNode event, Map<String, String> parameters) {
        ObjectNode copy = event.deepCopy();
        ObjectNode query = copy.putObject("queryStringParameters");
        parameters.forEach(query::put);
        copy.put("rawQueryString", parameters.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&")));
        return copy;
    }

    public static ObjectNode withBody(ObjectNode event, String body) {
        ObjectNode copy = event.deepCopy();
        copy.put("body", body);
        return copy;
    }

    public static JsonNode body(JsonNode response) {
        try {
            return Json.mapper().readTree(response.path("body").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
