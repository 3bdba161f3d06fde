package dev.shortstack.links.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortstack.shared.json.Json;
import dev.shortstack.shared.webhooks.WebhookEvent;
import dev.shortstack.shared.webhooks.WebhookEventType;
import java.time.Instant;

/**
 * {@code import.finished} and {@code export.finished}: the job's outcome, with the path to read it
 * (and its report or file URLs) from. Raised once the job's final status is written, with an id
 * that follows from the job and outcome.
 */
public final class JobWebhookEvents {
    private JobWebhookEvents() {
    }

    /** @param rows an export's rows written; ignored for imports (their counters are on the job) */
    public static WebhookEvent finished(Job job, JobStatus status, String error, long rows, Instant at) {
        WebhookEventType type = job.kind() == JobKind.IMPORT ? WebhookEventType.IMPORT_FINISHED : WebhookEventType.EXPORT_FINISHED;
        ObjectNode data = Json.mapper().createObjectNode();
        ObjectNode node = data.putObject("job");
        node.put("id", job.jobId());
        node.put("kind", job.kind().wireName());
        node.put("status", status.wireName());
        node.put("format", job.format());
        if (job.kind() == JobKind.IMPORT) {
            node.put("rowsTotal", job.rowsTotal());
            node.put("rowsSucceeded", job.rowsSucceeded());
            node.put("rowsFailed", job.rowsFailed());
            node.put("rowsRenamed", job.rowsRenamed());
        } else {
            node.put("type", job.exportType());
            node.put("rows", rows);
        }
        node.put("error", error);
        node.put("createdAt", job.createdAt().toString());
        node.put("finishedAt", at.toString());
        node.put("href", "/v1/jobs/" + job.jobId());
        // The job's creation time starts the id: a finish retried later is still the same event.
        return WebhookEvent.derived(type, job.workspaceId(), at, job.createdAt(), "job:" + job.jobId() + ":" + status.wireName(), data);
    }
}
