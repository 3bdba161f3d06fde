package dev.shortstack.analytics.aggregate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.shortstack.shared.click.ClickEvent;
import dev.shortstack.shared.json.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads a click event from a message body; anything that is not a complete v1 click is refused. */
public final class ClickParser {
    /** Newer producers may add fields; older consumers ignore them rather than drop the click. */
    private static final ObjectReader READER = Json.mapper().readerFor(ClickEvent.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ClickParser() {
    }

    public static Optional<ClickEvent> parse(String body) {
        try {
            ClickEvent event = READER.readValue(body);
            if (event == null || event.schemaVersion() != ClickEvent.SCHEMA_VERSION || blank(event.clickId())
                    || blank(event.slug()) || blank(event.linkId()) || blank(event.workspaceId()) || blank(event.method())) {
                return Optional.empty();
            }
            Instant.parse(event.occurredAt());
            return Optional.of(event);
        } catch (java.io.IOException | DateTimeParseException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
