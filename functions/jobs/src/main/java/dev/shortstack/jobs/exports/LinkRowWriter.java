package dev.shortstack.jobs.exports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.jobs.csv.CsvText;
import dev.shortstack.links.jobs.ExportFormat;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.link.Link;

/**
 * One exported link per line, in a form the import reads back: CSV with Shortstack's columns
 * (tags joined with {@code |}) or JSON Lines with the fields of {@code POST /v1/links}.
 * {@code createdAt} is informational; an import skips it.
 */
public final class LinkRowWriter {
    public static final String CSV_HEADER = "slug,url,tags,expiresAt,maxVisits,redirectType,disabled,createdAt\n";

    private final ExportFormat format;

    public LinkRowWriter(ExportFormat format) {
        this.format = format;
    }

    public String header() {
        return format == ExportFormat.CSV ? CSV_HEADER : "";
    }

    public String row(Link link) {
        return format == ExportFormat.CSV ? csv(link) : json(link);
    }

    private static String csv(Link link) {
        return CsvText.field(link.slug()) + ','
                + CsvText.field(link.url()) + ','
                + CsvText.field(String.join("|", link.tags())) + ','
                + (link.expiresAt() == null ? "" : link.expiresAt().toString()) + ','
                + (link.maxVisits() == null ? "" : link.maxVisits().toString()) + ','
                + link.redirectType() + ','
                + link.disabled() + ','
                + link.createdAt() + '\n';
    }

    private static String json(Link link) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("slug", link.slug());
        node.put("url", link.url());
        ArrayNode tags = node.putArray("tags");
        link.tags().forEach(tags::add);
        if (link.expiresAt() != null) {
            node.put("expiresAt", link.expiresAt().toString());
        }
        if (link.maxVisits() != null) {
            node.put("maxVisits", link.maxVisits());
        }
        node.put("redirectType", link.redirectType());
        node.put("disabled", link.disabled());
        node.put("createdAt", link.createdAt().toString());
        return node + "\n";
    }
}
