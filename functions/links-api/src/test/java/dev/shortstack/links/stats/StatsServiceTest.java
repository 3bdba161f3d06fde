package dev.shortstack.links.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.links.auth.Caller;
import dev.shortstack.links.auth.Role;
import dev.shortstack.shared.link.Link;
import dev.shortstack.shared.stats.Dimension;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.datasketches.hll.HllSketch;
import org.junit.jupiter.api.Test;

class StatsServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final Link LINK = new Link("promo", "link-1", "ws", "https://example.com", 302, NOW, NOW, null, null, List.of(), false, 1, "k");
    private final Map<LocalDate, DayFigures> days = new HashMap<>();
    private final StatsService service = new StatsService(new StatsReader() {
        @Override
        public Map<LocalDate, DayFigures> linkDays(String linkId, LocalDate from, LocalDate to) {
            Map<LocalDate, DayFigures> inRange = new HashMap<>();
            days.forEach((day, figures) -> {
                if (!day.isBefore(from) && !day.isAfter(to)) {
                    inRange.put(day, figures);
                }
            });
            return inRange;
        }

        @Override
        public Map<LocalDate, Map<String, Long>> workspaceDays(String workspaceId, LocalDate from, LocalDate to) {
            return Map.of(LocalDate.of(2026, 11, 27), Map.of("promo", 7L, "other", 2L), LocalDate.of(2026, 11, 28), Map.of("other", 9L));
        }
    }, null, null, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void dailySeriesAreZeroFilledAndBucketedInTheCallersTimeZone() {
        DayFigures nov27 = DayFigures.empty(false);
        nov27.human()[22] = 5;   // 22:00 UTC = 23:00 Berlin, still the 27th there
        nov27.human()[23] = 3;   // 23:00 UTC = 00:00 Berlin on the 28th
        nov27.bot()[10] = 2;
        days.put(LocalDate.of(2026, 11, 27), nov27);

        JsonNode utc = service.linkStats(LINK, query("from=2026-11-26&to=2026-11-28"));
        assertThat(series(utc, "human")).containsExactly(0L, 8L, 0L);
        JsonNode berlin = service.linkStats(LINK, query("from=2026-11-26&to=2026-11-28&tz=Europe/Berlin"));
        assertThat(series(berlin, "human")).containsExactly(0L, 5L, 3L);
        assertThat(berlin.path("series").get(0).path("start").asText()).isEqualTo("2026-11-26T00:00+01:00");
        assertThat(berlin.path("totals").path("human").asLong()).isEqualTo(8);
        assertThat(berlin.path("totals").path("bot").asLong()).isEqualTo(2);
    }

    @Test
    void hourlySeriesHaveOneBucketPerHour() {
        DayFigures nov27 = DayFigures.empty(true);
        nov27.human()[5] = 4;
        days.put(LocalDate.of(2026, 11, 27), nov27);

        JsonNode stats = service.linkStats(LINK, query("from=2026-11-27&to=2026-11-27&granularity=hour"));

        assertThat(stats.path("series")).hasSize(24);
        assertThat(stats.path("series").get(5).path("human").asLong()).isEqualTo(4);
        assertThat(stats.path("exactDays")).extracting(JsonNode::asText).containsExactly("2026-11-27");
    }

    @Test
    void breakdownsAreTopNAndUniquesUnionTheShardsSketches() {
        DayFigures a = DayFigures.empty(false);
        a.addBreakdown(Dimension.COUNTRY, "DE", 5);
        a.addBreakdown(Dimension.COUNTRY, "FR", 2);
        a.addBreakdown(Dimension.COUNTRY, "US", 9);
        HllSketch shard0 = new HllSketch(12);
        HllSketch shard1 = new HllSketch(12);
        for (int i = 0; i < 1000; i++) {
            shard0.update("v" + i);
            shard1.update("v" + (i + 500));   // 500 overlap: 1,500 distinct in all
        }
        a.sketches().add(shard0.toCompactByteArray());
        a.sketches().add(shard1.toCompactByteArray());
        days.put(LocalDate.of(2026, 11, 28), a);

        JsonNode stats = service.linkStats(LINK, query("from=2026-11-28&to=2026-11-28&top=2&dimensions=country"));

        assertThat(stats.path("breakdowns").path("country")).extracting(n -> n.path("value").asText()).containsExactly("US", "DE");
        assertThat(stats.path("breakdowns").has("os")).isFalse();
        assertThat(stats.path("totals").path("unique").asLong()).isBetween(1450L, 1550L);
    }

    @Test
    void theWorkspaceSummaryRanksItsLinks() {
        ObjectNode summary = service.workspaceStats(new Caller("k", "ws", Role.READ), query("from=2026-11-27&to=2026-11-28"));

        assertThat(summary.path("totals").path("human").asLong()).isEqualTo(18);
        assertThat(summary.path("topLinks")).extracting(n -> n.path("slug").asText()).containsExactly("other", "promo");
        assertThat(summary.path("series")).extracting(n -> n.path("human").asLong()).containsExactly(9L, 9L);
    }

    private static StatsQuery query(String raw) {
        Map<String, String> params = new HashMap<>();
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], kv[1]);
        }
        return StatsQuery.parse(params, LocalDate.of(2026, 11, 28));
    }

    private static List<Long> series(JsonNode stats, String field) {
        return java.util.stream.StreamSupport.stream(stats.path("series").spliterator(), false).map(n -> n.path(field).asLong()).toList();
    }
}
