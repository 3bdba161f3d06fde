package dev.shortstack.stats.query;

import dev.shortstack.stats.archive.ArchiveSlice;
import dev.shortstack.stats.archive.ArchiveSlicer;
import dev.shortstack.stats.engine.ClickEngine;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A workspace's figures and clicks for exports, from the same archive and engine as the stats API,
 * so an export and the API never disagree. Streamed: an export may hold millions of rows.
 */
public final class ClickExports {
    public static final List<String> STATS_COLUMNS = List.of("slug", "linkId", "day", "humanClicks", "botClicks", "uniqueVisitors");
    public static final List<String> CLICK_COLUMNS = List.of("clickId", "occurredAt", "slug", "linkId", "method", "status",
            "userAgent", "referrer", "acceptLanguage", "bot", "botName", "country", "referrerHost", "device", "os", "browser",
            "language", "visitorHash");

    private final ArchiveSlicer slicer;
    private final ClickEngine engine;

    public ClickExports(ArchiveSlicer slicer, ClickEngine engine) {
        this.slicer = slicer;
        this.engine = engine;
    }

    /** One row per link and UTC day with clicks, in slug, link and day order. */
    public void statsRows(String workspaceId, LocalDate from, LocalDate to, Consumer<List<?>> sink) {
        engine.query(slice(workspaceId, from, to), sql -> {
            sql.stream("SELECT any_value(slug) AS slug, link_id, CAST(ts AS DATE) AS day, count(*) FILTER (WHERE NOT bot),"
                    + " count(*) FILTER (WHERE bot), count(DISTINCT visitor_hash) FILTER (WHERE NOT bot)"
                    + " FROM clicks GROUP BY link_id, day ORDER BY slug, link_id, day",
                    row -> sink.accept(List.of(row[0], row[1], row[2].toString(), number(row[3]), number(row[4]), number(row[5]))));
            return null;
        });
    }

    /** Every click once, in time order; the client IP was never stored, the visitor hash is the daily keyed one. */
    public void clickRows(String workspaceId, LocalDate from, LocalDate to, Consumer<List<?>> sink) {
        engine.query(slice(workspaceId, from, to), sql -> {
            sql.stream("SELECT CAST(click_id AS VARCHAR), ts, slug, link_id, method, status, user_agent, referrer,"
                    + " accept_language, bot, bot_name, country, referrer_host, device, os, browser, language, visitor_hash"
                    + " FROM clicks ORDER BY ts, click_id", row -> {
                        Object[] out = Arrays.copyOf(row, row.length);
                        out[1] = ((Timestamp) row[1]).toLocalDateTime().toInstant(ZoneOffset.UTC).toString();
                        out[row.length - 1] = row[row.length - 1] == null ? null : HexFormat.of().formatHex(bytes(row[row.length - 1]));
                        sink.accept(Arrays.asList(out));
                    });
            return null;
        });
    }

    private ArchiveSlice slice(String workspaceId, LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return slicer.slice(workspaceId, Optional.empty(), start, end);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static byte[] bytes(Object blob) {
        try {
            return blob instanceof byte[] b ? b : ((java.sql.Blob) blob).getBytes(1, (int) ((java.sql.Blob) blob).length());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
