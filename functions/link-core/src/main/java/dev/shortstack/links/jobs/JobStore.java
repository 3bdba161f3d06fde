package dev.shortstack.links.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The jobs table. Every transition is conditional, so a redelivered message cannot undo a later one. */
public interface JobStore {

    void create(Job job);

    Optional<Job> find(String jobId);

    /** A workspace's jobs, newest first; {@code beforeCreatedKey} continues a page. */
    List<Job> listByWorkspace(String workspaceId, String beforeCreatedKey, int limit);

    /**
     * Records an import's plan and moves it to running. Planning the same file again (a
     * redelivered message) writes the same plan.
     *
     * @return false if the job is no longer queued or running (cancelled, failed): plan nothing
     */
    boolean startImport(String jobId, String sourceEtag, int chunksTotal, long rowsTotal, List<String> columns,
                        List<String> warnings, Instant now);

    /** Notes that every chunk message of the plan was sent, so a repeated plan request has nothing to do. */
    void markChunksQueued(String jobId);

    /** Whether a chunk has been counted already. */
    boolean chunkDone(String jobId, int chunk);

    /** Moves a queued export to running; @return false if it is no longer queued or running. */
    boolean startExport(String jobId, Instant now);

    /**
     * Counts one finished import chunk, once: the chunk's ledger item and the job's counters are
     * written in one transaction.
     *
     * @param succeeded rows that became links, {@code renamed} of them under a new random slug
     * @return false if this chunk was counted before (nothing is written then)
     */
    boolean completeChunk(String jobId, int chunk, long succeeded, long renamed, long failed, List<String> warnings, Instant now);

    /** An export's progress: rows written so far (set, not added, so a retried export does not double it). */
    void exportProgress(String jobId, long rows);

    /**
     * Ends a running import once every chunk is counted.
     *
     * @param errorKey the error report, or null when no row failed
     * @param error    why no row could be imported, or null
     * @return false if the job had ended already
     */
    boolean finishImport(String jobId, JobStatus status, String errorKey, String error, Instant now);

    /** Ends a running export with its file; @return false if the job had ended already. */
    boolean finishExport(String jobId, String resultKey, long rows, long bytes, Instant now);

    /** Fails a queued or running job with a reason; @return false if it had ended already. */
    boolean fail(String jobId, String error, Instant now);

    /** Cancels a queued or running job; @return the cancelled job, or empty if it had ended already. */
    Optional<Job> cancel(String jobId, Instant now);
}
