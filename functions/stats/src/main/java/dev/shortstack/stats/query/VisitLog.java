package dev.shortstack.stats.query;

import dev.shortstack.stats.archive.ArchiveSlice;
import dev.shortstack.stats.archive.ArchiveSlicer;
import dev.shortstack.stats.engine.ClickEngine;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A link's visits one by one, newest first, paged by offset: what Shlink's visit lists show. */
public final class VisitLog {
    /**
     * One visit as the archive keeps it (the client IP was never stored).
     *
     * @param linkId the link's id (an orphan visit's kind and domain, see {@code OrphanVisits})
     * @param slug   the link's slug (an orphan visit's path)
     */
    public record Visit(Instant at, String referrer, String userAgent, String country, boolean bot, String linkId, String slug) {
    }

    public record Page(List<Visit> visits, long total) {
    }

    private final ArchiveSlicer slicer;
    private final ClickEngine engine;

    public VisitLog(ArchiveSlicer slicer, ClickEngine engine) {
        this.slicer = slicer;
        this.engine = engine;
    }

    /** @param limit at most this many visits (all when negative), after skipping {@code offset} */
    public Page visits(String workspaceId, Set<String> linkIds, Instant start, Instant end, boolean excludeBots, long offset, int limit) {
        ArchiveSlice slice = slicer.slice(workspaceId, Optional.of(linkIds), start, end);
        String where = " WHERE ts >= " + ClickEngine.timestamp(start) + " AND ts < " + ClickEngine.timestamp(end)
                + (excludeBots ? " AND NOT bot" : "");
        return engine.query(slice, "click_id, ts, referrer, user_agent, country, bot, link_id, slug", sql -> {
            long total = ((Number) sql.rows("SELECT count(*) FROM clicks" + where).get(0)[0]).longValue();
            List<Visit> visits = new ArrayList<>();
            for (Object[] row : sql.rows("SELECT ts, referrer, user_agent, country, bot, link_id, slug FROM clicks" + where
                    + " ORDER BY ts DESC, click_id DESC" + (limit < 0 ? "" : " LIMIT " + limit) + " OFFSET " + offset)) {
                visits.add(new Visit(((Timestamp) row[0]).toLocalDateTime().toInstant(ZoneOffset.UTC), (String) row[1], (String) row[2],
                        (String) row[3], (Boolean) row[4], (String) row[5], (String) row[6]));
            }
            return new Page(visits, total);
        });
    }

    /** How many visits each of these link ids had in the window (ids without visits are absent). */
    public Map<String, Long> countsByLinkId(String workspaceId, Set<String> linkIds, Instant start, Instant end, boolean excludeBots) {
        ArchiveSlice slice = slicer.slice(workspaceId, Optional.of(linkIds), start, end);
        String where = " WHERE ts >= " + ClickEngine.timestamp(start) + " AND ts < " + ClickEngine.timestamp(end)
                + (excludeBots ? " AND NOT bot" : "");
        return engine.query(slice, "click_id, ts, bot, link_id", sql -> {
            Map<String, Long> counts = new java.util.TreeMap<>();
            for (Object[] row : sql.rows("SELECT link_id, count(*) FROM clicks" + where + " GROUP BY link_id")) {
                counts.put((String) row[0], ((Number) row[1]).longValue());
            }
            return counts;
        });
    }
}
