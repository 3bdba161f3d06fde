package dev.shortstack.shared.link;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Counts visits of links that have a maxVisits limit. */
public interface VisitCounter {

    /**
     * Atomically takes one visit if the link has any left.
     *
     * @return true if the visit was granted, false if the limit was already reached
     */
    boolean tryConsume(Link link);

    /** Visits granted so far (0 if none). */
    long used(String linkId);

    /** Visits granted so far for each of the links, read together where the store can (a page of the links list). */
    default Map<String, Long> used(Collection<String> linkIds) {
        Map<String, Long> used = new HashMap<>();
        linkIds.forEach(id -> used.put(id, used(id)));
        return used;
    }
}
