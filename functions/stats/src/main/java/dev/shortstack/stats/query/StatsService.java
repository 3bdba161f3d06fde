package dev.shortstack.stats.query;

import dev.shortstack.shared.link.Link;
import dev.shortstack.shared.stats.Dimension;
import dev.shortstack.stats.archive.ArchiveSlice;
import dev.shortstack.stats.archive.ArchiveSlicer;
import dev.shortstack.stats.compaction.Rollups;
import dev.shortstack.stats.engine.ClickEngine;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every figure computed on read from the click archive: a link's totals, zero-filled series in the
 * caller's time zone and top values per dimension; a workspace's days and top links; the click
 * counts of a page of links. Exact at every moment: the compacted files plus the raw objects since,
 * each click once. Links are counted by link id, so a slug deleted and created again starts at zero.
 */
public final class StatsService {
    public static final String UNIQUE_VISITORS = "distinct visitor ids per UTC day, summed over the days of the range"
            + " (a visitor's id changes every UTC day, so someone who comes back on another day counts again)";

    /** What a link's figures need of its clicks: the engine reads only these columns of the files. */
    private static final String LINK_COLUMNS = "ts, bot, bot_name, country, referrer_host, device, os, browser, language, rule, visitor_hash";

    private final ArchiveSlicer slicer;
    private final ClickEngine engine;

    public StatsService(ArchiveSlicer slicer, ClickEngine engine) {
        this.slicer = slicer;
        this.engine = engine;
    }

    public LinkStats linkStats(Link link, StatsQuery query) {
        Instant start = query.from().atStartOfDay(query.tz()).toInstant();
        Instant end = query.to().plusDays(1).atStartOfDay(query.tz()).toInstant();
        ArchiveSlice slice = slicer.sliceWithRollups(link.workspaceId(), Set.of(link.linkId()), start, end);
        // One pass over the link's clicks: the series and every breakdown as grouping sets.
        List<Dimension> dimensions = List.copyOf(query.dimensions());
        String columns = dimensions.stream().map(DimensionColumns::column).collect(Collectors.joining(", "));
        String sets = dimensions.stream().map(d -> "(" + DimensionColumns.column(d) + ")").collect(Collectors.joining(", "));
        return engine.query(slice, LINK_COLUMNS, sql -> {
            Map<ZonedDateTime, long[]> buckets = emptyBuckets(start, end, query);
            Map<Dimension, Map<String, Long>> values = new EnumMap<>(Dimension.class);
            long human = 0;
            long bot = 0;
            // Quarter hours: every time zone's hours and days start on one (India +5:30, Nepal +5:45).
            for (Object[] row : sql.rows("SELECT GROUPING(quarter) AS by_dimension, quarter" + (columns.isEmpty() ? "" : ", " + columns)
                    + ", count(*) FILTER (WHERE NOT bot), count(*) FILTER (WHERE bot)"
                    + " FROM (SELECT time_bucket(INTERVAL 15 MINUTE, ts) AS quarter, * FROM clicks)"
                    + " GROUP BY GROUPING SETS ((quarter)" + (sets.isEmpty() ? "" : ", " + sets) + ")")) {
                long humans = number(row[row.length - 2]);
                long bots = number(row[row.length - 1]);
                if (number(row[0]) == 0) {
                    Instant quarter = ((Timestamp) row[1]).toLocalDateTime().toInstant(ZoneOffset.UTC);
                    long[] bucket = buckets.get(bucketOf(quarter, query));
                    bucket[0] += humans;
                    bucket[1] += bots;
                    human += humans;
                    bot += bots;
                    continue;
                }
                for (int d = 0; d < dimensions.size(); d++) {
                    Dimension dimension = dimensions.get(d);
                    Object value = row[2 + d];
                    long counted = dimension == Dimension.BOT ? bots : humans;
                    if (value != null && counted > 0) {
                        values.computeIfAbsent(dimension, k -> new HashMap<>()).merge((String) value, counted, Long::sum);
                    }
                }
            }
            long unique = number(sql.rows("SELECT count(*) FROM (SELECT DISTINCT CAST(ts AS DATE), visitor_hash FROM clicks"
                    + " WHERE NOT bot AND visitor_hash IS NOT NULL)").get(0)[0]);
            // Whole compacted days come as the link's counts: the same figures, summed.
            if (!slice.rollupFiles().isEmpty()) {
                for (Object[] row : sql.rows("SELECT grain, quarter, value, sum(human), sum(bot) FROM read_parquet(["
                        + slice.rollupFiles().stream().map(path -> ClickEngine.literal(path.toString())).collect(Collectors.joining(", "))
                        + "]) WHERE link_id = " + ClickEngine.literal(link.linkId()) + " GROUP BY grain, quarter, value")) {
                    String grain = (String) row[0];
                    long humans = number(row[3]);
                    long bots = number(row[4]);
                    if (grain.equals(Rollups.QUARTER)) {
                        long[] bucket = buckets.get(bucketOf(((Timestamp) row[1]).toLocalDateTime().toInstant(ZoneOffset.UTC), query));
                        bucket[0] += humans;
                        bucket[1] += bots;
                        human += humans;
                        bot += bots;
                    } else if (grain.equals(Rollups.UNIQUE)) {
                        unique += humans;
                    } else {
                        Optional<Dimension> dimension = Dimension.fromWire(grain).filter(query.dimensions()::contains);
                        long counted = dimension.map(d -> d == Dimension.BOT ? bots : humans).orElse(0L);
                        if (dimension.isPresent() && counted > 0) {
                            values.computeIfAbsent(dimension.get(), k -> new HashMap<>()).merge((String) row[2], counted, Long::sum);
                        }
                    }
                }
            }
            List<LinkStats.Point> series = new ArrayList<>();
            buckets.forEach((bucketStart, counts) -> series.add(new LinkStats.Point(bucketStart.toOffsetDateTime(), counts[0], counts[1])));
            Map<Dimension, List<LinkStats.ValueCount>> breakdowns = new EnumMap<>(Dimension.class);
            for (Dimension dimension : query.dimensions()) {
                breakdowns.put(dimension, top(values.getOrDefault(dimension, Map.of()), query.top()).stream()
                        .map(e -> new LinkStats.ValueCount(e.getKey(), e.getValue())).toList());
            }
            return new LinkStats(link, query, human, bot, unique, series, breakdowns);
        });
    }

