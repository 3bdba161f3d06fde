package dev.shortstack.analytics.aggregate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.shortstack.shared.click.ClickEvent;
import dev.shortstack.shared.json.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Reads the click events of a message body: one click object, or a JSON array of them (the
 * group-committed clicks of concurrent redirects share a message). The message is the unit: if any
 * element is not a complete v1 click, none is taken, and the whole message goes to the DLQ intact.
 */
public final class ClickParser {
    /** Newer producers may add fields; older consumers ignore them rather than drop the click. */
    private static final ObjectReader READER = Json.mapper().readerFor(ClickEvent.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectReader LIST_READER = Json.mapper().readerForListOf(ClickEvent.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ClickParser() {
    }

    public static Optional<List<ClickEvent>> parse(String body) {
        try {
            List<ClickEvent> events = startsAnArray(body) ? LIST_READER.readValue(body)
                    : Collections.singletonList(READER.<ClickEvent>readValue(body));
            if (events.isEmpty() || !events.stream().allMatch(ClickParser::complete)) {
                return Optional.empty();
            }
            return Optional.of(events);
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    private static boolean startsAnArray(String body) {
        for (int i = 0; i < body.length(); i++) {
            if (!Character.isWhitespace(body.charAt(i))) {
                return body.charAt(i) == '[';
            }
        }
        return false;
    }

    private static boolean complete(ClickEvent event) {
        if (event == null || event.schemaVersion() != ClickEvent.SCHEMA_VERSION || blank(event.clickId())
                || blank(event.slug()) || blank(event.linkId()) || blank(event.workspaceId()) || blank(event.method())
                || event.occurredAt() == null) {
            return false;
        }
        try {
            Instant.parse(event.occurredAt());
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
