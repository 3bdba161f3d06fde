package dev.shortstack.stats.query;

import dev.shortstack.shared.link.Link;
import dev.shortstack.shared.stats.Dimension;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A link's figures over a query's range: totals, a zero-filled series in the query's time zone and
 * the top values of each asked dimension (bot clicks for the bot dimension, people's otherwise).
 */
public record LinkStats(Link link, StatsQuery query, long human, long bot, long unique, List<Point> series,
                        Map<Dimension, List<ValueCount>> breakdowns) {
    public LinkStats {
        series = List.copyOf(series);
        breakdowns = Map.copyOf(breakdowns);
    }

    /** People's and bots' clicks in the bucket starting at {@code start}. */
    public record Point(OffsetDateTime start, long human, long bot) {
    }

    public record ValueCount(String value, long clicks) {
    }
}
