package dev.shortstack.stats.entrypoints;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.shared.domain.OrphanVisits;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.link.Link;
import dev.shortstack.shared.stats.CompactionJob;
import dev.shortstack.shared.stats.Dimension;
import dev.shortstack.stats.query.LinkStats;
import dev.shortstack.stats.query.LinkTotals;
import dev.shortstack.stats.query.LiveClicks;
import dev.shortstack.stats.query.OrphanVisitLog;
import dev.shortstack.stats.query.OrphanVisitQuery;
import dev.shortstack.stats.query.StatsService;
import dev.shortstack.stats.query.VisitLog;
import dev.shortstack.stats.query.WorkspaceStats;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The JSON shapes the stats API answers with (as GET /v1/openapi.json describes them). */
final class StatsViews {
    private StatsViews() {
    }

    static ObjectNode linkStats(LinkStats stats) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("slug", stats.link().slug());
        body.put("linkId", stats.link().linkId());
        body.put("from", stats.query().from().toString());
        body.put("to", stats.query().to().toString());
        body.put("tz", stats.query().tz().getId());
        body.put("granularity", stats.query().hourly() ? "hour" : "day");
        body.putObject("totals").put("human", stats.human()).put("bot", stats.bot()).put("unique", stats.unique());
        ArrayNode series = body.putArray("series");
        stats.series().forEach(point -> series.addObject().put("start", point.start().toString()).put("human", point.human())
                .put("bot", point.bot()));
        ObjectNode breakdowns = body.putObject("breakdowns");
        for (Dimension dimension : stats.query().dimensions()) {
            ArrayNode top = breakdowns.putArray(dimension.wireName());
            stats.breakdowns().getOrDefault(dimension, List.of())
                    .forEach(value -> top.addObject().put("value", value.value()).put("clicks", value.clicks()));
        }
        body.put("uniqueVisitors", StatsService.UNIQUE_VISITORS);
        return body;
    }

    static ObjectNode workspaceStats(WorkspaceStats stats) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("workspaceId", stats.workspaceId());
        body.put("from", stats.from().toString());
        body.put("to", stats.to().toString());
        body.put("tz", "UTC");
        body.put("granularity", "day");
        body.putObject("totals").put("human", stats.human()).put("bot", stats.bot());
        ArrayNode series = body.putArray("series");
        stats.series().forEach(day -> series.addObject().put("start", day.day().toString()).put("human", day.human()).put("bot", day.bot()));
        ArrayNode top = body.putArray("topLinks");
        stats.topLinks().forEach(link -> top.addObject().put("linkId", link.linkId()).put("slug", link.slug())
                .put("human", link.human()).put("bot", link.bot()));
        return body;
    }

    /** The live view's hour: one point per minute, every minute present. */
    static ObjectNode lastHour(LiveClicks.LastHour hour) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("from", hour.from().toString());
        body.put("to", hour.to().toString());
        body.put("granularity", "minute");
        body.putObject("totals").put("human", hour.humans()).put("bot", hour.bots());
        ArrayNode series = body.putArray("series");
        hour.minutes().forEach(minute -> series.addObject().put("start", minute.start().toString())
                .put("human", minute.humans()).put("bot", minute.bots()));
        return body;
    }

    /** The click counts of a page of links, in the order asked for; a link nobody clicked counts zero. */
    static ObjectNode linkTotals(LocalDate from, LocalDate to, Collection<Link> links, Map<String, LinkTotals> totals) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("from", from.toString());
        body.put("to", to.toString());
        ArrayNode list = body.putArray("links");
        for (Link link : links) {
            LinkTotals counts = totals.getOrDefault(link.linkId(), LinkTotals.NONE);
            list.addObject().put("slug", link.slug()).put("key", link.key()).put("linkId", link.linkId())
                    .put("human", counts.human()).put("bot", counts.bot());
        }
        return body;
    }

    /** A domain's orphan visits: a page of them and how many of each kind the window had. */
    static ObjectNode orphanVisits(String host, OrphanVisitQuery query, OrphanVisitLog.Result result) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("domain", host);
        body.put("from", query.from().toString());
        body.put("to", query.to().toString());
        ObjectNode counts = body.putObject("kinds");
        result.counts().forEach((kind, count) -> counts.put(kind.wireName(), count));
        body.put("total", result.page().total());
        body.put("page", query.page());
        body.put("limit", query.limit());
        ArrayNode items = body.putArray("items");
        for (VisitLog.Visit visit : result.page().visits()) {
            ObjectNode item = items.addObject();
            item.put("at", visit.at().toString());
            item.put("kind", OrphanVisits.parse(visit.linkId()).map(f -> f.kind().wireName()).orElse(null));
            item.put("path", visit.slug());
            item.put("referrer", visit.referrer());
            item.put("userAgent", visit.userAgent());
            item.put("country", visit.country());
            item.put("bot", visit.bot());
        }
        return body;
    }

    static ObjectNode compaction(CompactionJob job) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("id", job.jobId());
        node.put("status", job.status());
        node.put("from", job.from().toString());
        node.put("to", job.to().toString());
        node.put("daysTotal", job.daysTotal());
        node.put("daysDone", job.daysDone().size());
        node.put("percent", job.percent());
        node.put("createdAt", job.createdAt().toString());
        node.put("updatedAt", job.updatedAt().toString());
        return node;
    }
}
