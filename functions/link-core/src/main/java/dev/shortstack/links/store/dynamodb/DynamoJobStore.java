package dev.shortstack.links.store.dynamodb;

import static dev.shortstack.shared.infra.JobAttributes.CREATED_KEY;
import static dev.shortstack.shared.infra.JobAttributes.EXPIRES_AT_EPOCH;
import static dev.shortstack.shared.infra.JobAttributes.ITEM;
import static dev.shortstack.shared.infra.JobAttributes.JOB_ID;
import static dev.shortstack.shared.infra.JobAttributes.WORKSPACE_ID;
import static dev.shortstack.shared.infra.JobAttributes.WORKSPACE_INDEX;

import dev.shortstack.links.jobs.InvalidSlugPolicy;
import dev.shortstack.links.jobs.Job;
import dev.shortstack.links.jobs.JobKind;
import dev.shortstack.links.jobs.JobStatus;
import dev.shortstack.links.jobs.JobStore;
import dev.shortstack.shared.link.LinkItems;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** Jobs and their chunk ledger in the jobs table. */
public final class DynamoJobStore implements JobStore {
    /** Ended jobs and their ledgers are kept this long, then DynamoDB's TTL removes them. */
    public static final Duration RETENTION = Duration.ofDays(30);
    private static final String JOB_ITEM = "job";
    private static final Map<String, String> STATUS_NAME = Map.of("#status", "status");

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoJobStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void create(Job job) {
        Map<String, AttributeValue> item = new HashMap<>(key(job.jobId(), JOB_ITEM));
        item.put(WORKSPACE_ID, s(job.workspaceId()));
        item.put(CREATED_KEY, s(LinkItems.createdKey(job.createdAt(), job.jobId())));
        item.put("kind", s(job.kind().wireName()));
        item.put("status", s(job.status().wireName()));
        item.put("format", s(job.format()));
        if (job.exportType() != null) {
            item.put("exportType", s(job.exportType()));
        }
        if (job.from() != null) {
            item.put("from", s(job.from().toString()));
        }
        if (job.to() != null) {
            item.put("to", s(job.to().toString()));
        }
        item.put("createdAt", s(job.createdAt().toString()));
        item.put("createdBy", s(job.createdBy()));
        item.put("defaultTags", list(job.defaultTags()));
        if (job.onInvalidSlug() != null) {
            item.put("onInvalidSlug", s(job.onInvalidSlug().wireName()));
        }
        if (job.sourceKey() != null) {
            item.put("sourceKey", s(job.sourceKey()));
        }
        // A job nobody starts (no upload) goes away on its own.
        item.put(EXPIRES_AT_EPOCH, n(job.createdAt().plus(RETENTION).getEpochSecond()));
        dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(#id)")
                .expressionAttributeNames(Map.of("#id", JOB_ID)));
    }

    @Override
    public Optional<Job> find(String jobId) {
        GetItemResponse response = dynamo.getItem(r -> r.tableName(table).key(key(jobId, JOB_ITEM)).consistentRead(true));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(fromItem(response.item())) : Optional.empty();
    }

