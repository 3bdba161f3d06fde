package dev.shortstack.links.compat.bitly;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.links.compat.CompatContext;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.link.Link;
import dev.shortstack.shared.link.ShortUrls;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Shortstack's links, workspaces and keys in Bitly's v4 shapes (one mapping, used by both functions that answer Bitly). */
public final class BitlyViews {
    /** Bitly writes times as {@code 2026-12-01T09:30:00+0000}. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx").withZone(ZoneOffset.UTC);

    private final String shortBaseUrl;
    private final String domain;

    public BitlyViews(String shortBaseUrl) {
        this.shortBaseUrl = CompatContext.trimmed(shortBaseUrl);
        this.domain = CompatContext.domainOf(shortBaseUrl);
    }

    public String domain() {
        return domain;
    }

    public ObjectNode bitlink(Link link) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.putObject("references").put("group", shortBaseUrl + "/v4/groups/" + link.workspaceId());
        node.put("link", ShortUrls.of(shortBaseUrl, link));
        node.put("id", id(link));
        node.put("long_url", link.url());
        node.put("title", link.title());
        node.put("archived", false);
        node.put("created_at", time(link.createdAt()));
        node.put("created_by", link.createdBy());
        node.put("client_id", "");
        node.putArray("custom_bitlinks");
        ArrayNode tags = node.putArray("tags");
        link.tags().forEach(tags::add);
        node.putArray("launchpad_ids");
        node.putArray("deeplinks");
        node.put("is_deleted", false);
        return node;
    }

    /** A link's Bitlink id: its domain (the default one by name) and its slug. */
    public String id(Link link) {
        return BitlinkId.of(link.domain() == null ? domain : link.domain(), link.slug());
    }

    /** @param otherDomains the workspace's domains besides the stage's default one (its "branded short domains") */
    public ObjectNode group(String workspaceId, java.util.List<String> otherDomains) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("guid", workspaceId);
        node.put("name", workspaceId);
        node.put("organization_guid", workspaceId);
        ArrayNode bsds = node.putArray("bsds").add(domain);
        otherDomains.forEach(bsds::add);
        node.put("is_active", true);
        node.put("role", "org-admin");
        node.putObject("references").put("organization", shortBaseUrl + "/v4/organizations/" + workspaceId);
        return node;
    }

    public static String time(Instant instant) {
        return TIME.format(instant);
    }
}
