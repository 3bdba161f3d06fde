package dev.shortstack.shared.link;

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
}
