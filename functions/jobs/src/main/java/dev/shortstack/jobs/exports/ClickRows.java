package dev.shortstack.jobs.exports;

import dev.shortstack.links.jobs.Job;
import dev.shortstack.stats.query.ClickExports;
import java.util.List;
import java.util.function.Consumer;

/**
 * The workspace's clicks from the archive, each once (the archive may hold a redelivered batch
 * twice), with how each was classified. The client IP was never stored; {@code visitorHash} is the
 * daily keyed hash the analytics count unique visitors with.
 */
final class ClickRows implements ExportSource {
    private final ClickExports exports;

    ClickRows(ClickExports exports) {
        this.exports = exports;
    }

    @Override
    public List<String> columns() {
        return ClickExports.CLICK_COLUMNS;
    }

    @Override
    public void rows(Job job, Consumer<List<?>> sink) {
        exports.clickRows(job.workspaceId(), job.from(), job.to(), sink);
    }
}
