package dev.shortstack.links.webhooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.links.request.FieldReader;
import dev.shortstack.shared.webhooks.WebhookEventType;
import dev.shortstack.shared.webhooks.WebhookTargets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Reads the webhook routes' bodies, reporting every invalid field at once. */
public final class WebhookRequests {
    public static final int MAX_DESCRIPTION = 200;
    public static final Duration DEFAULT_KEEP_PREVIOUS = Duration.ofHours(24);
    public static final Duration MAX_KEEP_PREVIOUS = Duration.ofDays(7);
    private static final String EVENT_NAMES = String.join(", ", WebhookEventType.wireNames());

    private final WebhookTargets targets;

    public WebhookRequests(WebhookTargets targets) {
        this.targets = targets;
    }

    /** {@code POST /v1/webhooks}: an endpoint to add. */
    public record NewEndpoint(String url, Set<WebhookEventType> events, String description) {
    }

    /** {@code PATCH /v1/webhooks/{id}}: each field null when not sent; {@code clearDescription} for {@code "description": null}. */
    public record EndpointPatch(String url, Set<WebhookEventType> events, String description, boolean clearDescription,
                                Boolean enabled) {
    }

    public NewEndpoint parseCreate(ObjectNode body) {
        FieldReader fields = new FieldReader(body, Set.of("url", "events", "description"));
        String url = url(fields);
        if (url == null && !fields.hasErrorFor("url")) {
            fields.reject("url", "is required: the https URL to post events to");
        }
        Set<WebhookEventType> events = events(fields);
        if (events == null && !fields.hasErrorFor("events")) {
            fields.reject("events", "is required: one or more of " + EVENT_NAMES);
        }
        String description = description(fields);
        fields.throwIfInvalid();
        return new NewEndpoint(url, events, description);
    }

    public EndpointPatch parsePatch(ObjectNode body) {
        FieldReader fields = new FieldReader(body, Set.of("url", "events", "description", "enabled"));
        if (fields.isNull("url") || fields.isNull("events") || fields.isNull("enabled")) {
            List.of("url", "events", "enabled").stream().filter(fields::isNull)
                    .forEach(field -> fields.reject(field, "cannot be cleared"));
        }
        String url = url(fields);
        Set<WebhookEventType> events = events(fields);
        String description = description(fields);
        Boolean enabled = fields.bool("enabled");
        fields.throwIfInvalid();
        return new EndpointPatch(url, events, description, fields.isNull("description"), enabled);
    }

    /** {@code POST /v1/webhooks/{id}/secret}: how long the old secret still signs (default a day). */
    public Duration parseRotation(ObjectNode body) {
        FieldReader fields = new FieldReader(body, Set.of("keepPreviousForSeconds"));
        Long seconds = fields.integer("keepPreviousForSeconds", 0, MAX_KEEP_PREVIOUS.toSeconds());
        fields.throwIfInvalid();
        return seconds == null ? DEFAULT_KEEP_PREVIOUS : Duration.ofSeconds(seconds);
    }

    private String url(FieldReader fields) {
        String url = fields.string("url");
        if (url == null) {
            return null;
        }
        String trimmed = url.trim();
        return targets.urlViolation(trimmed).map(why -> fields.<String>reject("url", why)).orElse(trimmed);
    }

    private static Set<WebhookEventType> events(FieldReader fields) {
        List<String> names = fields.strings("events", WebhookEventType.values().length);
        if (names == null) {
            return null;
        }
        if (names.isEmpty()) {
            return fields.reject("events", "must name at least one of " + EVENT_NAMES);
        }
        Set<WebhookEventType> events = EnumSet.noneOf(WebhookEventType.class);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            var type = WebhookEventType.fromWire(name);
            if (type.isEmpty()) {
                fields.reject("events[" + i + "]", "must be one of " + EVENT_NAMES);
            } else if (!events.add(type.get())) {
                fields.reject("events[" + i + "]", "names " + name + " twice");
            }
        }
        return events;
    }

    private static String description(FieldReader fields) {
        String description = fields.string("description");
        if (description == null) {
            return null;
        }
        if (description.length() > MAX_DESCRIPTION || description.chars().anyMatch(Character::isISOControl)) {
            return fields.reject("description", "must be at most " + MAX_DESCRIPTION + " characters, without control characters");
        }
        return description.isBlank() ? null : description.trim();
    }
}