    @Override
    public List<Job> listByWorkspace(String workspaceId, String beforeCreatedKey, int limit) {
        Map<String, String> names = new HashMap<>(Map.of("#ws", WORKSPACE_ID));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":ws", s(workspaceId)));
        String condition = "#ws = :ws";
        if (beforeCreatedKey != null) {
            condition += " AND #created < :before";
            names.put("#created", CREATED_KEY);
            values.put(":before", s(beforeCreatedKey));
        }
        String keyCondition = condition;
        List<Job> jobs = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamo.queryPaginator(r -> r.tableName(table).indexName(WORKSPACE_INDEX)
                .keyConditionExpression(keyCondition).expressionAttributeNames(names).expressionAttributeValues(values)
                .scanIndexForward(false).limit(limit)).items()) {
            jobs.add(fromItem(item));
            if (jobs.size() == limit) {
                break;
            }
        }
        return jobs;
    }

    @Override
    public boolean startImport(String jobId, String sourceEtag, int chunksTotal, long rowsTotal, List<String> columns,
                               List<String> warnings, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>(active());
        values.put(":running", s(JobStatus.RUNNING.wireName()));
        values.put(":chunks", n(chunksTotal));
        values.put(":rows", n(rowsTotal));
        values.put(":columns", list(columns));
        values.put(":now", s(now.toString()));
        values.put(":etag", s(sourceEtag));
        String update = "SET #status = :running, chunksTotal = :chunks, rowsTotal = :rows, #columns = :columns,"
                + " sourceEtag = :etag, startedAt = if_not_exists(startedAt, :now)";
        if (!warnings.isEmpty()) {
            update += " ADD warnings :warnings";
            values.put(":warnings", AttributeValue.fromSs(warnings));
        }
        return conditionalUpdate(jobId, update, Map.of("#status", "status", "#columns", "columns"), values,
                "#status IN (:queued, :running)");
    }

    @Override
    public void markChunksQueued(String jobId) {
        conditionalUpdate(jobId, "SET chunksQueued = :yes", Map.of("#id", JOB_ID),
                Map.of(":yes", AttributeValue.fromBool(true)), "attribute_exists(#id)");
    }

    @Override
    public boolean chunkDone(String jobId, int chunk) {
        GetItemResponse response = dynamo.getItem(r -> r.tableName(table).key(key(jobId, chunkItem(chunk))).consistentRead(true));
        return response.hasItem() && !response.item().isEmpty();
    }

    @Override
    public boolean startExport(String jobId, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>(active());
        values.put(":running", s(JobStatus.RUNNING.wireName()));
        values.put(":now", s(now.toString()));
        return conditionalUpdate(jobId, "SET #status = :running, startedAt = if_not_exists(startedAt, :now)",
                STATUS_NAME, values, "#status IN (:queued, :running)");
    }

    @Override
    public boolean completeChunk(String jobId, int chunk, long succeeded, long renamed, long failed, List<String> warnings,
                                 Instant now) {
        Map<String, AttributeValue> ledger = new HashMap<>(key(jobId, chunkItem(chunk)));
        ledger.put("succeeded", n(succeeded));
        ledger.put("renamed", n(renamed));
        ledger.put("failed", n(failed));
        ledger.put("completedAt", s(now.toString()));
        ledger.put(EXPIRES_AT_EPOCH, n(now.plus(RETENTION).getEpochSecond()));
        TransactWriteItem putLedger = TransactWriteItem.builder().put(p -> p.tableName(table).item(ledger)
                .conditionExpression("attribute_not_exists(#item)")
                .expressionAttributeNames(Map.of("#item", ITEM))).build();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":ok", n(succeeded), ":renamed", n(renamed), ":failed", n(failed), ":one", n(1)));
        String update = "ADD rowsSucceeded :ok, rowsRenamed :renamed, rowsFailed :failed, chunksDone :one";
        if (!warnings.isEmpty()) {
            update += ", warnings :warnings";
            values.put(":warnings", AttributeValue.fromSs(warnings));
        }
        String jobUpdate = update;
        TransactWriteItem count = TransactWriteItem.builder().update(u -> u.tableName(table).key(key(jobId, JOB_ITEM))
                .updateExpression(jobUpdate)
                .conditionExpression("attribute_exists(#id)")
                .expressionAttributeNames(Map.of("#id", JOB_ID))
                .expressionAttributeValues(values)).build();
        try {
            dynamo.transactWriteItems(r -> r.transactItems(List.of(putLedger, count)));
            return true;
        } catch (TransactionCanceledException e) {
            boolean alreadyCounted = e.hasCancellationReasons() && !e.cancellationReasons().isEmpty()
                    && "ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code());
            if (alreadyCounted) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void exportProgress(String jobId, long rows) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":rows", n(rows), ":running", s(JobStatus.RUNNING.wireName())));
        conditionalUpdate(jobId, "SET rowsSucceeded = :rows", STATUS_NAME, values, "#status = :running");
    }

    @Override
    public boolean finishImport(String jobId, JobStatus status, String errorKey, String error, Instant now) {
        Map<String, AttributeValue> values = finalValues(status, now);
        Map<String, String> names = new HashMap<>(Map.of("#status", "status", "#ttl", EXPIRES_AT_EPOCH));
        String update = "SET #status = :final, finishedAt = :now, #ttl = :ttl";
        if (errorKey != null) {
            update += ", errorKey = :errors";
            values.put(":errors", s(errorKey));
        }
        if (error != null) {
            update += ", #error = :error";
            names.put("#error", "error");
            values.put(":error", s(error));
        }
        return conditionalUpdate(jobId, update, names, values, "#status = :running");
    }

    @Override
    public boolean finishExport(String jobId, String resultKey, long rows, long bytes, Instant now) {
        Map<String, AttributeValue> values = finalValues(JobStatus.SUCCEEDED, now);
        values.put(":result", s(resultKey));
        values.put(":rows", n(rows));
        values.put(":bytes", n(bytes));
        return conditionalUpdate(jobId, "SET #status = :final, finishedAt = :now, #ttl = :ttl, resultKey = :result,"
                        + " rowsSucceeded = :rows, rowsTotal = :rows, resultBytes = :bytes",
                Map.of("#status", "status", "#ttl", EXPIRES_AT_EPOCH), values, "#status = :running");
    }

    @Override
    public boolean fail(String jobId, String error, Instant now) {
        Map<String, AttributeValue> values = finalValues(JobStatus.FAILED, now);
        values.putAll(active());
        values.put(":error", s(error));
        return conditionalUpdate(jobId, "SET #status = :final, finishedAt = :now, #ttl = :ttl, #error = :error",
                Map.of("#status", "status", "#ttl", EXPIRES_AT_EPOCH, "#error", "error"), values,
                "#status IN (:queued, :running)");
    }

    @Override
    public Optional<Job> cancel(String jobId, Instant now) {
        Map<String, AttributeValue> values = finalValues(JobStatus.CANCELLED, now);
        values.putAll(active());
        try {
            UpdateItemResponse response = dynamo.updateItem(r -> r.tableName(table).key(key(jobId, JOB_ITEM))
                    .updateExpression("SET #status = :final, finishedAt = :now, #ttl = :ttl")
                    .conditionExpression("#status IN (:queued, :running)")
                    .expressionAttributeNames(Map.of("#status", "status", "#ttl", EXPIRES_AT_EPOCH))
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW));
            return Optional.of(fromItem(response.attributes()));
        } catch (ConditionalCheckFailedException ended) {
            return Optional.empty();
        }
    }

    private boolean conditionalUpdate(String jobId, String update, Map<String, String> names,
                                      Map<String, AttributeValue> values, String condition) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(jobId, JOB_ITEM))
                    .updateExpression(update)
                    .conditionExpression(condition)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException stateChanged) {
            return false;
        }
    }

    private static Map<String, AttributeValue> finalValues(JobStatus status, Instant now) {
        return new HashMap<>(Map.of(
                ":final", s(status.wireName()),
                ":now", s(now.toString()),
                ":running", s(JobStatus.RUNNING.wireName()),
                ":ttl", n(now.plus(RETENTION).getEpochSecond())));
    }

    private static Map<String, AttributeValue> active() {
        return Map.of(":queued", s(JobStatus.QUEUED.wireName()), ":running", s(JobStatus.RUNNING.wireName()));
    }

    static String chunkItem(int chunk) {
        return String.format("chunk#%06d", chunk);
    }

    private static Job fromItem(Map<String, AttributeValue> item) {
        return new Job(
                item.get(JOB_ID).s(),
                item.get(WORKSPACE_ID).s(),
                JobKind.fromWire(item.get("kind").s()),
                JobStatus.fromWire(item.get("status").s()),
                item.get("format").s(),
                text(item, "exportType"),
                item.containsKey("from") ? LocalDate.parse(item.get("from").s()) : null,
                item.containsKey("to") ? LocalDate.parse(item.get("to").s()) : null,
                Instant.parse(item.get("createdAt").s()),
                item.get("createdBy").s(),
                instant(item, "startedAt"),
                instant(item, "finishedAt"),
                number(item, "rowsTotal"),
                number(item, "rowsSucceeded"),
                number(item, "rowsFailed"),
                number(item, "rowsRenamed"),
                JobKind.fromWire(item.get("kind").s()) == JobKind.IMPORT
                        ? InvalidSlugPolicy.fromWire(text(item, "onInvalidSlug")).orElse(InvalidSlugPolicy.REJECT) : null,
                (int) number(item, "chunksTotal"),
                (int) number(item, "chunksDone"),
                item.containsKey("chunksQueued") && Boolean.TRUE.equals(item.get("chunksQueued").bool()),
                strings(item, "columns"),
                strings(item, "defaultTags"),
                item.containsKey("warnings") ? item.get("warnings").ss().stream().sorted().toList() : List.of(),
                text(item, "error"),
                text(item, "sourceKey"),
                text(item, "sourceEtag"),
                text(item, "resultKey"),
                text(item, "errorKey"),
                number(item, "resultBytes"));
    }

    private static Map<String, AttributeValue> key(String jobId, String item) {
        return Map.of(JOB_ID, s(jobId), ITEM, s(item));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? item.get(name).s() : null;
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? Instant.parse(item.get(name).s()) : null;
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? Long.parseLong(item.get(name).n()) : 0;
    }

    private static List<String> strings(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? item.get(name).l().stream().map(AttributeValue::s).toList() : List.of();
    }

    private static AttributeValue list(List<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
