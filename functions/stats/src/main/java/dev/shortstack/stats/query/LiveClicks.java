package dev.shortstack.stats.query;

import dev.shortstack.stats.archive.ArchiveSlicer;
import dev.shortstack.stats.engine.ClickEngine;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The last hour minute by minute, people and bots apart: what the dashboard's live view polls. It reads the raw archive's
 * last two hour prefixes; their objects never change, so a poll fetches only the objects written since the last one.
 */
public final class LiveClicks {
    public static final int MINUTES = 60;

    /** One minute's clicks; {@code start} is the minute's first instant (UTC). */
    public record Minute(Instant start, long humans, long bots) {
    }

    /** The 60 minutes ending with the current one, oldest first; {@code to} is when it was counted. */
    public record LastHour(Instant from, Instant to, List<Minute> minutes) {
        public long humans() {
            return minutes.stream().mapToLong(Minute::humans).sum();
        }

        public long bots() {
            return minutes.stream().mapToLong(Minute::bots).sum();
        }
    }

    private final ArchiveSlicer slicer;
    private final ClickEngine engine;

    public LiveClicks(ArchiveSlicer slicer, ClickEngine engine) {
        this.slicer = slicer;
        this.engine = engine;
    }

    public LastHour lastHour(LinkClickFigures.Scope scope, Instant now) {
        Instant from = now.truncatedTo(ChronoUnit.MINUTES).minus(MINUTES - 1, ChronoUnit.MINUTES);
        Map<Instant, long[]> counted = engine.query(slicer.slice(scope.workspaceId(), scope.linkIds(), from, now), "ts, bot", sql -> {
            Map<Instant, long[]> byMinute = new HashMap<>();
            for (Object[] row : sql.rows("SELECT date_trunc('minute', ts) AS minute, bot, count(*) FROM clicks WHERE ts >= "
                    + ClickEngine.timestamp(from) + " AND ts < " + ClickEngine.timestamp(now) + " GROUP BY minute, bot")) {
                Instant minute = ((Timestamp) row[0]).toLocalDateTime().toInstant(ZoneOffset.UTC);
                byMinute.computeIfAbsent(minute, m -> new long[2])[Boolean.TRUE.equals(row[1]) ? 1 : 0] += ((Number) row[2]).longValue();
            }
            return byMinute;
        });
        List<Minute> minutes = new ArrayList<>(MINUTES);
        for (int i = 0; i < MINUTES; i++) {
            Instant start = from.plus(i, ChronoUnit.MINUTES);
            long[] counts = counted.getOrDefault(start, new long[2]);
            minutes.add(new Minute(start, counts[0], counts[1]));
        }
        return new LastHour(from, now, minutes);
    }
}
