package dev.shortstack.links.testing;

import dev.shortstack.links.links.LinkStore;
import dev.shortstack.shared.link.Link;
import dev.shortstack.shared.link.LinkItems;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** The links table in memory, with the same conditional semantics as the DynamoDB store. */
public final class InMemoryLinkStore implements LinkStore {
    private final Map<String, Link> links = new ConcurrentHashMap<>();

    @Override
    public Optional<Link> find(String slug) {
        return Optional.ofNullable(links.get(slug));
    }

    @Override
    public boolean create(Link link) {
        return links.putIfAbsent(link.key(), link) == null;
    }

    @Override
    public boolean replace(Link updated, long expectedVersion) {
        Link[] replaced = {null};
        links.computeIfPresent(updated.key(), (slug, current) -> {
            if (current.version() == expectedVersion && current.linkId().equals(updated.linkId())) {
                replaced[0] = updated;
                return updated;
            }
            return current;
        });
        return replaced[0] != null;
    }

    @Override
    public boolean delete(Link link, long expectedVersion) {
        return links.computeIfPresent(link.key(), (slug, current) ->
                current.version() == expectedVersion && current.linkId().equals(link.linkId()) ? null : current) == null;
    }

    @Override
    public List<Link> listByWorkspace(String workspaceId, String tag, String search, String afterCreatedKey, int limit) {
        return links.values().stream()
                .filter(l -> l.workspaceId().equals(workspaceId))
                .filter(l -> tag == null || l.tags().stream().anyMatch(tag::equalsIgnoreCase))
                .filter(l -> search == null || matches(l, search.toLowerCase(Locale.ROOT)))
                .filter(l -> afterCreatedKey == null || key(l).compareTo(afterCreatedKey) < 0)
                .sorted(Comparator.comparing(InMemoryLinkStore::key).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public void forEachByWorkspace(String workspaceId, String beforeCreatedKey, Predicate<Link> action) {
        Iterator<Link> newestFirst = listByWorkspace(workspaceId, null, null, beforeCreatedKey, Integer.MAX_VALUE).iterator();
        while (newestFirst.hasNext() && action.test(newestFirst.next())) {
            // The action took the link.
        }
    }

    /** Case-insensitive, over slug, URL and title, as the DynamoDB store searches. */
    private static boolean matches(Link link, String lower) {
        return (link.key() + "\n" + link.url() + "\n" + (link.title() == null ? "" : link.title())).toLowerCase(Locale.ROOT).contains(lower);
    }

    /** The table's keys: slugs, and host/slug for links on other domains. */
    public java.util.Set<String> keys() {
        return java.util.Set.copyOf(links.keySet());
    }

    public int size() {
        return links.size();
    }

    private static String key(Link link) {
        return LinkItems.createdKey(link.createdAt(), link.key());
    }
}
