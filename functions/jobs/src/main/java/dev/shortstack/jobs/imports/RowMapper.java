package dev.shortstack.jobs.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.links.links.LinkRequestParser;
import dev.shortstack.links.links.UrlNormaliser;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.text.Utf8;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns one record into a create body. Only the shape is checked here (encoding, field count,
 * JSON syntax, booleans); the link itself is validated by the API's own parser afterwards, so
 * an imported row obeys exactly the rules of {@code POST /v1/links}. What other shorteners allow and
 * Shortstack does not is adapted rather than refused, and said per row: tags are fitted to the tag
 * rules ({@link ImportedTag}), URLs written as the API stores them (punycode hosts, encoded spaces).
 */
public final class RowMapper {
    /** A JSON Lines export's {@code domain} comes back to the same short domain (the workspace must own it). */
    private static final Set<String> JSON_FIELDS = Set.of("url", "slug", "expiresAt", "maxVisits", "redirectType", "tags", "title",
            "description", "fallbackUrl", "domain");
    /** Fields a JSON Lines export writes that an import has no use for. */
    private static final Set<String> JSON_SKIPPED = Set.of("shortUrl", "createdAt", "updatedAt", "state", "visits", "version");
    private static final Pattern TAG_SEPARATORS = Pattern.compile("[|;,]");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,18}");

    private final ColumnMapping mapping;
    private final List<String> defaultTags;

    /** @param mapping the CSV header's mapping; null for JSON Lines */
    public RowMapper(ColumnMapping mapping, List<String> defaultTags) {
        this.mapping = mapping;
        this.defaultTags = List.copyOf(defaultTags);
    }

    public MappedRow map(RawRecord record) {
        if (record.problem() != null) {
            throw new RowProblem("not valid CSV: " + record.problem());
        }
        return mapping != null ? csv(record) : json(record);
    }

    private MappedRow csv(RawRecord record) {
        List<Column> columns = mapping.columns();
        if (record.fields().size() != columns.size()) {
            throw new RowProblem("has " + record.fields().size() + " fields; the header has " + columns.size());
        }
        ObjectNode body = Json.mapper().createObjectNode();
        boolean disabled = false;
        Set<String> tags = new LinkedHashSet<>();
        List<String> changes = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            if (column == Column.SKIPPED || column == Column.DROPPED) {
                continue;
            }
            String value = utf8(record.fields().get(i), mapping.header().get(i)).trim();
            if (value.isEmpty()) {
                continue;
            }
            switch (column) {
                case URL -> body.put("url", url(value, changes));
                case SLUG -> body.put("slug", value);
                case SLUG_FROM_SHORT_URL -> body.put("slug", lastPathSegment(value));
                case TAGS -> TAG_SEPARATORS.splitAsStream(value).map(String::trim).filter(t -> !t.isEmpty())
                        .forEach(tag -> fitTag(tag, changes).ifPresent(tags::add));
                case EXPIRES_AT -> body.put("expiresAt", value);
                case MAX_VISITS -> putNumberOrText(body, "maxVisits", value);
                case REDIRECT_TYPE -> putNumberOrText(body, "redirectType", value);
                case DISABLED -> disabled = bool(value, mapping.header().get(i));
                case TITLE -> body.put("title", fitText("title", value, LinkRequestParser.MAX_TITLE, changes));
                case DESCRIPTION -> body.put("description", fitText("description", value, LinkRequestParser.MAX_DESCRIPTION, changes));
                case FALLBACK_URL -> body.put("fallbackUrl", value);
                default -> throw new IllegalStateException("unmapped column " + column);
            }
        }
        putTags(body, tags);
        return new MappedRow(body, disabled, List.of(), changes);
    }

    private MappedRow json(RawRecord record) {
        String text = utf8(record.bytes(), "line");
        JsonNode node;
        try {
            node = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new RowProblem("not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new RowProblem("is not a JSON object");
        }
        ObjectNode body = Json.mapper().createObjectNode();
        List<String> warnings = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        boolean disabled = false;
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = field.getKey();
            if (name.equals("disabled")) {
                if (!field.getValue().isBoolean() && !field.getValue().isNull()) {
                    throw new RowProblem("disabled: must be true or false");
                }
                disabled = field.getValue().asBoolean(false);
            } else if (name.equals("url") && field.getValue().isTextual()) {
                body.put("url", url(field.getValue().asText().strip(), changes));
            } else if (name.equals("tags") && field.getValue().isArray()) {
                ArrayNode fitted = body.putArray("tags");
                for (JsonNode tag : field.getValue()) {
                    if (tag.isTextual()) {
                        fitTag(tag.asText().trim(), changes).ifPresent(fitted::add);
                    } else {
                        fitted.add(tag);   // the API's parser names what is wrong with it
                    }
                }
            } else if (JSON_FIELDS.contains(name)) {
                body.set(name, field.getValue());
            } else if (!JSON_SKIPPED.contains(name)) {
                warnings.add("Unknown JSON fields ignored: " + name);
            }
        }
        if (!defaultTags.isEmpty()) {
            JsonNode given = body.get("tags");
            if (given == null || given.isNull()) {
                putTags(body, new LinkedHashSet<>());
            } else if (given.isArray()) {
                Set<String> tags = new LinkedHashSet<>();
                given.forEach(tag -> tags.add(tag.asText()));
                putTags(body, tags);
            }
        }
        return new MappedRow(body, disabled, warnings, changes);
    }

    /** Titles and descriptions from other shorteners may be longer than Shortstack keeps: shortened, and reported. */
    private static String fitText(String field, String value, int max, List<String> changes) {
        if (value.length() <= max) {
            return value;
        }
        changes.add(field + " shortened to " + max + " characters");
        return value.substring(0, max - 1).strip() + "…";
    }

    private static String url(String given, List<String> changes) {
        String normalised = UrlNormaliser.normalise(given);
        if (!normalised.equals(given)) {
            changes.add("url written as '" + normalised + "'");
        }
        return normalised;
    }

    private static Optional<String> fitTag(String tag, List<String> changes) {
        Optional<String> fitted = ImportedTag.fit(tag);
        if (fitted.isEmpty()) {
            changes.add("tag '" + tag + "' dropped: none of it fits the tag rules");
        } else if (!fitted.get().equals(tag)) {
            changes.add("tag '" + tag + "' → '" + fitted.get() + "'");
        }
        return fitted;
    }

    private void putTags(ObjectNode body, Set<String> own) {
        Set<String> tags = new LinkedHashSet<>(own);
        tags.addAll(defaultTags);
        if (!tags.isEmpty()) {
            ArrayNode array = body.putArray("tags");
            tags.forEach(array::add);
        }
    }

    private static void putNumberOrText(ObjectNode body, String field, String value) {
        if (WHOLE_NUMBER.matcher(value).matches()) {
            body.put(field, Long.parseLong(value));
        } else {
            body.put(field, value);
        }
    }

    private static boolean bool(String value, String column) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new RowProblem(column + ": must be true or false, not '" + value + "'");
        };
    }

    private static String lastPathSegment(String shortUrl) {
        String path = shortUrl.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        int slash = path.lastIndexOf('/');
        if (slash < 0) {
            throw new RowProblem("'" + shortUrl + "' is not a short link with a back-half such as bit.ly/abc");
        }
        return path.substring(slash + 1);
    }

    private static String utf8(byte[] bytes, String where) {
        return Utf8.decodeStrict(bytes).orElseThrow(() -> new RowProblem(where + ": not valid UTF-8 (save the file as UTF-8)"));
    }
}
