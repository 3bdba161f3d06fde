package dev.shortstack.jobs.exports;

import dev.shortstack.links.jobs.Job;
import dev.shortstack.stats.query.ClickExports;
import java.util.List;
import java.util.function.Consumer;

/**
 * One row per link and UTC day with clicks, computed from the click archive as the stats API
 * computes them; links by link id, so a slug deleted and created again shows as two links.
 */
final class StatsRows implements ExportSource {
    private final ClickExports exports;

    StatsRows(ClickExports exports) {
        this.exports = exports;
    }

    @Override
    public List<String> columns() {
        return ClickExports.STATS_COLUMNS;
    }

    @Override
    public void rows(Job job, Consumer<List<?>> sink) {
        exports.statsRows(job.workspaceId(), job.from(), job.to(), sink);
    }
}
