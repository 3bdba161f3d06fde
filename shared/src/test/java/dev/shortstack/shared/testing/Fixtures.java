package dev.shortstack.shared.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.shared.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
