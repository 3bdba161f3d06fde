package dev.shortstack.links.compat.shlink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.links.links.LinkPatch;
import dev.shortstack.links.links.LinkRequestParser;
import dev.shortstack.shared.domain.ShortDomains;
import dev.shortstack.links.links.NewLink;
import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.FieldError;
import dev.shortstack.shared.http.ProblemType;
import dev.shortstack.shared.json.Json;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Shlink's create and edit bodies as Shortstack's, validated by the same parser (so the same rules
 * apply), with errors naming Shlink's fields. A field Shortstack cannot honour is refused with the
 * reason, never dropped: a script that asks for device URLs or crawling learns it did not get them.
 */
public final class ShlinkRequests {
    /** Shlink's field → Shortstack's. */
    private static final Map<String, String> RENAMED = Map.of("longUrl", "url", "customSlug", "slug", "validUntil", "expiresAt",
            "maxVisits", "maxVisits", "tags", "tags", "title", "title", "forwardQuery", "forwardQuery");
    private static final Set<String> CREATE_ONLY = Set.of("customSlug", "findIfExists", "domain", "shortCodeLength");
    private static final Set<String> EDITABLE = Set.of("longUrl", "tags", "validSince", "validUntil", "maxVisits", "title",
            "crawlable", "forwardQuery", "deviceLongUrls");

    private final LinkRequestParser parser;

    public ShlinkRequests(LinkRequestParser parser) {
        this.parser = parser;
    }

    public NewLink create(ObjectNode body, Instant now) {
        ObjectNode own = translate(body, true, now);
        return renamingErrors(() -> parser.parseCreate(own, now));
    }

    public LinkPatch edit(ObjectNode body, Instant now) {
        ObjectNode own = translate(body, false, now);
        return renamingErrors(() -> parser.parsePatch(own, now));
    }

    /** A redirect-rules body as an edit of the link's rules alone. */
    public LinkPatch rules(ObjectNode body, Instant now) {
        ObjectNode own = Json.mapper().createObjectNode();
        own.set("rules", ShlinkRedirectRules.toOwn(body));
        return renamingErrors(() -> parser.parsePatch(own, now));
    }

    private ObjectNode translate(ObjectNode body, boolean create, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        ObjectNode own = Json.mapper().createObjectNode();
        body.properties().forEach(field -> {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (!EDITABLE.contains(name) && !(create && CREATE_ONLY.contains(name))) {
                errors.add(new FieldError(name, "is not a field of " + (create ? "a new" : "an edited") + " short URL"));
            } else if (RENAMED.containsKey(name)) {
                own.set(RENAMED.get(name), value);
            } else if (name.equals("domain")) {
                // Shlink clients name the default domain with its port, or null; whether the workspace may use it is the service's question.
                if (value.isTextual() && !value.asText().isBlank()) {
                    own.put("domain", ShortDomains.normalised(value.asText()));
                } else if (!value.isNull() && !(value.isTextual())) {
                    errors.add(new FieldError(name, "must be a domain name or null"));
                }
            } else {
                refusal(name, value, now).ifPresent(reason -> errors.add(new FieldError(name, reason)));
            }
        });
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        return own;
    }

    /** Why a Shlink field with no Shortstack counterpart cannot be honoured with this value; empty when it is what Shortstack does anyway. */
    private Optional<String> refusal(String name, JsonNode value, Instant now) {
        boolean absent = value.isNull() || value.isBoolean() && !value.booleanValue() || value.isTextual() && value.asText().isEmpty();
        return switch (name) {
            case "validSince" -> absent || notAfter(value.asText(), now) ? Optional.empty()
                    : Optional.of("must be a past date-time or null: Shortstack links have no start date, only an end (validUntil)");
            case "crawlable" -> absent ? Optional.empty()
                    : Optional.of("cannot be true: Shortstack has no per-link crawling setting");
            case "findIfExists" -> absent ? Optional.empty()
                    : Optional.of("cannot be true: Shortstack always creates a new short URL");
            case "deviceLongUrls" -> absent || value.isObject() && allNull(value) ? Optional.empty()
                    : Optional.of("cannot be set: Shortstack sends every device to the same long URL");
            // The length of generated short codes is Shortstack's own; any requested length gets a code as long as Shortstack's.
            case "shortCodeLength" -> value.isIntegralNumber() && value.asInt() >= 4 || value.isNull() ? Optional.empty()
                    : Optional.of("must be a whole number from 4");
            default -> Optional.of("is not supported");
        };
    }

    private static boolean allNull(JsonNode object) {
        for (JsonNode value : object) {
            if (!value.isNull()) {
                return false;
            }
        }
        return true;
    }

    private static boolean notAfter(String raw, Instant now) {
        try {
            return !OffsetDateTime.parse(raw).toInstant().isAfter(now);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static <T> T renamingErrors(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ApiProblem problem) {
            if (problem.type() != ProblemType.VALIDATION_FAILED) {
                throw problem;
            }
            List<FieldError> renamed = problem.errors().stream().map(e -> new FieldError(shlinkName(e.field()), e.message())).toList();
            throw ApiProblem.validation(renamed);
        }
    }

    private static String shlinkName(String own) {
        String base = own.replaceFirst("\\[.*$", "");
        String suffix = own.substring(base.length());
        if (base.equals("rules")) {
            return "redirectRules" + suffix.replace(".url", ".longUrl").replace(".when", ".conditions");
        }
        return RENAMED.entrySet().stream().filter(e -> e.getValue().equals(base)).map(Map.Entry::getKey)
                .findFirst().orElse(base) + suffix;
    }
}
