package dev.shortstack.jobs.imports;

import dev.shortstack.links.auth.Caller;
import dev.shortstack.links.auth.Role;
import dev.shortstack.links.jobs.FileChangedException;
import dev.shortstack.links.jobs.ImportFormat;
import dev.shortstack.links.jobs.Job;
import dev.shortstack.links.jobs.JobFiles;
import dev.shortstack.links.jobs.JobMessage;
import dev.shortstack.links.jobs.JobStatus;
import dev.shortstack.links.jobs.JobStore;
import dev.shortstack.links.links.LinkRequestParser;
import dev.shortstack.links.links.LinkService;
import dev.shortstack.links.links.NewLink;
import dev.shortstack.shared.http.ApiProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports one chunk: every row through the links API's own parser and link creation, rows in
 * parallel. A bad row is an error report line, never an abort. Each row's link is tied to its
 * job and line, so a chunk processed twice (a crash, a timeout, a redelivery) finds its own
 * links; the chunk is then counted once, by the ledger.
 */
public final class ChunkImporter {
    private static final Logger LOG = LoggerFactory.getLogger(ChunkImporter.class);

    private final JobStore store;
    private final JobFiles files;
    private final LinkRequestParser parser;
    private final LinkService links;
    private final ImportFinisher finisher;
    private final ExecutorService rowWorkers;
    private final Clock clock;

    public ChunkImporter(JobStore store, JobFiles files, LinkRequestParser parser, LinkService links, ImportFinisher finisher,
                         ExecutorService rowWorkers, Clock clock) {
        this.store = store;
        this.files = files;
        this.parser = parser;
        this.links = links;
        this.finisher = finisher;
        this.rowWorkers = rowWorkers;
        this.clock = clock;
    }

    public void importChunk(JobMessage message) {
        String jobId = message.jobId();
        Job job = store.find(jobId).orElse(null);
        if (job == null || job.status() != JobStatus.RUNNING) {
            LOG.info("Chunk {} of {} skipped: the job is {}", message.chunk(), jobId, job == null ? "gone" : job.status().wireName());
            return;
        }
        if (store.chunkDone(jobId, message.chunk())) {
            LOG.info("Chunk {} of {} was imported before (a redelivery)", message.chunk(), jobId);
            finisher.finishIfComplete(jobId);
            return;
        }
        ImportFormat format = ImportFormat.fromWire(job.format()).orElseThrow();
        RowMapper mapper = new RowMapper(format.isCsv() ? ColumnMapping.of(format, job.columns()) : null, job.defaultTags());
        Caller caller = new Caller(job.createdBy(), job.workspaceId(), Role.WRITE);
        List<RawRecord> records;
        try {
            records = read(job, message);
        } catch (FileChangedException replaced) {
            // The plan's byte ranges belong to the file as it was; reading the new one would cut records apart.
            store.fail(jobId, "The file was replaced by a new upload while it was being imported; rows of the first file"
                    + " imported so far stay. Start a new import for the new file.", clock.instant());
            return;
        }
        Instant now = clock.instant();

        List<CompletableFuture<RowOutcome>> outcomes = new ArrayList<>(records.size());
        for (RawRecord record : records) {
            outcomes.add(CompletableFuture.supplyAsync(() -> importRow(caller, mapper, record, jobId, now), rowWorkers));
        }
        List<RowError> errors = new ArrayList<>();
        Set<String> warnings = new TreeSet<>();
        long succeeded = 0;
        for (CompletableFuture<RowOutcome> outcome : outcomes) {
            RowOutcome row = join(outcome);
            warnings.addAll(row.warnings());
            if (row.error() == null) {
                succeeded++;
            } else {
                errors.add(row.error());
            }
        }
        errors.sort(Comparator.comparingLong(RowError::line));
        // Written before the chunk is counted; an earlier delivery's part is replaced (or removed) by this one.
        if (errors.isEmpty()) {
            files.delete(ErrorReport.partKey(jobId, message.chunk()));
        } else {
            files.put(ErrorReport.partKey(jobId, message.chunk()), ErrorReport.rows(errors), "text/csv; charset=utf-8");
        }
        if (!store.completeChunk(jobId, message.chunk(), succeeded, errors.size(), List.copyOf(warnings), clock.instant())) {
            LOG.info("Chunk {} of {} was counted by another delivery meanwhile", message.chunk(), jobId);
        }
        finisher.finishIfComplete(jobId);
    }

    private RowOutcome importRow(Caller caller, RowMapper mapper, RawRecord record, String jobId, Instant now) {
        MappedRow row;
        try {
            row = mapper.map(record);
            NewLink link = parser.parseCreate(row.body(), now);
            links.createImported(caller, link, row.disabled(), jobId + "#" + record.line());
        } catch (RowProblem problem) {
            return RowOutcome.failed(record, problem.getMessage());
        } catch (ApiProblem problem) {
            return RowOutcome.failed(record, reason(problem));
        }
        return new RowOutcome(null, row.warnings());
    }

    /** The API's own wording: each invalid field with its message, or the problem's detail. */
    private static String reason(ApiProblem problem) {
        if (problem.errors().isEmpty()) {
            return problem.getMessage();
        }
        return problem.errors().stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
    }

    private List<RawRecord> read(Job job, JobMessage message) {
        boolean csv = ImportFormat.fromWire(job.format()).orElseThrow().isCsv();
        List<RawRecord> records = new ArrayList<>();
        try (InputStream in = files.read(job.sourceKey(), job.sourceEtag(), message.start(), message.end())) {
            RecordReader reader = new RecordReader(in, csv, message.start(), message.firstLine());
            for (RawRecord record = reader.next(); record != null; record = reader.next()) {
                records.add(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading chunk " + message.chunk() + " of " + job.jobId() + " failed", e);
        }
        return records;
    }

    /** A row's failure to be stored (DynamoDB down) fails the chunk, which comes back; a row's own fault does not. */
    private static RowOutcome join(CompletableFuture<RowOutcome> outcome) {
        try {
            return outcome.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    private record RowOutcome(RowError error, List<String> warnings) {
        static RowOutcome failed(RawRecord record, String reason) {
            return new RowOutcome(new RowError(record.line(), record.text(), reason), List.of());
        }
    }
}
