package dev.shortstack.links.stats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.links.auth.Caller;
import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.ProblemType;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.link.Link;
import dev.shortstack.shared.stats.Dimension;
import dev.shortstack.shared.stats.RebuildJob;
import dev.shortstack.shared.stats.RebuildJobStore;
import dev.shortstack.shared.stats.RebuildRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Link and workspace statistics, and rebuild jobs. Time series are built from UTC hours and
 * bucketed in the caller's time zone, zero-filled; breakdowns and unique visitors are kept per
 * UTC day, so for another zone they cover the UTC days that overlap the range (said in the answer).
 */
public final class StatsService {
    /** HLL lgK 12: the estimate is within ±3.3 % of the true count 95 % of the time. */
    public static final double UNIQUE_ERROR_95 = 0.033;
    public static final int MAX_REBUILD_DAYS = 93;

    private final StatsReader reader;
    private final RebuildJobStore jobs;
    private final RebuildQueue queue;
    private final Clock clock;

    public StatsService(StatsReader reader, RebuildJobStore jobs, RebuildQueue queue, Clock clock) {
        this.reader = reader;
        this.jobs = jobs;
        this.queue = queue;
        this.clock = clock;
    }

    public ObjectNode linkStats(Link link, StatsQuery query) {
        Instant start = query.from().atStartOfDay(query.tz()).toInstant();
        Instant end = query.to().plusDays(1).atStartOfDay(query.tz()).toInstant();
        LocalDate firstUtcDay = start.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate lastUtcDay = end.minusNanos(1).atZone(ZoneOffset.UTC).toLocalDate();
        Map<LocalDate, DayFigures> days = reader.linkDays(link.linkId(), firstUtcDay, lastUtcDay);

        Map<ZonedDateTime, long[]> buckets = emptyBuckets(start, end, query);
        long human = 0;
        long bot = 0;
        for (Instant hour = start.truncatedTo(ChronoUnit.HOURS); hour.isBefore(end); hour = hour.plus(1, ChronoUnit.HOURS)) {
            if (hour.isBefore(start)) {
                continue;
            }
            DayFigures day = days.get(hour.atZone(ZoneOffset.UTC).toLocalDate());
            if (day == null) {
                continue;
            }
            int h = hour.atZone(ZoneOffset.UTC).getHour();
            long[] bucket = buckets.get(bucketOf(hour, query));
            bucket[0] += day.human()[h];
            bucket[1] += day.bot()[h];
            human += day.human()[h];
            bot += day.bot()[h];
        }

        ObjectNode body = Json.mapper().createObjectNode();
        body.put("slug", link.slug());
        body.put("from", query.from().toString());
        body.put("to", query.to().toString());
        body.put("tz", query.tz().getId());
        body.put("granularity", query.hourly() ? "hour" : "day");
        ObjectNode totals = body.putObject("totals");
        totals.put("human", human);
        totals.put("bot", bot);
        totals.put("unique", uniques(days));
        totals.put("uniqueRelativeError95", UNIQUE_ERROR_95);
        ArrayNode series = body.putArray("series");
        buckets.forEach((bucketStart, counts) -> series.addObject()
                .put("start", bucketStart.toOffsetDateTime().toString()).put("human", counts[0]).put("bot", counts[1]));
        ObjectNode breakdowns = body.putObject("breakdowns");
        for (Dimension dimension : query.dimensions()) {
            Map<String, Long> values = new HashMap<>();
            days.values().forEach(d -> d.breakdowns().getOrDefault(dimension, Map.of()).forEach((v, c) -> values.merge(v, c, Long::sum)));
            ArrayNode top = breakdowns.putArray(dimension.wireName());
            top(values, query.top()).forEach(e -> top.addObject().put("value", e.getKey()).put("clicks", e.getValue()));
        }
        ObjectNode coverage = body.putObject("breakdownUtcDays");
        coverage.put("from", firstUtcDay.toString());
        coverage.put("to", lastUtcDay.toString());
        ArrayNode exact = body.putArray("exactDays");
        days.entrySet().stream().filter(e -> e.getValue().exact()).map(e -> e.getKey().toString()).sorted().forEach(exact::add);
        return body;
    }

