package dev.shortstack.links.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.FieldError;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads typed fields from a JSON object and collects every problem, so a client learns about
 * all its mistakes in one response rather than one per round trip.
 */
public final class FieldReader {
    private final ObjectNode body;
    private final List<FieldError> errors = new ArrayList<>();

    public FieldReader(ObjectNode body, Set<String> knownFields) {
        this.body = body;
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!knownFields.contains(name)) {
                errors.add(new FieldError(name, "is not a known field"));
            }
        }
    }

    public boolean has(String field) {
        return body.has(field);
    }

    public boolean isNull(String field) {
        return body.has(field) && body.get(field).isNull();
    }

    /** A string field; null if absent (or explicitly null, which the caller checks with isNull). */
    public String string(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            return reject(field, "must be a string");
        }
        return node.textValue();
    }

    public static final String DATE_TIME = "must be an ISO-8601 date-time with offset, e.g. 2030-01-31T12:00:00Z";

    /** A date-time field with its offset; null if absent, or refused with {@link #DATE_TIME}. */
    public Instant dateTime(String field) {
        String raw = string(field);
        return raw == null ? null : parseDateTime(raw).orElseGet(() -> reject(field, DATE_TIME));
    }

    /** An ISO-8601 date-time with offset as an instant; empty when it is not one. */
    public static Optional<Instant> parseDateTime(String raw) {
        try {
            return Optional.of(OffsetDateTime.parse(raw).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public Long integer(String field, long min, long max) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            return reject(field, "must be a whole number");
        }
        long value = node.longValue();
        if (value < min || value > max) {
            return reject(field, "must be between " + min + " and " + max);
        }
        return value;
    }

    public Boolean bool(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            return reject(field, "must be true or false");
        }
        return node.booleanValue();
    }

    /** An array of strings; null if absent. */
    public List<String> strings(String field, int maxItems) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            return reject(field, "must be an array of strings");
        }
        if (node.size() > maxItems) {
            return reject(field, "must have at most " + maxItems + " items");
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isTextual()) {
                errors.add(new FieldError(field + "[" + i + "]", "must be a string"));
            } else {
                values.add(item.textValue());
            }
        }
        return values;
    }

    public <T> T reject(String field, String message) {
        errors.add(new FieldError(field, message));
        return null;
    }

    /** The problems collected so far, to be reported under an enclosing field's name. */
    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** How many problems are collected so far: a caller compares before and after reading a nested part. */
    public int errorCount() {
        return errors.size();
    }

    public boolean hasErrorFor(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field) || e.field().startsWith(field + "["));
    }

    /** Throws the collected problems, if any. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
    }
}
