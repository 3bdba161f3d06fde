package dev.shortstack.jobs.imports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.jobs.imports.ReportLine.Outcome;
import dev.shortstack.links.auth.Caller;
import dev.shortstack.links.auth.Role;
import dev.shortstack.links.jobs.FileChangedException;
import dev.shortstack.links.jobs.ImportFormat;
import dev.shortstack.links.jobs.InvalidSlugPolicy;
import dev.shortstack.links.jobs.Job;
import dev.shortstack.links.jobs.JobFiles;
import dev.shortstack.links.jobs.JobMessage;
import dev.shortstack.links.jobs.JobStatus;
import dev.shortstack.links.jobs.JobStore;
import dev.shortstack.links.links.LinkRequestParser;
import dev.shortstack.links.links.LinkService;
import dev.shortstack.links.links.NewLink;
import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.ProblemType;
import dev.shortstack.shared.link.Link;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports one chunk: every row through the links API's own parser and link creation, rows in
 * parallel. A bad row is a report line, never an abort; so is a row created under a new random slug
 * (the job's {@link InvalidSlugPolicy} {@code random}) or with something adapted to Shortstack's
 * rules. Each row's link is tied to its job and line (and a new slug is derived from them), so a
 * chunk processed twice (a crash, a timeout, a redelivery) finds its own links; the chunk is then
 * counted once, by the ledger.
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

        InvalidSlugPolicy onInvalidSlug = job.onInvalidSlug() == null ? InvalidSlugPolicy.REJECT : job.onInvalidSlug();
        List<CompletableFuture<RowOutcome>> outcomes = new ArrayList<>(records.size());
        for (RawRecord record : records) {
            outcomes.add(CompletableFuture.supplyAsync(() -> importRow(caller, mapper, record, jobId, now, onInvalidSlug), rowWorkers));
        }
        List<ReportLine> report = new ArrayList<>();
        Set<String> warnings = new TreeSet<>();
        long succeeded = 0;
        long renamed = 0;
        long failed = 0;
        for (CompletableFuture<RowOutcome> outcome : outcomes) {
            RowOutcome row = join(outcome);
            warnings.addAll(row.warnings());
            row.line().ifPresent(report::add);
            if (row.refused()) {
                failed++;
            } else {
                succeeded++;
                renamed += row.renamed() ? 1 : 0;
            }
        }
        report.sort(Comparator.comparingLong(ReportLine::line));
        // Written before the chunk is counted; an earlier delivery's part is replaced (or removed) by this one.
        if (report.isEmpty()) {
            files.delete(ErrorReport.partKey(jobId, message.chunk()));
        } else {
            files.put(ErrorReport.partKey(jobId, message.chunk()), ErrorReport.rows(report), "text/csv; charset=utf-8");
        }
        if (!store.completeChunk(jobId, message.chunk(), succeeded, renamed, failed, List.copyOf(warnings), clock.instant())) {
            LOG.info("Chunk {} of {} was counted by another delivery meanwhile", message.chunk(), jobId);
        }
        finisher.finishIfComplete(jobId);
    }

    private RowOutcome importRow(Caller caller, RowMapper mapper, RawRecord record, String jobId, Instant now,
                                 InvalidSlugPolicy onInvalidSlug) {
        MappedRow row;
        try {
            row = mapper.map(record);
        } catch (RowProblem problem) {
            return RowOutcome.refused(record, problem.getMessage());
        }
        String origin = jobId + "#" + record.line();
        String slug = row.body().path("slug").isTextual() ? row.body().get("slug").asText() : null;
        if (onInvalidSlug == InvalidSlugPolicy.RANDOM && slug != null) {
            // A delivery that renamed this row and then died: keep that link, even if the row's own slug is free now.
            String host = row.body().path("domain").isTextual() ? row.body().get("domain").asText() : null;
            Optional<Link> earlier;
            try {
                earlier = links.importedUnderDerivedSlug(caller, host, origin);
            } catch (ApiProblem problem) {
                return RowOutcome.refused(record, reason(problem));
            }
            if (earlier.isPresent()) {
                return RowOutcome.renamed(record, row, "slug '" + slug + "' → '" + earlier.get().slug()
                        + "' (on an earlier delivery of this part of the file)");
            }
        }
        NewLink link;
        try {
            link = parser.parseCreate(row.body(), now);
        } catch (ApiProblem problem) {
            if (onInvalidSlug != InvalidSlugPolicy.RANDOM || slug == null || !onlyTheSlugIsWrong(problem)) {
                return RowOutcome.refused(record, reason(problem));
            }
            return createUnderANewSlug(caller, row, record, origin, now, slug, reason(problem));
        }
        try {
            links.createImported(caller, link, row.disabled(), origin);
        } catch (ApiProblem problem) {
            if (onInvalidSlug == InvalidSlugPolicy.RANDOM && problem.type() == ProblemType.SLUG_TAKEN) {
                return createUnderANewSlug(caller, row, record, origin, now, slug, problem.getMessage());
            }
            return RowOutcome.refused(record, reason(problem));
        }
        return RowOutcome.created(record, row);
    }

    /** The row without its slug: the link gets one derived from the job and line, so a redelivery finds it. */
    private RowOutcome createUnderANewSlug(Caller caller, MappedRow row, RawRecord record, String origin, Instant now,
                                           String oldSlug, String why) {
        ObjectNode body = row.body().deepCopy();
        body.remove("slug");
        try {
            Link created = links.createImported(caller, parser.parseCreate(body, now), row.disabled(), origin);
            return RowOutcome.renamed(record, row, "slug '" + oldSlug + "' → '" + created.slug() + "' (" + why + ")");
        } catch (ApiProblem problem) {
            return RowOutcome.refused(record, reason(problem));
        }
    }

    private static boolean onlyTheSlugIsWrong(ApiProblem problem) {
        return !problem.errors().isEmpty() && problem.errors().stream().allMatch(e -> e.field().equals("slug"));
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

    /** What became of a row: its report line if it has one, and the job-level warnings it raised. */
    private record RowOutcome(Optional<ReportLine> line, boolean refused, boolean renamed, List<String> warnings) {
        static RowOutcome refused(RawRecord record, String reason) {
            return new RowOutcome(Optional.of(new ReportLine(record.line(), record.text(), Outcome.REFUSED, reason)), true, false,
                    List.of());
        }

        static RowOutcome renamed(RawRecord record, MappedRow row, String rename) {
            String detail = String.join("; ", Stream.concat(Stream.of(rename), row.changes().stream()).toList());
            return new RowOutcome(Optional.of(new ReportLine(record.line(), record.text(), Outcome.RENAMED, detail)), false, true,
                    row.warnings());
        }

        static RowOutcome created(RawRecord record, MappedRow row) {
            Optional<ReportLine> line = row.changes().isEmpty() ? Optional.empty()
                    : Optional.of(new ReportLine(record.line(), record.text(), Outcome.CHANGED, String.join("; ", row.changes())));
            return new RowOutcome(line, false, false, row.warnings());
        }
    }
}
