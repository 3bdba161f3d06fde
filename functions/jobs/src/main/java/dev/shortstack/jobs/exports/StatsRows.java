package dev.shortstack.jobs.exports;

import dev.shortstack.links.jobs.Job;
import dev.shortstack.links.links.LinkStore;
import dev.shortstack.links.stats.DayFigures;
import dev.shortstack.links.stats.StatsReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One row per link and UTC day with clicks: the same figures the stats API reads (exact where
 * the day was rebuilt from the archive, realtime otherwise), links newest first, days in order.
 */
final class StatsRows implements ExportSource {
    private final LinkStore links;
    private final StatsReader stats;

    StatsRows(LinkStore links, StatsReader stats) {
        this.links = links;
        this.stats = stats;
    }

    @Override
    public List<String> columns() {
        return List.of("slug", "day", "humanClicks", "botClicks", "uniqueVisitors", "exact");
    }

    @Override
    public void rows(Job job, Consumer<List<?>> sink) {
        WorkspaceLinks.forEach(links, job.workspaceId(), null, null, link -> {
            Map<LocalDate, DayFigures> days = new TreeMap<>(stats.linkDays(link.linkId(), job.from(), job.to()));
            days.forEach((day, figures) -> sink.accept(List.of(link.slug(), day.toString(), figures.humanTotal(),
                    figures.botTotal(), DayFigures.uniqueVisitors(List.of(figures)), figures.exact())));
        });
    }
}