    /** A workspace's clicks per UTC day and its top links, human and bot. */
    public WorkspaceStats workspaceStats(String workspaceId, StatsQuery query) {
        Instant start = query.from().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = query.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        ArchiveSlice slice = slicer.slice(workspaceId, Optional.empty(), start, end);
        return engine.query(slice, sql -> {
            Map<LocalDate, long[]> days = new LinkedHashMap<>();
            for (LocalDate day = query.from(); !day.isAfter(query.to()); day = day.plusDays(1)) {
                days.put(day, new long[2]);
            }
            long human = 0;
            long bot = 0;
            for (Object[] row : sql.rows("SELECT CAST(ts AS DATE) AS day, count(*) FILTER (WHERE NOT bot),"
                    + " count(*) FILTER (WHERE bot) FROM clicks GROUP BY day")) {
                long[] counts = days.get((LocalDate) row[0]);
                counts[0] += number(row[1]);
                counts[1] += number(row[2]);
                human += number(row[1]);
                bot += number(row[2]);
            }
            List<WorkspaceStats.Day> series = new ArrayList<>();
            days.forEach((day, counts) -> series.add(new WorkspaceStats.Day(day, counts[0], counts[1])));
            List<WorkspaceStats.TopLink> top = new ArrayList<>();
            for (Object[] row : sql.rows("SELECT link_id, any_value(slug), count(*) FILTER (WHERE NOT bot) AS human,"
                    + " count(*) FILTER (WHERE bot) AS bot FROM clicks GROUP BY link_id"
                    + " ORDER BY human DESC, bot DESC, link_id LIMIT " + query.top())) {
                top.add(new WorkspaceStats.TopLink((String) row[0], (String) row[1], number(row[2]), number(row[3])));
            }
            return new WorkspaceStats(workspaceId, query.from(), query.to(), human, bot, series, top);
        });
    }

    /**
     * Every click of each link since the UTC day it was created, to {@code today}: one query for all of
     * them (what the compatibility APIs show as a link's figures). Links without clicks are absent.
     */
    public Map<String, LinkTotals> totalsSinceCreated(String workspaceId, Collection<Link> links, LocalDate today) {
        LocalDate from = links.stream().map(link -> LocalDate.ofInstant(link.createdAt(), ZoneOffset.UTC))
                .min(Comparator.naturalOrder()).filter(day -> !day.isAfter(today)).orElse(today);
        return totalsByLink(workspaceId, links, from, today);
    }

    /** Clicks by link id over whole UTC days (links without clicks are absent): one query for all the links. */
    public Map<String, LinkTotals> totalsByLink(String workspaceId, Collection<Link> links, LocalDate from, LocalDate to) {
        if (links.isEmpty()) {
            return Map.of();
        }
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Set<String> ids = links.stream().map(Link::linkId).collect(Collectors.toSet());
        ArchiveSlice slice = slicer.slice(workspaceId, Optional.of(ids), start, end);
        return engine.query(slice, sql -> {
            Map<String, LinkTotals> byLink = new HashMap<>();
            for (Object[] row : sql.rows("SELECT link_id, count(*) FILTER (WHERE NOT bot), count(*) FILTER (WHERE bot),"
                    + " max(ts) FILTER (WHERE NOT bot) FROM clicks GROUP BY link_id")) {
                Instant last = row[3] == null ? null : ((Timestamp) row[3]).toLocalDateTime().toInstant(ZoneOffset.UTC);
                byLink.put((String) row[0], new LinkTotals(number(row[1]), number(row[2]), last));
            }
            return byLink;
        });
    }

    /** The n largest counts, ties in value order so answers are stable. */
    private static List<Map.Entry<String, Long>> top(Map<String, Long> counts, int n) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(n)
                .toList();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static Map<ZonedDateTime, long[]> emptyBuckets(Instant start, Instant end, StatsQuery query) {
        Map<ZonedDateTime, long[]> buckets = new LinkedHashMap<>();
        for (Instant quarter = start; quarter.isBefore(end); quarter = quarter.plus(15, ChronoUnit.MINUTES)) {
            buckets.computeIfAbsent(bucketOf(quarter, query), b -> new long[2]);
        }
        return buckets;
    }

    private static ZonedDateTime bucketOf(Instant quarter, StatsQuery query) {
        ZonedDateTime local = quarter.atZone(query.tz());
        return query.hourly() ? local.truncatedTo(ChronoUnit.HOURS) : local.toLocalDate().atStartOfDay(query.tz());
    }

}
