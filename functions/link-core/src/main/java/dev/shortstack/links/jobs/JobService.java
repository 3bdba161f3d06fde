package dev.shortstack.links.jobs;

import dev.shortstack.links.auth.Caller;
import dev.shortstack.shared.http.ApiProblem;
import dev.shortstack.shared.http.ProblemType;
import dev.shortstack.shared.infra.ShortstackResources;
import dev.shortstack.shared.link.LinkItems;
import dev.shortstack.shared.paging.Page;
import dev.shortstack.shared.paging.PageRequest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Starting, reading, listing and cancelling a workspace's batch jobs. The work itself is done by
 * the jobs worker, fed through the jobs queue.
 */
public final class JobService {
    /** How long upload and download URLs stay valid; a new download URL comes with every read. */
    public static final Duration URL_VALIDITY = Duration.ofHours(1);
    private static final String ID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

    private final JobStore store;
    private final JobQueue queue;
    private final JobFiles files;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public JobService(JobStore store, JobQueue queue, JobFiles files, Clock clock) {
        this.store = store;
        this.queue = queue;
        this.files = files;
        this.clock = clock;
    }

    /** An import whose file the client uploads to the returned URL; the upload starts it. */
    public NewImport createImport(Caller caller, ImportRequest request) {
        String jobId = newJobId();
        Job job = Job.newImport(jobId, caller.workspaceId(), request, clock.instant(), caller.keyId(), sourceKey(jobId));
        store.create(job);
        return new NewImport(job, files.presignUpload(job.sourceKey(), request.sizeBytes(), URL_VALIDITY));
    }

    /** An import whose file came with the request: stored, then planned right away. */
    public Job createInlineImport(Caller caller, ImportRequest request, byte[] content, String contentType) {
        String jobId = newJobId();
        Job job = Job.newImport(jobId, caller.workspaceId(), request, clock.instant(), caller.keyId(), sourceKey(jobId));
        files.put(job.sourceKey(), content, contentType);
        store.create(job);
        queue.send(List.of(JobMessage.plan(jobId)));
        return job;
    }

    /**
     * Starts an uploaded import (for clients that would rather not wait for the upload
     * notification). Starting a running job again changes nothing.
     */
    public Job startImport(Caller caller, String jobId) {
        Job job = get(caller, jobId);
        if (job.kind() != JobKind.IMPORT) {
            throw new ApiProblem(ProblemType.NOT_FOUND, "No import '" + jobId + "' in this workspace; it is an export.");
        }
        if (job.status().isFinal()) {
            throw ended(job);
        }
        if (files.stat(job.sourceKey()).isEmpty()) {
            throw new ApiProblem(ProblemType.UPLOAD_MISSING,
                    "Upload the file to the job's upload URL first (PUT), then start it; GET /v1/jobs/" + jobId + " shows it.");
        }
        queue.send(List.of(JobMessage.plan(jobId)));
        return job;
    }

    public Job createExport(Caller caller, ExportRequest request) {
        String jobId = newJobId();
        Job job = Job.newExport(jobId, caller.workspaceId(), request, clock.instant(), caller.keyId());
        store.create(job);
        queue.send(List.of(JobMessage.export(jobId)));
        return job;
    }

    public Job get(Caller caller, String jobId) {
        return store.find(jobId)
                .filter(job -> job.workspaceId().equals(caller.workspaceId()))
                .orElseThrow(() -> new ApiProblem(ProblemType.NOT_FOUND, "No job '" + jobId + "' in this workspace."));
    }

    /** A page of the workspace's jobs, newest first. */
    public Page<Job> list(Caller caller, PageRequest page) {
        List<Job> fetched = store.listByWorkspace(caller.workspaceId(), page.after(null), page.limit() + 1);
        return Page.cut(fetched, page.limit(), job -> LinkItems.createdKey(job.createdAt(), job.jobId()), null);
    }

    /** Stops a job: chunks not yet started are skipped; what was done stays done and counted. */
    public Job cancel(Caller caller, String jobId) {
        Job job = get(caller, jobId);
        return store.cancel(jobId, clock.instant()).orElseThrow(() -> ended(store.find(jobId).orElse(job)));
    }

    /** A fresh download URL for an export's file or an import's error report. */
    public Optional<PresignedUrl> resultUrl(Job job) {
        return Optional.ofNullable(job.resultKey())
                .map(key -> files.presignDownload(key, job.jobId() + "." + job.format(), URL_VALIDITY));
    }

    public Optional<PresignedUrl> errorReportUrl(Job job) {
        return Optional.ofNullable(job.errorKey())
                .map(key -> files.presignDownload(key, job.jobId() + "-errors.csv", URL_VALIDITY));
    }

    public static String sourceKey(String jobId) {
        return ShortstackResources.IMPORT_UPLOAD_PREFIX + jobId + ShortstackResources.IMPORT_UPLOAD_SUFFIX;
    }

    private static ApiProblem ended(Job job) {
        return new ApiProblem(ProblemType.JOB_ENDED, "Job '" + job.jobId() + "' has ended: it is " + job.status().wireName() + ".");
    }

    /** Random and unguessable; listing order comes from the creation time in the index, not the id. */
    private String newJobId() {
        StringBuilder id = new StringBuilder("job_");
        for (int i = 0; i < 20; i++) {
            id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }
}
