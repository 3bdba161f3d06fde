package dev.shortstack.jobs.imports;

import dev.shortstack.links.jobs.Job;
import dev.shortstack.links.jobs.JobFiles;
import dev.shortstack.links.jobs.JobStatus;
import dev.shortstack.links.jobs.JobStore;
import dev.shortstack.links.jobs.JobWebhookEvents;
import dev.shortstack.shared.webhooks.UnqueuedWebhookEvents;
import dev.shortstack.shared.webhooks.WebhookEvents;
import java.time.Instant;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * Ends an import once all its chunks are counted: joins the import report's parts and sets the
 * final status. Whoever counts the last chunk gets here; doing it twice writes the same report
 * and the second status change is refused.
 */
public final class ImportFinisher {
    private final JobStore store;
    private final JobFiles files;
    private final Clock clock;
    private final WebhookEvents webhooks;

    public ImportFinisher(JobStore store, JobFiles files, Clock clock, WebhookEvents webhooks) {
        this.store = store;
        this.files = files;
        this.clock = clock;
        this.webhooks = webhooks;
    }

    public void finishIfComplete(String jobId) {
        Job job = store.find(jobId).orElse(null);
        if (job == null || job.status() != JobStatus.RUNNING || job.chunksTotal() == 0 || job.chunksDone() < job.chunksTotal()) {
            return;
        }
        // Renamed and changed rows are in the report too, so it is written whenever a chunk wrote a part.
        List<String> parts = files.list(ErrorReport.partsPrefix(jobId));
        String errorKey = parts.isEmpty() ? null : writeReport(jobId, parts);
        JobStatus status = job.rowsFailed() == 0 ? JobStatus.SUCCEEDED
                : job.rowsSucceeded() == 0 ? JobStatus.FAILED : JobStatus.PARTIALLY_SUCCEEDED;
        String error = status == JobStatus.FAILED
                ? "None of the " + job.rowsFailed() + " rows could be imported; the error report says why." : null;
        Instant now = clock.instant();
        // Told only once the job has ended (a cancelled job is not told as finished); a refused event is logged whole.
        if (store.finishImport(jobId, status, errorKey, error, now)) {
            UnqueuedWebhookEvents.raiseOrLog(webhooks, List.of(JobWebhookEvents.finished(job, status, error, 0, now)));
        }
    }

    private String writeReport(String jobId, List<String> parts) {
        String key = ErrorReport.reportKey(jobId);
        files.write(key, "text/csv; charset=utf-8", out -> {
            out.write(ErrorReport.HEADER.getBytes(StandardCharsets.UTF_8));
            for (String part : parts) {
                try (InputStream in = files.read(part)) {
                    in.transferTo(out);
                }
            }
        });
        return key;
    }
}
