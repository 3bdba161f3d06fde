package dev.shortstack.jobs.exports;

import dev.shortstack.links.jobs.ExportFormat;
import dev.shortstack.links.jobs.Job;
import dev.shortstack.links.jobs.JobFiles;
import dev.shortstack.links.jobs.JobKind;
import dev.shortstack.links.jobs.JobStore;
import dev.shortstack.links.links.LinkStore;
import dev.shortstack.shared.link.Link;
import dev.shortstack.shared.link.LinkItems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a workspace's links (newest first, optionally only those created in a range of UTC
 * days) to the job files bucket as one object, uploaded in parts as it grows. A retried export
 * starts over and replaces the object; nothing is visible until it is complete.
 */
public final class LinkExporter {
    static final int PAGE = 1_000;
    private static final int PROGRESS_EVERY = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(LinkExporter.class);

    private final JobStore store;
    private final JobFiles files;
    private final LinkStore links;
    private final Clock clock;

    public LinkExporter(JobStore store, JobFiles files, LinkStore links, Clock clock) {
        this.store = store;
        this.files = files;
        this.links = links;
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
        String key = resultKey(jobId, format);
        LinkRowWriter writer = new LinkRowWriter(format);
        Instant from = job.from() == null ? null : job.from().atStartOfDay(ZoneOffset.UTC).toInstant();
        // Listing is newest first and strictly before a position: start just after the last day.
        String after = job.to() == null ? null
                : LinkItems.createdKey(job.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), "");
        long rows = 0;
        JobFiles.WriteStream out = files.write(key, format.contentType());
        try {
            out.write(writer.header().getBytes(StandardCharsets.UTF_8));
            boolean more = true;
            while (more) {
                List<Link> page = links.listByWorkspace(job.workspaceId(), null, after, PAGE);
                for (Link link : page) {
                    if (from != null && link.createdAt().isBefore(from)) {
                        more = false;
                        break;
                    }
                    out.write(writer.row(link).getBytes(StandardCharsets.UTF_8));
                    if (++rows % PROGRESS_EVERY == 0) {
                        store.exportProgress(jobId, rows);
                    }
                }
                if (page.size() < PAGE) {
                    more = false;
                } else {
                    Link last = page.get(page.size() - 1);
                    after = LinkItems.createdKey(last.createdAt(), last.slug());
                }
            }
            out.close();
        } catch (IOException | RuntimeException e) {
            out.abort();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        store.finishExport(jobId, key, rows, out.bytesWritten(), clock.instant());
        LOG.info("Export {} wrote {} links ({} bytes)", jobId, rows, out.bytesWritten());
    }

    public static String resultKey(String jobId, ExportFormat format) {
        return "jobs/" + jobId + "/links." + format.wireName();
    }
}
