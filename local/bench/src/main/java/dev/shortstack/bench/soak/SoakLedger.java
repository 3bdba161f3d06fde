package dev.shortstack.bench.soak;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the soak's answers promise, to check from the outside at the end: the links whose create answered 201 (with the URL
 * they must have now: the last edit answered 200, or the one sent), those whose delete answered 204, the links whose create
 * got no clear answer (they may exist, but only as sent), and the imports accepted with their row counts.
 */
final class SoakLedger {
    private final Map<String, String> created = new ConcurrentHashMap<>();
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();
    private final Map<String, String> uncertain = new ConcurrentHashMap<>();
    private final Map<String, Integer> imports = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> maybeUrls = new ConcurrentHashMap<>();
    private final Set<String> maybeDeleted = ConcurrentHashMap.newKeySet();
    private final List<String> live = new java.util.concurrent.CopyOnWriteArrayList<>();

    void createAnswered(String slug, String url, int status) {
        if (status == 201) {
            created.put(slug, url);
            live.add(slug);
        } else if (status == 0 || status >= 500) {
            uncertain.put(slug, url);
        }
    }

    void editAnswered(String slug, String url, int status) {
        if (status == 200) {
            created.put(slug, url);
        } else if (status == 0 || status >= 500) {
            // Without a clear answer the edit may or may not have been made: either URL is right.
            maybeUrls.computeIfAbsent(slug, s -> ConcurrentHashMap.newKeySet()).add(url);
        }
    }

    void deleteAnswered(String slug, int status) {
        if (status == 204) {
            deleted.add(slug);
        } else if (status == 0 || status >= 500) {
            maybeDeleted.add(slug);
        }
    }

    /** URLs an edit without a clear answer may have set. */
    Set<String> maybeUrls(String slug) {
        return maybeUrls.getOrDefault(slug, Set.of());
    }

    boolean maybeDeleted(String slug) {
        return maybeDeleted.contains(slug);
    }

    void importAccepted(String jobId, int rows) {
        imports.put(jobId, rows);
    }

    /** A created link not yet asked to go (edits and deletes pick from these; one may be picked twice, which is fine). */
    Optional<String> anyLive() {
        if (live.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(live.get(ThreadLocalRandom.current().nextInt(live.size())));
    }

    void forget(String slug) {
        live.remove(slug);
    }

    Map<String, String> created() {
        return created;
    }

    Set<String> deleted() {
        return deleted;
    }

    Map<String, String> uncertain() {
        return uncertain;
    }

    Map<String, Integer> imports() {
        return imports;
    }
}
