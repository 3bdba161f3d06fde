package dev.shortstack.links.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A batch job and its progress.
 *
 * @param format        an {@link ImportFormat} or {@link ExportFormat} wire name
 * @param exportType    what an export contains ({@code links}); null for imports
 * @param from          an export's first UTC day (links created from then on), or null
 * @param to            an export's last UTC day, or null
 * @param rowsRenamed   an import's rows created under a new random slug (counted in rowsSucceeded too)
 * @param onInvalidSlug an import's choice for rows whose slug it cannot take; null for exports
 * @param columns       an import's header as the planner read it (CSV formats), for its chunks
 * @param sourceKey     where an import's file is uploaded; null for exports
 * @param sourceEtag    the version of the file the plan was made from: chunks read only that one
 * @param resultKey     an export's file once written
 * @param errorKey      an import's error report once written (only when rows failed)
 * @param error         why the whole job failed; null otherwise
 */
public record Job(
        String jobId,
        String workspaceId,
        JobKind kind,
        JobStatus status,
        String format,
        String exportType,
        LocalDate from,
        LocalDate to,
        Instant createdAt,
        String createdBy,
        Instant startedAt,
        Instant finishedAt,
        long rowsTotal,
        long rowsSucceeded,
        long rowsFailed,
        long rowsRenamed,
        InvalidSlugPolicy onInvalidSlug,
        int chunksTotal,
        int chunksDone,
        boolean chunksQueued,
        List<String> columns,
        List<String> defaultTags,
        List<String> warnings,
        String error,
        String sourceKey,
        String sourceEtag,
        String resultKey,
        String errorKey,
        long resultBytes) {

    public Job {
        columns = List.copyOf(columns);
        defaultTags = List.copyOf(defaultTags);
        warnings = List.copyOf(warnings);
    }

    /** A new import, before its file is read. */
    public static Job newImport(String jobId, String workspaceId, ImportRequest request, Instant now, String createdBy,
                                String sourceKey) {
        return new Job(jobId, workspaceId, JobKind.IMPORT, JobStatus.QUEUED, request.format().wireName(), null, null, null,
                now, createdBy, null, null, 0, 0, 0, 0, request.onInvalidSlug(), 0, 0, false, List.of(), request.defaultTags(),
                List.of(), null, sourceKey,
                null, null, null, 0);
    }

    public static Job newExport(String jobId, String workspaceId, ExportRequest request, Instant now, String createdBy) {
        return new Job(jobId, workspaceId, JobKind.EXPORT, JobStatus.QUEUED, request.format().wireName(),
                request.type().wireName(), request.from(), request.to(), now, createdBy, null, null,
                0, 0, 0, 0, null, 0, 0, false, List.of(), List.of(), List.of(), null, null, null, null, null, 0);
    }

    public long rowsDone() {
        return rowsSucceeded + rowsFailed;
    }

    /** Share of rows processed; exports and unplanned imports know no total and report none. */
    public OptionalDouble percent() {
        if (status.isFinal() && status != JobStatus.CANCELLED && status != JobStatus.FAILED) {
            return OptionalDouble.of(100.0);
        }
        if (rowsTotal <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.min(100.0, Math.floor(rowsDone() * 1000.0 / rowsTotal) / 10.0));
    }

    /** Rows processed per second since the job started, up to its end (or now). */
    public OptionalDouble rowsPerSecond(Instant now) {
        if (startedAt == null || rowsDone() == 0) {
            return OptionalDouble.empty();
        }
        Instant end = finishedAt != null ? finishedAt : now;
        double seconds = Math.max(0.001, Duration.between(startedAt, end).toMillis() / 1000.0);
        return OptionalDouble.of(rowsDone() / seconds);
    }

    /** Seconds until a running import is done at the rate so far. */
    public OptionalLong etaSeconds(Instant now) {
        OptionalDouble rate = rowsPerSecond(now);
        if (status != JobStatus.RUNNING || rowsTotal <= 0 || rate.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of((long) Math.ceil(Math.max(0, rowsTotal - rowsDone()) / rate.getAsDouble()));
    }
}
