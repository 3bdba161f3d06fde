package dev.shortstack.stats.query;

import dev.shortstack.shared.link.Link;
import dev.shortstack.stats.archive.ArchiveSlicer;
import dev.shortstack.stats.engine.ClickEngine;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * People's clicks (bots left out) of a link, some links or a whole workspace within a window, by
 * calendar unit or by a click column's value: the figures Bitly's and Dub's analytics show. Units
 * are UTC calendar units; a week starts on Monday.
 */
public final class LinkClickFigures {
    /** A calendar unit of click figures, in UTC. */
    public enum Unit {
        MINUTE(ChronoUnit.MINUTES), HOUR(ChronoUnit.HOURS), DAY(ChronoUnit.DAYS), WEEK(ChronoUnit.WEEKS), MONTH(ChronoUnit.MONTHS);

        private final ChronoUnit length;

        Unit(ChronoUnit length) {
            this.length = length;
        }

        /** The start of the UTC unit that holds {@code at}: as DuckDB's date_trunc counts them (a week starts on Monday). */
        public ZonedDateTime startOf(Instant at) {
            ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
            return switch (this) {
                case MINUTE, HOUR, DAY -> utc.truncatedTo(length);
                case WEEK -> utc.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                case MONTH -> utc.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
            };
        }

        /** The start of the unit {@code count} units after this one's (before it, when negative). */
        public ZonedDateTime plus(ZonedDateTime unitStart, long count) {
            return unitStart.plus(count, length);
        }
    }

    /** Whose clicks: a workspace's, or only some of its links'. */
    public record Scope(String workspaceId, Optional<Set<String>> linkIds) {
        public static Scope of(Link link) {
            return new Scope(link.workspaceId(), Optional.of(Set.of(link.linkId())));
        }
    }

    /** The click columns a figure may be broken down by. */
    private static final Set<String> COLUMNS = Set.of("country", "referrer_host", "device", "os", "browser", "link_id");

    private final ArchiveSlicer slicer;
    private final ClickEngine engine;

    public LinkClickFigures(ArchiveSlicer slicer, ClickEngine engine) {
        this.slicer = slicer;
        this.engine = engine;
    }

    /** Clicks by the start of their unit, for units with clicks. */
    public Map<Instant, Long> byUnit(Scope scope, Unit unit, Instant start, Instant end) {
        String part = unit.name().toLowerCase(java.util.Locale.ROOT);
        return engine.query(slicer.slice(scope.workspaceId(), scope.linkIds(), start, end), "ts, bot", sql -> {
            Map<Instant, Long> counts = new LinkedHashMap<>();
            for (Object[] row : sql.rows("SELECT date_trunc('" + part + "', ts) AS unit_start, count(*) FROM clicks"
                    + where(start, end) + " GROUP BY unit_start")) {
                counts.put(((Timestamp) row[0]).toLocalDateTime().toInstant(ZoneOffset.UTC), ((Number) row[1]).longValue());
            }
            return counts;
        });
    }

    /** People's clicks in the window: one count. */
    public long count(Scope scope, Instant start, Instant end) {
        return engine.query(slicer.slice(scope.workspaceId(), scope.linkIds(), start, end), "ts, bot",
                sql -> ((Number) sql.rows("SELECT count(*) FROM clicks" + where(start, end)).get(0)[0]).longValue());
    }

    /** The {@code size} values of a click column ("country", "referrer_host"...) with the most clicks; a missing value is {@code none}. */
    public List<Map.Entry<String, Long>> byValue(Scope scope, String column, String none, Instant start, Instant end, int size) {
        if (!COLUMNS.contains(column)) {
            throw new IllegalArgumentException("Not a figure column: " + column);
        }
        return engine.query(slicer.slice(scope.workspaceId(), scope.linkIds(), start, end), "ts, bot, " + column, sql -> {
            List<Map.Entry<String, Long>> top = new ArrayList<>();
            for (Object[] row : sql.rows("SELECT coalesce(" + column + ", " + ClickEngine.literal(none) + ") AS value, count(*) AS clicks"
                    + " FROM clicks" + where(start, end) + " GROUP BY value ORDER BY clicks DESC, value LIMIT " + size)) {
                top.add(Map.entry((String) row[0], ((Number) row[1]).longValue()));
            }
            return top;
        });
    }

    private static String where(Instant start, Instant end) {
        return " WHERE NOT bot AND ts >= " + ClickEngine.timestamp(start) + " AND ts < " + ClickEngine.timestamp(end);
    }
}
