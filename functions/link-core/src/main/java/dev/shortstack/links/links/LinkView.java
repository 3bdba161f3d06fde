package dev.shortstack.links.links;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.link.Link;
import dev.shortstack.shared.link.LinkState;
import dev.shortstack.shared.link.ShortUrls;
import dev.shortstack.shared.rules.RuleJson;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/** A link as the API shows it, and as webhooks carry it. */
public final class LinkView {
    private final String shortBaseUrl;
    private final String defaultHost;

    public LinkView(String shortBaseUrl) {
        this.shortBaseUrl = shortBaseUrl.endsWith("/") ? shortBaseUrl.substring(0, shortBaseUrl.length() - 1) : shortBaseUrl;
        this.defaultHost = java.net.URI.create(this.shortBaseUrl).getHost();
    }

    /** @param visitsUsed the visits used, for a link with a limit, when known */
    public ObjectNode of(Link link, Instant now, OptionalLong visitsUsed) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("slug", link.slug());
        node.put("domain", link.domain() != null ? link.domain() : defaultHost);
        node.put("shortUrl", ShortUrls.of(shortBaseUrl, link));
        node.put("url", link.url());
        node.put("title", link.title());
        node.put("description", link.description());
        node.put("fallbackUrl", link.fallbackUrl());
        ObjectNode utm = node.putObject("utm");
        Map<String, String> inUrl = UtmParameters.read(link.url());
        UtmParameters.FIELDS.forEach(field -> utm.put(field, inUrl.get(field)));
        node.put("redirectType", link.redirectType());
        boolean exhausted = link.maxVisits() != null && visitsUsed.isPresent() && visitsUsed.getAsLong() >= link.maxVisits();
        node.put("state", exhausted && link.stateAt(now) == LinkState.ACTIVE ? "exhausted" : link.stateAt(now).name().toLowerCase(Locale.ROOT));
        node.put("disabled", link.disabled());
        node.put("expiresAt", link.expiresAt() == null ? null : link.expiresAt().toString());
        if (link.maxVisits() == null) {
            node.putNull("maxVisits");
        } else {
            node.put("maxVisits", link.maxVisits());
        }
        visitsUsed.ifPresent(used -> node.put("visits", used));
        ArrayNode tags = node.putArray("tags");
        link.tags().forEach(tags::add);
        node.set("rules", RuleJson.write(link.rules()));
        node.put("forwardQuery", link.forwardQuery());
        node.put("passwordProtected", link.isPasswordProtected());
        if (link.preview() == null) {
            node.putNull("preview");
        } else {
            node.putObject("preview").put("title", link.preview().title()).put("description", link.preview().description())
                    .put("image", link.preview().image());
        }
        node.put("createdAt", link.createdAt().toString());
        node.put("updatedAt", link.updatedAt().toString());
        node.put("version", link.version());
        return node;
    }
}
