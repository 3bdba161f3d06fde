package dev.shortstack.links.compat.bitly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.links.links.LinkPatch;
import dev.shortstack.links.links.LinkRequestParser;
import dev.shortstack.shared.domain.ShortDomains;
import dev.shortstack.links.links.NewLink;
import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.FieldError;
import dev.shortstack.shared.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Bitly's create and edit bodies as Shortstack's, validated by the same parser. What Bitly has and
 * Shortstack does not (archiving, deep links, other domains) is refused by name when set;
 * Bitly's read-only fields, which clients often send back with an edit, are ignored as Bitly does.
 */
public final class BitlyRequests {
    /** The domain Bitly's SDKs send when none is configured; it stands for "the default domain". */
    static final String SDK_DEFAULT_DOMAIN = "bit.ly";
    private static final Set<String> SHORTEN = Set.of("long_url", "domain", "group_guid");
    private static final Set<String> CREATE = Set.of("long_url", "domain", "group_guid", "title", "tags", "deeplinks");
    private static final Set<String> EDIT = Set.of("long_url", "title", "archived", "tags", "deeplinks");
    private static final Set<String> READ_ONLY = Set.of("references", "link", "id", "created_at", "created_by", "client_id",
            "custom_bitlinks", "launchpad_ids", "is_deleted", "domain", "group_guid");

    private final LinkRequestParser parser;
    private final String domain;

    public BitlyRequests(LinkRequestParser parser, String domain) {
        this.parser = parser;
        this.domain = domain;
    }

    /** @param shorten {@code /v4/shorten}'s smaller body rather than {@code /v4/bitlinks}' */
    public NewLink create(ObjectNode body, boolean shorten, Instant now) {
        ObjectNode own = translate(body, shorten ? SHORTEN : CREATE, Set.of());
        return parser.parseCreate(own, now);
    }

    public LinkPatch edit(ObjectNode body, Instant now) {
        ObjectNode own = translate(body, EDIT, READ_ONLY);
        if (own.isEmpty()) {
            throw ApiProblem.validation("(body)", "names no field Shortstack can change: long_url or tags");
        }
        return parser.parsePatch(own, now);
    }

    /** The group a create names, if any. */
    public static Optional<String> group(ObjectNode body) {
        return Optional.ofNullable(body.path("group_guid").isTextual() ? body.path("group_guid").asText() : null);
    }

    private ObjectNode translate(ObjectNode body, Set<String> known, Set<String> ignored) {
        List<FieldError> errors = new ArrayList<>();
        ObjectNode own = Json.mapper().createObjectNode();
        body.properties().forEach(field -> {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (ignored.contains(name)) {
                return;
            }
            if (!known.contains(name)) {
                errors.add(new FieldError(name, "is not a field of this request"));
                return;
            }
            switch (name) {
                case "long_url" -> own.set("url", value);
                case "tags" -> own.set("tags", value);
                case "title" -> own.set("title", value);
                case "group_guid" -> { }
                // Bitly's SDKs send bit.ly unless told otherwise: that, like the default domain's name, means the default domain;
                // another domain must be one of the workspace's (the service checks).
                case "domain" -> {
                    if (value.isTextual() && !value.asText().isBlank() && !value.asText().equalsIgnoreCase(domain)
                            && !value.asText().equalsIgnoreCase(SDK_DEFAULT_DOMAIN)) {
                        own.put("domain", ShortDomains.normalised(value.asText()));
                    } else if (!value.isNull() && !value.isTextual()) {
                        errors.add(new FieldError(name, "must be a domain name"));
                    }
                }
                default -> refusal(name, value).ifPresent(reason -> errors.add(new FieldError(name, reason)));
            }
        });
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        return own;
    }

    private Optional<String> refusal(String name, JsonNode value) {
        boolean unset = value.isNull() || value.isBoolean() && !value.booleanValue() || value.isTextual() && value.asText().isEmpty()
                || value.isArray() && value.isEmpty();
        return switch (name) {
            case "archived" -> unset ? Optional.empty()
                    : Optional.of("cannot be true: Shortstack has no archive; disable or delete the link with /v1 instead");
            case "deeplinks" -> unset ? Optional.empty() : Optional.of("cannot be set: Shortstack has no app deep links");
            default -> Optional.of("is not supported");
        };
    }
}
