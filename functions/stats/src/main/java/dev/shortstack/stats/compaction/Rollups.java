package dev.shortstack.stats.compaction;

import dev.shortstack.shared.stats.Dimension;
import dev.shortstack.stats.query.DimensionColumns;
import java.util.ArrayList;
import java.util.List;

/**
 * A compacted day's clicks counted per link: human and bot clicks per quarter hour, human clicks
 * per value of each dimension (bots per name), and the day's distinct human visitors. A link's
 * stats over whole UTC days read these few rows instead of every click, however viral the link.
 * Columns: {@code link_id, grain} ({@code quarter}, a dimension's wire name, or {@code unique})
 * {@code , quarter, value, human, bot}.
 */
public final class Rollups {
    public static final String QUARTER = "quarter";
    public static final String UNIQUE = "unique";

    private Rollups() {
    }

    /** The rollup rows of the clicks that {@code source} (a table and its condition) selects, sorted by link. */
    public static String select(String source) {
        List<String> parts = new ArrayList<>();
        parts.add("SELECT link_id, '" + QUARTER + "' AS grain, time_bucket(INTERVAL 15 MINUTE, ts) AS quarter, NULL::VARCHAR AS value,"
                + " count(*) FILTER (WHERE NOT bot) AS human, count(*) FILTER (WHERE bot) AS bot FROM " + source
                + " GROUP BY link_id, quarter");
        for (Dimension dimension : Dimension.values()) {
            String column = DimensionColumns.column(dimension);
            parts.add("SELECT link_id, '" + dimension.wireName() + "', NULL::TIMESTAMP, " + column + ","
                    + " count(*) FILTER (WHERE NOT bot), count(*) FILTER (WHERE bot) FROM " + source
                    + " AND " + column + " IS NOT NULL GROUP BY link_id, " + column);
        }
        parts.add("SELECT link_id, '" + UNIQUE + "', NULL::TIMESTAMP, NULL::VARCHAR,"
                + " count(DISTINCT visitor_hash) FILTER (WHERE NOT bot), 0 FROM " + source + " GROUP BY link_id");
        return "SELECT * FROM (" + String.join(" UNION ALL ", parts) + ") ORDER BY link_id, grain, quarter, value";
    }
}
