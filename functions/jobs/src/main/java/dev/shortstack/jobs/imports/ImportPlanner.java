package dev.shortstack.jobs.imports;

import dev.shortstack.links.jobs.ImportFormat;
import dev.shortstack.links.jobs.ImportLimits;
import dev.shortstack.links.jobs.Job;
import dev.shortstack.links.jobs.JobFiles;
import dev.shortstack.links.jobs.JobKind;
import dev.shortstack.links.jobs.JobMessage;
import dev.shortstack.links.jobs.JobQueue;
import dev.shortstack.links.jobs.JobStatus;
import dev.shortstack.links.jobs.JobStore;
import dev.shortstack.links.jobs.StoredFile;
import dev.shortstack.shared.text.Utf8;
import java.io.IOException;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an uploaded import once, checks it is the declared format and within the limits, and
 * cuts it into chunks of whole records (byte ranges, so a worker reads only its own part). Only
 * then is the job running and are the chunks queued: a file refused here created no link.
 * Planning again (the upload notification and the start call both ask) sends the same chunks,
 * which the chunk ledger then counts once.
 */
public final class ImportPlanner {
    private static final Logger LOG = LoggerFactory.getLogger(ImportPlanner.class);

    private final JobStore store;
    private final JobQueue queue;
    private final JobFiles files;
    private final ImportLimits limits;
    private final Clock clock;

    public ImportPlanner(JobStore store, JobQueue queue, JobFiles files, ImportLimits limits, Clock clock) {
        this.store = store;
        this.queue = queue;
        this.files = files;
        this.limits = limits;
        this.clock = clock;
    }

    public void plan(String jobId) {
        Job job = store.find(jobId).orElse(null);
        if (job == null || job.kind() != JobKind.IMPORT) {
            LOG.warn("No import job {} to plan; ignored", jobId);
            return;
        }
        if (job.status().isFinal() || (job.status() == JobStatus.RUNNING && job.chunksQueued())) {
            LOG.info("Import {} is {} and planned; nothing to do", jobId, job.status().wireName());
            return;
        }
        Plan plan;
        try {
            plan = read(job);
        } catch (FileProblem problem) {
            LOG.info("Import {} refused: {}", jobId, problem.getMessage());
            store.fail(jobId, problem.getMessage(), clock.instant());
            return;
        }
        if (!store.startImport(jobId, plan.etag(), plan.chunks().size(), plan.rows(), plan.header(), plan.warnings(),
                clock.instant())) {
            LOG.info("Import {} ended while it was planned; no chunk queued", jobId);
            return;
        }
        queue.send(plan.chunks());
        store.markChunksQueued(jobId);
        LOG.info("Import {} planned: {} rows in {} chunks", jobId, plan.rows(), plan.chunks().size());
    }

    private Plan read(Job job) {
        ImportFormat format = ImportFormat.fromWire(job.format()).orElseThrow();
        StoredFile file = files.stat(job.sourceKey())
                .orElseThrow(() -> new FileProblem("No file was uploaded for this import."));
        if (file.size() > limits.maxBytes()) {
            throw new FileProblem("The file is " + file.size() + " bytes; imports may be at most " + limits.maxBytes()
                    + " bytes. Split it into several imports.");
        }
        if (file.size() == 0) {
            throw new FileProblem("The file is empty.");
        }
        try (PushbackInputStream in = new PushbackInputStream(files.read(job.sourceKey(), file.etag()), 3)) {
            long offset = skipByteOrderMark(in);
            RecordReader reader = new RecordReader(in, format.isCsv(), offset, 1);
            List<String> header = List.of();
            List<String> warnings = List.of();
            RawRecord first = reader.next();
            if (first == null) {
                throw new FileProblem("The file is empty.");
            }
            if (format.isCsv()) {
                header = header(first);
                warnings = ColumnMapping.of(format, header).warnings();
                first = reader.next();
                if (first == null) {
                    throw new FileProblem("The file has a header but no rows.");
                }
            } else if (!first.text().stripLeading().startsWith("{")) {
                throw new FileProblem("This is not a JSON Lines file: line " + first.line()
                        + " does not start with '{'. Check the declared format.");
            }
            return chunks(job.jobId(), file.etag(), reader, first, header, warnings);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading " + job.sourceKey() + " failed", e);
        }
    }

    private Plan chunks(String jobId, String etag, RecordReader reader, RawRecord first, List<String> header, List<String> warnings)
            throws IOException {
        List<JobMessage> chunks = new ArrayList<>();
        long rows = 0;
        RawRecord chunkFirst = null;
        RawRecord last = null;
        for (RawRecord record = first; record != null; record = reader.next()) {
            rows++;
            if (rows > limits.maxRows()) {
                throw new FileProblem("The file has more than " + limits.maxRows() + " rows, the most an import may have."
                        + " Split it into several imports.");
            }
            if (chunkFirst == null) {
                chunkFirst = record;
            }
            last = record;
            if (rows % limits.chunkRows() == 0) {
                chunks.add(JobMessage.chunk(jobId, chunks.size(), chunkFirst.start(), last.end(), chunkFirst.line()));
                chunkFirst = null;
            }
        }
        if (chunkFirst != null) {
            chunks.add(JobMessage.chunk(jobId, chunks.size(), chunkFirst.start(), last.end(), chunkFirst.line()));
        }
        return new Plan(etag, rows, chunks, header, warnings);
    }

    private static List<String> header(RawRecord record) {
        if (record.problem() != null) {
            throw new FileProblem("The header line is not valid CSV: " + record.problem() + ".");
        }
        List<String> names = new ArrayList<>();
        for (byte[] field : record.fields()) {
            names.add(Utf8.decodeStrict(field)
                    .orElseThrow(() -> new FileProblem("The header line is not valid UTF-8; save the file as UTF-8."))
                    .trim());
        }
        return names;
    }

    /** A UTF-8 byte order mark is skipped; UTF-16 (Excel's "Unicode text") is refused by name. */
    private static long skipByteOrderMark(PushbackInputStream in) throws IOException {
        byte[] head = in.readNBytes(3);
        int b0 = head.length > 0 ? head[0] & 0xff : -1;
        int b1 = head.length > 1 ? head[1] & 0xff : -1;
        if (b0 == 0xEF && b1 == 0xBB && head.length == 3 && (head[2] & 0xff) == 0xBF) {
            return 3;
        }
        if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE)) {
            throw new FileProblem("The file is UTF-16; save it as UTF-8 (in Excel: CSV UTF-8).");
        }
        in.unread(head);
        return 0;
    }

    /** Chunk offsets are whole records, so every worker starts at a record boundary. */
    private record Plan(String etag, long rows, List<JobMessage> chunks, List<String> header, List<String> warnings) {
    }
}
