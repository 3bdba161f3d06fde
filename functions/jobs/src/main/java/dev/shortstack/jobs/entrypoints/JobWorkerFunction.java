package dev.shortstack.jobs.entrypoints;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.shortstack.jobs.exports.Exporter;
import dev.shortstack.jobs.imports.ChunkImporter;
import dev.shortstack.jobs.imports.ImportPlanner;
import dev.shortstack.links.jobs.JobMessage;
import dev.shortstack.links.jobs.Job;
import dev.shortstack.links.jobs.JobStatus;
import dev.shortstack.links.jobs.JobStore;
import dev.shortstack.links.jobs.JobWebhookEvents;
import dev.shortstack.shared.webhooks.UnqueuedWebhookEvents;
import dev.shortstack.shared.webhooks.WebhookEvents;
import java.time.Instant;
import dev.shortstack.shared.infra.ShortstackResources;
import java.time.Clock;
import dev.shortstack.shared.config.Env;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.observability.Observability;
import dev.shortstack.shared.sqs.SqsBatchFunction;
import dev.shortstack.shared.sqs.RetrySoon;
import dev.shortstack.shared.http.UnreachableDependency;
import dev.shortstack.shared.sqs.SqsRecord;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Triggered by the jobs queue. A message is one of: S3's notification that an import file was
 * uploaded (plan it), a plan request, an import chunk, or an export. A message that fails comes
 * back (and goes to the DLQ after five tries); every step is safe to repeat.
 */
public final class JobWorkerFunction extends SqsBatchFunction {
    private static final Logger LOG = LoggerFactory.getLogger(JobWorkerFunction.class);
    private static final Pattern UPLOAD_KEY = Pattern.compile("imports/([A-Za-z0-9_]+)/source");

    private final ImportPlanner planner;
    private final ChunkImporter chunks;
    private final Exporter exporter;
    private final JobStore jobs;
    private final Clock clock;
    private final WebhookEvents webhooks;
    private final RetrySoon retrySoon;
    static final java.time.Duration RETRY_UNREACHABLE = java.time.Duration.ofSeconds(30);

    public JobWorkerFunction() {
        this(JobWorkerDependencies.fromEnv(Env.system()));
    }

    public JobWorkerFunction(JobWorkerDependencies deps) {
        super(new Observability("jobs-worker"));
        this.planner = deps.planner();
        this.chunks = deps.chunkImporter();
        this.exporter = deps.exporter();
        this.jobs = deps.jobs();
        this.clock = deps.clock();
        this.webhooks = deps.webhooks();
        this.retrySoon = deps.retrySoon();
    }

    @Override
    protected Set<String> process(List<SqsRecord> records, Context context) {
        Set<String> failed = new HashSet<>();
        for (SqsRecord record : records) {
            try {
                handle(Json.mapper().readTree(record.body()));
            } catch (IOException | RuntimeException e) {
                LOG.error("Job message {} failed (receive {}); it will come back", record.messageId(), record.receiveCount(), e);
                failed.add(record.messageId());
                if (record.receiveCount() >= ShortstackResources.JOBS_WORK.maxReceiveCount()) {
                    giveUp(record, e);
                } else if (UnreachableDependency.is(e)) {
                    // A dependency that did not answer is back soon: retry in half a minute, not the queue's 30.
                    retrySoon.after(record, RETRY_UNREACHABLE);
                }
            } finally {
                MDC.remove("jobId");
            }
        }
        return failed;
    }

    /**
     * The message's last attempt failed: it goes to the DLQ, and its job is failed with the reason
     * rather than left running for ever. What it imported stays (and is counted in its chunk's
     * links); importing the file again creates the rest.
     */
    private void giveUp(SqsRecord record, Exception cause) {
        try {
            JobMessage message = Json.mapper().readValue(record.body(), JobMessage.class);
            if (message.jobId() != null) {
                String what = JobMessage.CHUNK.equals(message.type())
                        ? "The chunk starting at line " + message.firstLine() : "The job's " + message.type() + " step";
                String error = what + " failed " + record.receiveCount() + " times (last error: " + cause.getMessage()
                        + "). Rows already imported stay; import the file again to add the rest.";
                Instant now = clock.instant();
                if (jobs.fail(message.jobId(), error, now)) {
                    jobs.find(message.jobId()).ifPresent(job -> tellFailed(job, error, now));
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            LOG.warn("Message {} goes to the DLQ and names no job", record.messageId());
        }
    }

    /** The job failed for good: its webhook event says so (a refused event is logged, the job stays failed). */
    private void tellFailed(Job job, String error, Instant now) {
        UnqueuedWebhookEvents.raiseOrLog(webhooks, List.of(JobWebhookEvents.finished(job, JobStatus.FAILED, error, 0, now)));
    }

    private void handle(JsonNode body) throws IOException {
        if (body.has("Records")) {
            for (JsonNode s3Event : body.get("Records")) {
                Matcher upload = UPLOAD_KEY.matcher(s3Event.path("s3").path("object").path("key").asText());
                if (s3Event.path("eventName").asText().startsWith("ObjectCreated") && upload.matches()) {
                    MDC.put("jobId", upload.group(1));
                    planner.plan(upload.group(1));
                }
            }
            return;
        }
        if (body.path("Event").asText().equals("s3:TestEvent")) {
            return;
        }
        JobMessage message = Json.mapper().treeToValue(body, JobMessage.class);
        if (message.jobId() == null || message.type() == null) {
            throw new IllegalArgumentException("Not a job message: " + body);
        }
        MDC.put("jobId", message.jobId());
        switch (message.type()) {
            case JobMessage.PLAN -> planner.plan(message.jobId());
            case JobMessage.CHUNK -> {
                chunks.importChunk(message);
                observability().count("ImportChunks");
            }
            case JobMessage.EXPORT -> exporter.export(message.jobId());
            default -> throw new IllegalArgumentException("Unknown job message type '" + message.type() + "'");
        }
    }
}
