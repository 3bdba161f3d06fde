package dev.shortstack.links.compat.shlink;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.links.compat.CompatContext;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.link.Link;
import dev.shortstack.shared.link.ShortUrls;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** Shortstack's links and figures in Shlink's REST v3 shapes (one mapping, used by both functions that answer Shlink). */
public final class ShlinkViews {
    /** Shlink writes dates as ATOM: seconds and an offset, no fraction. */
    private static final DateTimeFormatter ATOM = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);

    private final String shortBaseUrl;

    public ShlinkViews(String shortBaseUrl) {
        this.shortBaseUrl = CompatContext.trimmed(shortBaseUrl);
    }

    /** The stage's default domain as Shlink names it (with the port, when the base URL has one). */
    public String domain() {
        return CompatContext.domainOf(shortBaseUrl);
    }

    /** @param visits the link's figures, when the answering function has them (the stats API does; an edit does not) */
    public ObjectNode shortUrl(Link link, Optional<VisitsSummary> visits) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("shortCode", link.slug());
        node.put("shortUrl", ShortUrls.of(shortBaseUrl, link));
        node.put("longUrl", link.url());
        ObjectNode devices = node.putObject("deviceLongUrls");
        devices.putNull("android");
        devices.putNull("ios");
        devices.putNull("desktop");
        node.put("dateCreated", atom(link.createdAt()));
        visits.ifPresent(summary -> node.set("visitsSummary", summary(summary)));
        ArrayNode tags = node.putArray("tags");
        link.tags().forEach(tags::add);
        ObjectNode meta = node.putObject("meta");
        meta.putNull("validSince");
        meta.put("validUntil", link.expiresAt() == null ? null : atom(link.expiresAt()));
        if (link.maxVisits() == null) {
            meta.putNull("maxVisits");
        } else {
            meta.put("maxVisits", link.maxVisits());
        }
        // Shlink names the default domain null.
        node.put("domain", link.domain());
        node.put("title", link.title());
        node.put("crawlable", false);
        node.put("forwardQuery", link.forwardQuery());
        node.put("hasRedirectRules", link.hasRules());
        return node;
    }

    public ObjectNode summary(VisitsSummary summary) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("total", summary.total());
        node.put("nonBots", summary.nonBots());
        node.put("bots", summary.bots());
        return node;
    }

    /** Shlink's list envelope: {@code {data: [...], pagination: {...}}}. */
    public static ObjectNode page(List<ObjectNode> items, int page, int itemsPerPage, long totalItems) {
        ObjectNode node = Json.mapper().createObjectNode();
        ArrayNode data = node.putArray("data");
        items.forEach(data::add);
        node.set("pagination", pagination(page, itemsPerPage, items.size(), totalItems));
        return node;
    }

    /** @param itemsPerPage -1 for everything on one page */
    public static ObjectNode pagination(int page, int itemsPerPage, int itemsInCurrentPage, long totalItems) {
        ObjectNode pagination = Json.mapper().createObjectNode();
        pagination.put("currentPage", page);
        pagination.put("pagesCount", itemsPerPage <= 0 ? 1 : (int) Math.max(1, (totalItems + itemsPerPage - 1) / itemsPerPage));
        pagination.put("itemsPerPage", itemsPerPage <= 0 ? (int) totalItems : itemsPerPage);
        pagination.put("itemsInCurrentPage", itemsInCurrentPage);
        pagination.put("totalItems", totalItems);
        return pagination;
    }

    public static String atom(Instant instant) {
        return ATOM.format(instant);
    }
}