    public ObjectNode workspaceStats(Caller caller, StatsQuery query) {
        Map<LocalDate, Map<String, Long>> days = reader.workspaceDays(caller.workspaceId(), query.from(), query.to());
        Map<String, Long> bySlug = new HashMap<>();
        Map<LocalDate, Long> perDay = new LinkedHashMap<>();
        for (LocalDate day = query.from(); !day.isAfter(query.to()); day = day.plusDays(1)) {
            Map<String, Long> counts = days.getOrDefault(day, Map.of());
            perDay.put(day, counts.values().stream().mapToLong(Long::longValue).sum());
            counts.forEach((slug, count) -> bySlug.merge(slug, count, Long::sum));
        }
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("workspaceId", caller.workspaceId());
        body.put("from", query.from().toString());
        body.put("to", query.to().toString());
        body.put("tz", "UTC");
        body.putObject("totals").put("human", bySlug.values().stream().mapToLong(Long::longValue).sum());
        ArrayNode series = body.putArray("series");
        perDay.forEach((day, count) -> series.addObject().put("start", day.toString()).put("human", count));
        ArrayNode top = body.putArray("topLinks");
        top(bySlug, query.top()).forEach(e -> top.addObject().put("slug", e.getKey()).put("human", e.getValue()));
        return body;
    }

    /** Starts an exact rebuild of complete UTC days {@code from}..{@code to}: one queue message per day. */
    public RebuildJob startRebuild(RebuildRange range) {
        LocalDate from = range.from();
        LocalDate to = range.to();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        // Today is still being written: a rebuilt day would hide its later clicks until rebuilt again.
        if (from.isAfter(to) || !to.isBefore(today)) {
            throw ApiProblem.validation("to", "the range must run forwards and end yesterday or earlier (UTC); today is still open");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_REBUILD_DAYS) {
            throw ApiProblem.validation("to", "at most " + MAX_REBUILD_DAYS + " days per rebuild");
        }
        String jobId = UUID.randomUUID().toString();
        jobs.create(jobId, from, to, clock.instant());
        List<RebuildRequest> requests = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            requests.add(new RebuildRequest(jobId, day.toString(), null));
        }
        queue.send(requests);
        return jobs.find(jobId).orElseThrow();
    }

    public RebuildJob rebuildJob(String jobId) {
        return jobs.find(jobId).orElseThrow(() -> new ApiProblem(ProblemType.NOT_FOUND, "No rebuild job '" + jobId + "'."));
    }

    /** The n largest counts, ties in name order so answers are stable. */
    private static List<Map.Entry<String, Long>> top(Map<String, Long> counts, int n) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(n)
                .toList();
    }

    private static long uniques(Map<LocalDate, DayFigures> days) {
        return DayFigures.uniqueVisitors(days.values());
    }

    private static Map<ZonedDateTime, long[]> emptyBuckets(Instant start, Instant end, StatsQuery query) {
        Map<ZonedDateTime, long[]> buckets = new LinkedHashMap<>();
        for (Instant hour = start.truncatedTo(ChronoUnit.HOURS); hour.isBefore(end); hour = hour.plus(1, ChronoUnit.HOURS)) {
            if (!hour.isBefore(start)) {
                buckets.computeIfAbsent(bucketOf(hour, query), b -> new long[2]);
            }
        }
        return buckets;
    }

    private static ZonedDateTime bucketOf(Instant utcHour, StatsQuery query) {
        ZonedDateTime local = utcHour.atZone(query.tz());
        return query.hourly() ? local : local.toLocalDate().atStartOfDay(query.tz());
    }
}
