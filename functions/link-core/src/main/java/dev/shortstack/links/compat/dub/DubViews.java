package dev.shortstack.links.compat.dub;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.links.compat.CompatContext;
import dev.shortstack.shared.json.Json;
import dev.shortstack.links.links.UtmParameters;
import dev.shortstack.shared.link.Link;
import dev.shortstack.shared.link.ShortUrls;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Shortstack's links in Dub's shapes (the SDK validates every field, so each is present with Dub's
 * type). A Dub link's {@code id} is its slug, which never changes; what Shortstack has no notion
 * of is null, false or empty, never invented.
 */
public final class DubViews {
    /** Dub requires a colour per tag; Shortstack's tags have none, so every tag is gray. */
    static final String TAG_COLOR = "gray";

    /** A link's figures, when the answering function has them: people's clicks and the last one. */
    public record Figures(long clicks, Instant lastClicked) {
        public static final Figures NONE = new Figures(0, null);
    }

    private final String shortBaseUrl;
    private final String domain;

    public DubViews(String shortBaseUrl) {
        this.shortBaseUrl = CompatContext.trimmed(shortBaseUrl);
        this.domain = CompatContext.domainOf(shortBaseUrl);
    }

    public String domain() {
        return domain;
    }

    public String shortLink(Link link) {
        return ShortUrls.of(shortBaseUrl, link);
    }

    /** The domain a link lives on as Dub names it: its host, or the default domain's name. */
    public String domainOf(Link link) {
        return link.domain() == null ? domain : link.domain();
    }

    /** @param figures empty when the answering function cannot count (an edit): Dub's SDK then reads clicks as 0 */
    public ObjectNode link(Link link, Optional<Figures> figures) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("id", DubIds.of(link));
        node.put("domain", domainOf(link));
        node.put("key", link.slug());
        node.put("url", link.url());
        node.put("trackConversion", false);
        for (String none : new String[] {"externalId", "tenantId", "programId", "partnerId"}) {
            node.putNull(none);
        }
        node.put("archived", false);
        node.put("expiresAt", link.expiresAt() == null ? null : link.expiresAt().toString());
        node.put("expiredUrl", link.fallbackUrl());
        node.put("disabledAt", link.disabled() ? link.updatedAt().toString() : null);
        node.putNull("password");
        node.put("proxy", link.preview() != null);
        node.put("title", link.title());
        node.put("description", link.description());
        node.put("image", link.preview() == null ? null : link.preview().image());
        node.putNull("video");
        node.put("rewrite", false);
        node.put("doIndex", false);
        DubTargeting.write(node, link.rules());
        node.put("publicStats", false);
        ArrayNode tags = node.putArray("tags");
        link.tags().forEach(tag -> tags.add(tag(tag)));
        node.putNull("folderId");
        node.putNull("comments");
        node.put("shortLink", shortLink(link));
        // Shortstack draws QR codes in the dashboard; it serves no QR image URL.
        node.put("qrCode", "");
        // Dub shows a link's UTM parameters as fields: read from its URL.
        Map<String, String> utm = UtmParameters.read(link.url());
        UtmParameters.FIELDS.stream().sorted().forEach(field -> node.put("utm_" + field, utm.get(field)));
        node.put("userId", link.createdBy());
        node.put("workspaceId", link.workspaceId());
        figures.ifPresent(f -> {
            node.put("clicks", f.clicks());
            node.put("lastClicked", f.lastClicked() == null ? null : f.lastClicked().toString());
        });
        if (figures.isEmpty()) {
            node.putNull("lastClicked");
        }
        node.put("leads", 0);
        node.put("conversions", 0);
        node.put("sales", 0);
        node.put("saleAmount", 0);
        node.put("createdAt", link.createdAt().toString());
        node.put("updatedAt", link.updatedAt().toString());
        node.putNull("tagId");
        node.put("projectId", link.workspaceId());
        node.putArray("webhookIds");
        return node;
    }

    /** A tag is its name: its id is the name, so Dub's tagIds and tagNames name the same tags. */
    public static ObjectNode tag(String name) {
        ObjectNode tag = Json.mapper().createObjectNode();
        tag.put("id", name);
        tag.put("name", name);
        tag.put("color", TAG_COLOR);
        return tag;
    }
}
