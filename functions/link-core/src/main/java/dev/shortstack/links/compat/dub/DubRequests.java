package dev.shortstack.links.compat.dub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.links.links.LinkPatch;
import dev.shortstack.links.links.LinkRequestParser;
import dev.shortstack.shared.domain.ShortDomains;
import dev.shortstack.links.links.NewLink;
import dev.shortstack.links.links.UtmParameters;
import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.FieldError;
import dev.shortstack.shared.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Dub's create and update bodies as Shortstack's, validated by the same parser. Dub's UTM fields
 * go into the destination URL, as Dub puts them; tags given by id or name are the same (a tag's id
 * is its name). A feature Shortstack does not have (passwords, geo targeting, cloaking, A/B tests...)
 * is refused by name when set, never dropped.
 */
public final class DubRequests {
    private static final Set<String> UTM = Set.of("utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content");
    private static final Set<String> UNSUPPORTED = Set.of("externalId", "tenantId", "programId", "partnerId", "prefix",
            "trackConversion", "archived", "publicStats", "folderId", "comments", "video", "rewrite", "doIndex", "ref", "webhookIds", "testVariants",
            "testStartedAt", "testCompletedAt");
    private static final Set<String> TARGETING = Set.of("ios", "android", "geo");
    private static final Map<String, String> WHY = Map.of(
            "testVariants", "Shortstack has no A/B tests",
            "trackConversion", "Shortstack counts clicks, not conversions");

    private final LinkRequestParser parser;
    private final String domain;

    public DubRequests(LinkRequestParser parser, String domain) {
        this.parser = parser;
        this.domain = domain;
    }

    public NewLink create(ObjectNode body, Instant now) {
        return parser.parseCreate(translate(body, Optional.empty()), now);
    }

    /** @param slug the link's slug: a body naming another key is refused (slugs never change) */
    public LinkPatch update(ObjectNode body, String slug, Instant now) {
        ObjectNode own = translate(body, Optional.of(slug));
        if (own.isEmpty()) {
            throw ApiProblem.validation("(body)", "names no field Shortstack can change: url, tagIds, tagNames, expiresAt or utm_*");
        }
        return parser.parsePatch(own, now);
    }

    private ObjectNode translate(ObjectNode body, Optional<String> existingSlug) {
        List<FieldError> errors = new ArrayList<>();
        ObjectNode own = Json.mapper().createObjectNode();
        Set<String> tags = new LinkedHashSet<>();
        boolean tagsGiven = false;
        Map<String, String> utm = new TreeMap<>();
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            switch (name) {
                case "url" -> own.set("url", value);
                case "key" -> {
                    if (existingSlug.isEmpty()) {
                        own.set("slug", value);
                    } else if (!value.isNull() && !value.asText().equals(existingSlug.get())) {
                        errors.add(new FieldError("key", "cannot change: a Shortstack link keeps its slug; create a new link instead"));
                    }
                }
                case "keyLength" -> { }
                case "domain" -> {
                    // The default domain by its name (with a port locally) or another of the workspace's; the service checks which.
                    if (existingSlug.isEmpty() && value.isTextual() && !value.asText().isBlank()) {
                        own.put("domain", ShortDomains.normalised(value.asText()));
                    } else if (!unset(value) && existingSlug.isPresent()) {
                        errors.add(new FieldError("domain", "cannot change: a Shortstack link keeps its domain; create a new link instead"));
                    } else if (!unset(value)) {
                        errors.add(new FieldError("domain", "must be a domain name"));
                    }
                }
                case "expiresAt" -> own.set("expiresAt", value);
                case "title", "description" -> own.set(name, value);
                // Dub's page for expired links; Shortstack's fallback also takes disabled and used-up links' visitors.
                case "expiredUrl" -> own.set("fallbackUrl", value);
                // Kept as a slow hash, as /v1 keeps it; Dub's answers then show none (Shortstack cannot give it back).
                case "password" -> own.set("password", value);
                // Dub's custom link preview: with proxy on, its title, description and image are what preview bots see.
                case "proxy", "image" -> { }
                case "ios", "android", "geo" -> {
                    if (existingSlug.isPresent() && !unset(value)) {
                        errors.add(new FieldError(name, "can be set when the link is created; change a link's targeting rules with"
                                + " PATCH /v1/links/{slug} (rules), which this edit would otherwise overwrite"));
                    }
                }
                case "tagId", "tagIds", "tagNames" -> {
                    tagsGiven |= !value.isNull();
                    names(value).forEach(tags::add);
                }
                default -> {
                    if (UTM.contains(name)) {
                        if (!unset(value)) {
                            utm.put(name, value.asText());
                        }
                    } else if (!UNSUPPORTED.contains(name)) {
                        errors.add(new FieldError(name, "is not a field of a Dub link"));
                    } else if (!unset(value)) {
                        errors.add(new FieldError(name, "cannot be set: " + WHY.getOrDefault(name, "Shortstack has no such setting")));
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        if (body.path("proxy").asBoolean(false)) {
            ObjectNode preview = own.putObject("preview");
            for (String part : List.of("title", "description", "image")) {
                if (body.has(part)) {
                    preview.set(part, body.get(part));
                }
            }
        } else if (body.hasNonNull("image") && !body.get("image").asText().isEmpty()) {
            throw ApiProblem.validation("image", "is the custom preview's image: send it with proxy: true");
        } else if (body.has("proxy") && !body.get("proxy").isNull()) {
            own.putNull("preview");
        }
        if (existingSlug.isEmpty() && TARGETING.stream().anyMatch(name -> body.hasNonNull(name))) {
            own.set("rules", DubTargeting.rules(body.get("ios"), body.get("android"), body.get("geo")));
        }
        if (tagsGiven) {
            ArrayNode list = own.putArray("tags");
            tags.forEach(list::add);
        }
        if (!utm.isEmpty()) {
            if (!own.path("url").isTextual()) {
                throw ApiProblem.validation("utm_source", "needs the url in the same request: UTM parameters are added to it");
            }
            Map<String, Optional<String>> changes = new LinkedHashMap<>();
            utm.forEach((name, value) -> changes.put(name.substring("utm_".length()), Optional.of(value)));
            own.put("url", UtmParameters.compose(own.path("url").asText(), changes));
        }
        return own;
    }

    /** Tags as Dub sends them: one string, a comma-separated string, or an array. */
    private static List<String> names(JsonNode value) {
        List<String> names = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(v -> names.add(v.asText().strip()));
        } else if (value.isTextual()) {
            for (String name : value.asText().split(",")) {
                if (!name.isBlank()) {
                    names.add(name.strip());
                }
            }
        }
        return names;
    }

    private static boolean unset(JsonNode value) {
        return value.isNull() || value.isBoolean() && !value.booleanValue() || value.isTextual() && value.asText().isEmpty()
                || value.isContainerNode() && value.isEmpty();
    }
}
