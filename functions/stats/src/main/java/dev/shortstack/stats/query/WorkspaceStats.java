package dev.shortstack.stats.query;

import java.time.LocalDate;
import java.util.List;

/** A workspace's clicks per UTC day over a range, and its top links. */
public record WorkspaceStats(String workspaceId, LocalDate from, LocalDate to, long human, long bot, List<Day> series,
                             List<TopLink> topLinks) {
    public WorkspaceStats {
        series = List.copyOf(series);
        topLinks = List.copyOf(topLinks);
    }

    public record Day(LocalDate day, long human, long bot) {
    }

    public record TopLink(String linkId, String slug, long human, long bot) {
    }
}
