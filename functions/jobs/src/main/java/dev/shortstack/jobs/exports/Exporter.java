package dev.shortstack.jobs.exports;

import dev.shortstack.links.jobs.ExportFormat;
import dev.shortstack.links.jobs.ExportType;
import dev.shortstack.links.jobs.Job;
import dev.shortstack.links.jobs.JobFiles;
import dev.shortstack.links.jobs.JobKind;
import dev.shortstack.links.jobs.JobStore;
import dev.shortstack.links.jobs.JobStatus;
import dev.shortstack.links.jobs.JobWebhookEvents;
import dev.shortstack.shared.webhooks.UnqueuedWebhookEvents;
import dev.shortstack.shared.webhooks.WebhookEvents;
import java.util.List;
import java.time.Instant;
import dev.shortstack.links.links.LinkStore;
import dev.shortstack.stats.query.ClickExports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an export: the rows of its type, written to the job files bucket as one object uploaded
 * in parts as it grows, with the row count on the job as it goes. A retried export starts over
 * and replaces the object; nothing is visible until it is complete.
 */
public final class Exporter {
    private static final int PROGRESS_EVERY = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(Exporter.class);

    private final JobStore store;
    private final JobFiles files;
    private final Map<ExportType, ExportSource> sources;
    private final Clock clock;

    private final WebhookEvents webhooks;

    public Exporter(JobStore store, JobFiles files, LinkStore links, ClickExports clicks, Clock clock, WebhookEvents webhooks) {
        this.webhooks = webhooks;
        this.store = store;
        this.files = files;
        this.sources = Map.of(
                ExportType.LINKS, new LinkRows(links),
                ExportType.STATS, new StatsRows(clicks),
                ExportType.CLICKS, new ClickRows(clicks));
        this.clock = clock;
    }

    public void export(String jobId) {
        Job job = store.find(jobId).orElse(null);
        if (job == null || job.kind() != JobKind.EXPORT || job.status().isFinal()) {
            LOG.info("Export {} skipped: it is {}", jobId, job == null ? "gone" : job.status().wireName());
            return;
        }
        if (!store.startExport(jobId, clock.instant())) {
            return;
        }
        ExportFormat format = ExportFormat.fromWire(job.format()).orElseThrow();
        ExportType type = ExportType.fromWire(job.exportType()).orElseThrow();
        ExportSource source = sources.get(type);
        RowFormat rows = new RowFormat(format, source.columns());
        String key = resultKey(jobId, type, format);
        AtomicLong written = new AtomicLong();
        long bytes = files.write(key, format.contentType(), out -> {
            out.write(rows.header().getBytes(StandardCharsets.UTF_8));
            source.rows(job, row -> {
                try {
                    out.write(rows.row(row).getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (written.incrementAndGet() % PROGRESS_EVERY == 0) {
                    store.exportProgress(jobId, written.get());
                }
            });
        });
        Instant now = clock.instant();
        // Told only once the export has ended (not if it was cancelled meanwhile); a refused event is logged whole.
        if (store.finishExport(jobId, key, written.get(), bytes, now)) {
            UnqueuedWebhookEvents.raiseOrLog(webhooks, List.of(JobWebhookEvents.finished(job, JobStatus.SUCCEEDED, null, written.get(), now)));
        }
        LOG.info("Export {} wrote {} {} rows ({} bytes)", jobId, written.get(), type.wireName(), bytes);
    }

    public static String resultKey(String jobId, ExportType type, ExportFormat format) {
        return "jobs/" + jobId + "/" + type.wireName() + "." + format.wireName();
    }
}
