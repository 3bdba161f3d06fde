package dev.shortstack.shared.link;

import static dev.shortstack.shared.infra.LinkAttributes.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.rules.RedirectRule;
import dev.shortstack.shared.rules.RuleJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps links to and from DynamoDB items, including the write-sharded index keys. */
public final class LinkItems {

    private LinkItems() {
    }

    /** Characters of slug, URL and title that case-insensitive search sees (beyond them, search matches the case given). */
    public static final int SEARCH_KEY_LENGTH = 512;

    public static Map<String, AttributeValue> toItem(Link link, int indexShards) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(SLUG, s(link.key()));
        item.put(LINK_ID, s(link.linkId()));
        item.put(WORKSPACE_ID, s(link.workspaceId()));
        item.put(URL, s(link.url()));
        item.put(REDIRECT_TYPE, n(link.redirectType()));
        item.put(CREATED_AT, s(link.createdAt().toString()));
        item.put(UPDATED_AT, s(link.updatedAt().toString()));
        if (link.expiresAt() != null) {
            item.put(EXPIRES_AT, s(link.expiresAt().toString()));
        }
        if (link.maxVisits() != null) {
            item.put(MAX_VISITS, n(link.maxVisits()));
        }
        item.put(TAGS, tags(link.tags()));
        if (link.title() != null) {
            item.put(TITLE, s(link.title()));
        }
        if (link.description() != null) {
            item.put(DESCRIPTION, s(link.description()));
        }
        if (link.fallbackUrl() != null) {
            item.put(FALLBACK_URL, s(link.fallbackUrl()));
        }
        if (link.preview() != null) {
            putIfSet(item, PREVIEW_TITLE, link.preview().title());
            putIfSet(item, PREVIEW_DESCRIPTION, link.preview().description());
            putIfSet(item, PREVIEW_IMAGE, link.preview().image());
        }
        if (link.passwordHash() != null) {
            item.put(PASSWORD_HASH, s(link.passwordHash()));
        }
        if (!link.forwardQuery()) {
            item.put(FORWARD_QUERY, AttributeValue.fromBool(false));
        }
        if (link.hasRules()) {
            item.put(RULES, s(RuleJson.write(link.rules()).toString()));
        }
        // Lower-case copies only where they differ: an all-lower-case link is matched on its own attributes. The copy
        // stops at SEARCH_KEY_LENGTH so that the item the redirect reads stays small.
        String searchable = link.key() + "\n" + link.url() + (link.title() == null ? "" : "\n" + link.title());
        if (!searchable.toLowerCase(Locale.ROOT).equals(searchable)) {
            String lower = searchable.toLowerCase(Locale.ROOT);
            item.put(SEARCH_KEY, s(lower.substring(0, Math.min(lower.length(), SEARCH_KEY_LENGTH))));
        }
        List<String> tagKeys = link.tags().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
        if (!tagKeys.equals(link.tags())) {
            item.put(TAG_KEYS, tags(tagKeys));
        }
        item.put(DISABLED, AttributeValue.fromBool(link.disabled()));
        item.put(VERSION, n(link.version()));
        item.put(CREATED_BY, s(link.createdBy()));
        item.put(WORKSPACE_SHARD, s(workspaceShard(link.workspaceId(), link.key(), indexShards)));
        item.put(CREATED_KEY, s(createdKey(link.createdAt(), link.key())));
        return item;
    }

    public static Link fromItem(Map<String, AttributeValue> item) {
        String key = item.get(SLUG).s();
        return new Link(
                LinkKeys.slugOf(key),
                item.get(LINK_ID).s(),
                item.get(WORKSPACE_ID).s(),
                item.get(URL).s(),
                Integer.parseInt(item.get(REDIRECT_TYPE).n()),
                Instant.parse(item.get(CREATED_AT).s()),
                Instant.parse(item.get(UPDATED_AT).s()),
                item.containsKey(EXPIRES_AT) ? Instant.parse(item.get(EXPIRES_AT).s()) : null,
                item.containsKey(MAX_VISITS) ? Long.parseLong(item.get(MAX_VISITS).n()) : null,
                item.containsKey(TAGS) ? item.get(TAGS).l().stream().map(AttributeValue::s).toList() : List.of(),
                item.containsKey(DISABLED) && Boolean.TRUE.equals(item.get(DISABLED).bool()),
                Long.parseLong(item.get(VERSION).n()),
                item.containsKey(CREATED_BY) ? item.get(CREATED_BY).s() : "",
                item.containsKey(TITLE) ? item.get(TITLE).s() : null,
                item.containsKey(DESCRIPTION) ? item.get(DESCRIPTION).s() : null,
                item.containsKey(FALLBACK_URL) ? item.get(FALLBACK_URL).s() : null,
                item.containsKey(RULES) ? rules(item.get(RULES).s()) : List.of(),
                !item.containsKey(FORWARD_QUERY) || Boolean.TRUE.equals(item.get(FORWARD_QUERY).bool()),
                item.containsKey(PASSWORD_HASH) ? item.get(PASSWORD_HASH).s() : null,
                preview(item),
                LinkKeys.domainOf(key));
    }

    /**
     * The shard of the workspace index a link lives in, by its key (the slug on the default domain). {@link String#hashCode()} is specified by
     * the language, so the mapping is stable across JVMs and releases.
     */
    public static int shardOf(String slug, int indexShards) {
        return Math.floorMod(slug.hashCode(), indexShards);
    }

    public static String workspaceShard(String workspaceId, String slug, int indexShards) {
        return workspaceShardKey(workspaceId, shardOf(slug, indexShards));
    }

    public static String workspaceShardKey(String workspaceId, int shard) {
        return workspaceId + "#" + shard;
    }

    /** Sorts by creation time, then id (a slug or key id); fixed width so string order is time order. */
    public static String createdKey(Instant createdAt, String id) {
        return String.format("%015d#%s", createdAt.toEpochMilli(), id);
    }

    private static SocialPreview preview(Map<String, AttributeValue> item) {
        if (!item.containsKey(PREVIEW_TITLE) && !item.containsKey(PREVIEW_DESCRIPTION) && !item.containsKey(PREVIEW_IMAGE)) {
            return null;
        }
        return new SocialPreview(string(item, PREVIEW_TITLE), string(item, PREVIEW_DESCRIPTION), string(item, PREVIEW_IMAGE));
    }

    private static String string(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? item.get(name).s() : null;
    }

    private static void putIfSet(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    private static List<RedirectRule> rules(String json) {
        try {
            return RuleJson.read(Json.mapper().readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The links table holds rules that are not JSON", e);
        }
    }

    public static AttributeValue tags(List<String> tags) {
        List<AttributeValue> values = new ArrayList<>(tags.size());
        tags.forEach(tag -> values.add(s(tag)));
        return AttributeValue.fromL(values);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
